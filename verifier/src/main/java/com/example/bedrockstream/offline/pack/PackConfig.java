package com.example.bedrockstream.offline.pack;

import com.google.protobuf.Value;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The level of each policy, as the engine configures the pack from {@code --policy-pack-config <file>}:
 * {@code {"<policy>": {"enforcementLevel": "advisory", "reason": "..."}}}, or {@code "all"} for every policy. The
 * engine sends every policy, at its default level unless the file says otherwise. A policy may be raised freely;
 * lowering one (mandatory to advisory, or anything to disabled) needs a reason, which the pack prints. A config that
 * lowers without a reason, names a policy the pack does not have, or asks for remediation is refused whole.
 *
 * @param lowered the reason of each lowered policy
 */
record PackConfig(Map<String, EnforcementLevel> levels, Map<String, String> lowered) {
    private static final String ALL = "all";
    private static final int MOST_SHOWN = 20;

    /** Every policy at its default level. */
    static PackConfig defaults() {
        var levels = new TreeMap<String, EnforcementLevel>();
        PackPolicies.ALL.forEach(policy -> levels.put(policy.name(), policy.level()));
        return new PackConfig(levels, Map.of());
    }

    /** @throws Refused naming every policy whose config is wrong, and the form that is expected */
    static PackConfig of(Map<String, PolicyConfig> config) {
        var levels = new TreeMap<>(defaults().levels());
        var lowered = new TreeMap<String, String>();
        var problems = new ArrayList<String>();
        Optional<PolicyConfig> all = Optional.ofNullable(config.get(ALL));
        Optional<String> allReason = all.flatMap(PackConfig::reason);
        all.filter(c -> c.getEnforcementLevel() == EnforcementLevel.REMEDIATE).ifPresent(c -> problems.add(remediate(ALL)));
        // The engine applies "all" to every policy before it sends them; one missing reason for it is said once.
        boolean allLowersWithoutReason = all.isPresent() && allReason.isEmpty() && PackPolicies.ALL.stream()
                .anyMatch(p -> PackPolicy.rank(all.get().getEnforcementLevel()) < PackPolicy.rank(p.level()));
        if (allLowersWithoutReason) {
            problems.add(needsReason(ALL, all.get().getEnforcementLevel(), "every policy's default"));
        }
        new TreeMap<>(config).forEach((name, given) -> {
            if (name.equals(ALL)) {
                return;
            }
            Optional<PackPolicy> policy = PackPolicies.named(name);
            if (policy.isEmpty()) {
                problems.add(name + ": the pack has no such policy; its policies are the offline preview's rule ids"
                        + " and " + PackPolicies.CALLER_PATH + ", " + PackPolicies.NOTEBOOK_USER_PATH);
                return;
            }
            EnforcementLevel level = given.getEnforcementLevel();
            if (level == EnforcementLevel.REMEDIATE || level == EnforcementLevel.UNRECOGNIZED) {
                if (all.map(PolicyConfig::getEnforcementLevel).filter(level::equals).isEmpty()) {
                    problems.add(remediate(name));
                }
                return;
            }
            levels.put(name, level);
            if (PackPolicy.rank(level) >= PackPolicy.rank(policy.get().level())) {
                return;
            }
            boolean fromAll = all.map(PolicyConfig::getEnforcementLevel).filter(level::equals).isPresent();
            Optional<String> reason = reason(given).or(() -> fromAll ? allReason : Optional.empty());
            if (reason.isPresent()) {
                lowered.put(name, reason.get());
            } else if (!(fromAll && allLowersWithoutReason)) {
                problems.add(needsReason(name, level, PackPolicy.spelled(policy.get().level())));
            }
        });
        if (!problems.isEmpty()) {
            // The refusal travels in a gRPC status, whose size the transport limits: the first ones show the form.
            var shown = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MOST_SHOWN)));
            if (problems.size() > MOST_SHOWN) {
                shown.add("and " + (problems.size() - MOST_SHOWN) + " more");
            }
            throw new Refused("the " + PackPolicies.NAME + " policy pack refuses its config:\n  "
                    + String.join("\n  ", shown));
        }
        return new PackConfig(levels, lowered);
    }

    EnforcementLevel level(String policy) {
        return levels.getOrDefault(policy, EnforcementLevel.DISABLED);
    }

    Optional<String> reason(String policy) {
        return Optional.ofNullable(lowered.get(policy));
    }

    /** One line per lowered policy: "checkov:CKV_AWS_158 is advisory (by default mandatory): why". */
    List<String> loweredLines() {
        return lowered.entrySet().stream().map(e -> e.getKey() + " is " + PackPolicy.spelled(level(e.getKey()))
                + " (by default " + PackPolicy.spelled(PackPolicies.named(e.getKey()).orElseThrow().level()) + "): "
                + e.getValue()).toList();
    }

    private static Optional<String> reason(PolicyConfig config) {
        Value reason = config.getProperties().getFieldsOrDefault(PackPolicies.REASON, Value.getDefaultInstance());
        return reason.hasStringValue() && !reason.getStringValue().isBlank()
                ? Optional.of(reason.getStringValue().strip()) : Optional.empty();
    }

    private static String needsReason(String name, EnforcementLevel level, String instead) {
        return name + ": " + PackPolicy.spelled(level) + " instead of " + instead + " needs a reason, e.g. {\"" + name
                + "\": {\"enforcementLevel\": \"" + PackPolicy.spelled(level) + "\", \"" + PackPolicies.REASON
                + "\": \"why\"}}";
    }

    private static String remediate(String name) {
        return name + ": the pack remediates nothing; use mandatory, advisory or disabled";
    }

    /** A config the pack will not run with. */
    static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
