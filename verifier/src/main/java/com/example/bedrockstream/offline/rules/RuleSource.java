package com.example.bedrockstream.offline.rules;

/**
 * Where a rule comes from, so a reviewer can weigh a finding: what the AWS provider plugin would refuse at
 * {@code pulumi up}, what AWS itself would refuse, what a Checkov scan would report, or this project's perimeter.
 *
 * @param reference the file, quota or check the rule restates
 */
public record RuleSource(Kind kind, String reference) {

    public enum Kind {
        PROVIDER("provider", "the AWS provider plugin's validation"),
        AWS_API("aws-api", "an AWS API limit the provider leaves to AWS"),
        CHECKOV("checkov", "a Checkov check"),
        DESIGN("design", "the design's security perimeter (DESIGN.md §3)");

        private final String prefix;
        private final String meaning;

        Kind(String prefix, String meaning) {
            this.prefix = prefix;
            this.meaning = meaning;
        }

        /** How rule ids of this kind start, e.g. "provider:". */
        public String prefix() {
            return prefix;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** The source of a rule whose id starts with {@code prefix} ("provider", "aws-api", ...). */
    static RuleSource of(String prefix, String reference) {
        for (Kind kind : Kind.values()) {
            if (kind.prefix.equals(prefix)) {
                return kind == Kind.PROVIDER ? provider(reference) : new RuleSource(kind, reference);
            }
        }
        throw new IllegalArgumentException("no rule source kind " + prefix);
    }

    public static RuleSource provider(String reference) {
        return new RuleSource(Kind.PROVIDER, "terraform-provider-aws 5.x internal/service/" + reference);
    }

    public static RuleSource awsApi(String reference) {
        return new RuleSource(Kind.AWS_API, reference);
    }

    public static RuleSource checkov(String reference) {
        return new RuleSource(Kind.CHECKOV, reference);
    }

    public static RuleSource design(String reference) {
        return new RuleSource(Kind.DESIGN, reference);
    }

    @Override
    public String toString() {
        return kind.prefix + " " + reference;
    }
}
