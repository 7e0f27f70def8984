package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.path.Hop;
import com.example.bedrockstream.offline.path.NotebookUserHop;
import com.example.bedrockstream.offline.rules.PlanRules;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfigSchema;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;
import pulumirpc.AnalyzerOuterClass.PolicyType;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the pack serves: every rule of the offline preview ({@link PlanRules#ALL}), one policy per rule under its id,
 * and the two path proofs. Nothing is left to the offline preview alone; a rule needing more than one stack runs on
 * this stack and the others as the backend holds them (see {@link BackendStacks}).
 */
final class PackPolicies {
    static final String NAME = "bedrock-stream";
    static final String CALLER_PATH = "path:caller";
    static final String NOTEBOOK_USER_PATH = "path:notebook-user";
    /** The config property that says why a rule is lowered. */
    static final String REASON = "reason";

    private PackPolicies() {
    }

    static final List<PackPolicy> ALL = Stream.concat(PlanRules.ALL.stream().map(PackPolicy::of), Stream.of(
            new PackPolicy(CALLER_PATH, "every caller's streaming request gets through each hop of DESIGN.md §2 ("
                    + Hop.values().length + " hops: dns, routes, security groups, endpoint policies, trust,"
                    + " permissions, the ML function's way to Bedrock)", EnforcementLevel.MANDATORY,
                    PolicyType.POLICY_TYPE_STACK, Optional.empty()),
            new PackPolicy(NOTEBOOK_USER_PATH, "every notebook's users get in through the VPC's own endpoints and no"
                    + " other way (" + NotebookUserHop.values().length + " hops)", EnforcementLevel.MANDATORY,
                    PolicyType.POLICY_TYPE_STACK, Optional.empty()))).toList();

    static Optional<PackPolicy> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The pack's version: the packaged program's (its jar's manifest), empty when run from classes. */
    static String version() {
        return Optional.ofNullable(PackPolicies.class.getPackage().getImplementationVersion()).orElse("");
    }

    static AnalyzerInfo info() {
        var info = AnalyzerInfo.newBuilder().setName(NAME).setVersion(version()).setSupportsConfig(true)
                .setDescription("The offline preview's rules and private-path proofs of bedrock-stream, run by the"
                        + " engine on every resource and stack")
                .setProvider("aws");
        for (PackPolicy policy : ALL) {
            info.addPolicies(PolicyInfo.newBuilder().setName(policy.name()).setDescription(policy.description())
                    .setEnforcementLevel(policy.level()).setPolicyType(policy.type())
                    .setMessage(policy.rule().map(rule -> "restates " + rule.source()).orElse("the offline preview's"
                            + " path proof"))
                    .setConfigSchema(REASON_SCHEMA));
        }
        return info.build();
    }

    /** Every policy takes a reason, which lowering it (to advisory or disabled) requires. */
    private static final PolicyConfigSchema REASON_SCHEMA = PolicyConfigSchema.newBuilder()
            .setProperties(Struct.newBuilder().putFields(REASON, Value.newBuilder().setStructValue(Struct.newBuilder()
                    .putFields("type", Value.newBuilder().setStringValue("string").build())
                    .putFields("description", Value.newBuilder().setStringValue("why this policy is advisory or"
                            + " disabled here; required to lower it").build())).build()))
            .build();
}
