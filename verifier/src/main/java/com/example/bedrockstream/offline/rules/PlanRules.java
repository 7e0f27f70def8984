package com.example.bedrockstream.offline.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every rule the offline plan checks, and running them. */
public final class PlanRules {
    private PlanRules() {
    }

    public static final List<PlanRule> ALL = Stream.of(
                    ProviderValidation.INPUT_RULES.stream(),
                    Stream.of(ProviderValidation.NOTEBOOK_PLATFORM),
                    AwsLimits.RULES.stream(),
                    SpokeLimits.RULES.stream(),
                    CheckovRules.RULES.stream(),
                    Perimeter.RULES.stream())
            .<PlanRule>flatMap(rules -> rules)
            .toList();

    /**
     * The ids of the Checkov rules of the isolation family, which the policy pack makes mandatory (the others are
     * hardening, advisory): declared with the Checkov rules.
     */
    public static final Set<String> CHECKOV_ISOLATION = CheckovRules.ISOLATION.stream().map(PlanRule::id)
            .collect(Collectors.toUnmodifiableSet());

    /** Every violation of every rule, in rule order then stack order. */
    public static List<Finding> check(Plan plan) {
        return ALL.stream().flatMap(rule -> rule.check(plan)).toList();
    }

    /**
     * For every resource whose AWS quota the spokes add to, summed over every stack: its count and how many spokes
     * are left before the quota ("aws-api:sg-rules-per-group · app-use1 · ec2/SecurityGroup app-use1-endpoints · 2 of
     * 60 inbound rules, 58 spokes left"). Over the quota, the rule's finding says so too.
     */
    public static List<String> headroom(Plan plan) {
        return SpokeLimits.RULES.stream().flatMap(rule -> rule.headroom(plan)).toList();
    }

    /** "118 rules (provider 80, aws-api 10, checkov 21, design 7)". */
    public static String census() {
        Map<String, Long> byKind = ALL.stream().collect(Collectors.groupingBy(rule -> rule.source().kind().prefix(),
                TreeMap::new, Collectors.counting()));
        return ALL.size() + " rules (" + byKind.entrySet().stream().sorted(Comparator.comparing(e -> -e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }
}
