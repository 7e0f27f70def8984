package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.rules.PlanRule;
import com.example.bedrockstream.offline.rules.Scope;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyType;

import java.util.Locale;
import java.util.Optional;

/**
 * One policy of the pack: a rule of the offline preview under its id, or one of the path proofs.
 *
 * @param description the rule's one-line message
 * @param level       the level of its findings unless the config lowers it
 * @param rule        the rule it runs; empty for a path proof
 */
record PackPolicy(String name, String description, EnforcementLevel level, PolicyType type, Optional<PlanRule> rule) {

    static PackPolicy of(PlanRule rule) {
        return new PackPolicy(rule.id(), rule.message(), Enforcement.of(rule), rule.scope() == Scope.RESOURCE
                ? PolicyType.POLICY_TYPE_RESOURCE : PolicyType.POLICY_TYPE_STACK, Optional.of(rule));
    }

    /** Lower levels first: disabled, advisory, mandatory. */
    static int rank(EnforcementLevel level) {
        return switch (level) {
            case DISABLED -> 0;
            case ADVISORY -> 1;
            case MANDATORY, REMEDIATE, UNRECOGNIZED -> 2;
        };
    }

    /** How the config file names a level ("advisory"). */
    static String spelled(EnforcementLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
