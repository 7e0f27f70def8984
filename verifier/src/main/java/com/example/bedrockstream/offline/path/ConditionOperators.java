package com.example.bedrockstream.offline.path;

import java.util.List;
import java.util.Set;

/**
 * The condition operators the project's policies use. A condition holds when some request value matches some policy
 * value; a key the request lacks fails it. StringNotEquals holds when no request value equals a policy value, and, as
 * IAM documents for negated operators, when the request lacks the key. An operator not listed here cannot be judged,
 * so it is refused rather than guessed.
 */
final class ConditionOperators {
    private static final String NOT_EQUALS = "StringNotEquals";
    private static final Set<String> SUPPORTED = Set.of("StringEquals", "StringLike", "ArnEquals", "ArnLike", NOT_EQUALS);

    private ConditionOperators() {
    }

    /** Checked before any key is looked up: a Deny with an unknown operator must not be skipped silently. */
    static void requireSupported(String operator) {
        if (!SUPPORTED.contains(operator)) {
            throw new IllegalArgumentException("condition operator " + operator + " is not evaluated offline");
        }
    }

    /** Whether a condition on a key the request does not carry holds. */
    static boolean holdsWithoutKey(String operator) {
        return operator.equals(NOT_EQUALS);
    }

    static boolean holds(String operator, List<String> policyValues, List<String> requestValues) {
        if (operator.equals(NOT_EQUALS)) {
            return requestValues.stream().noneMatch(policyValues::contains);
        }
        return requestValues.stream().anyMatch(actual -> policyValues.stream().anyMatch(expected -> switch (operator) {
            case "StringEquals" -> expected.equals(actual);
            case "StringLike" -> Wildcard.matches(expected, actual, false);
            // IAM documents ArnEquals and ArnLike alike: each of the six colon-separated parts is matched on its own.
            default -> arnMatches(expected, actual);
        }));
    }

    private static boolean arnMatches(String pattern, String arn) {
        String[] expected = pattern.split(":", 6);
        String[] actual = arn.split(":", 6);
        if (expected.length != 6 || actual.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcard.matches(expected[i], actual[i], false)) {
                return false;
            }
        }
        return true;
    }
}
