package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.PolicyJson;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.example.bedrockstream.offline.AwsTypes.FUNCTION;
import static com.example.bedrockstream.offline.AwsTypes.KEY;
import static com.example.bedrockstream.offline.AwsTypes.LOG_GROUP;
import static com.example.bedrockstream.offline.AwsTypes.NOTEBOOK;
import static com.example.bedrockstream.offline.AwsTypes.ROLE;
import static com.example.bedrockstream.offline.AwsTypes.ROLE_POLICY;
import static com.example.bedrockstream.offline.AwsTypes.TRAIL;
import static com.example.bedrockstream.offline.AwsTypes.VPC;

/**
 * The Checkov checks (bridgecrewio/checkov, checkov/terraform/checks) for the resource types these stacks create,
 * restated over the simulated resources, so a reviewer who runs Checkov on Terraform finds the same answers here.
 * Ids are Checkov's, each written out once, at its rule. Where this project's perimeter asks for the same thing, the
 * message says why it matters here. The checks deliberately not adopted are {@link #NOT_ADOPTED}, with the reason.
 */
final class CheckovRules {
    private CheckovRules() {
    }

    private static final String BUCKET = AwsTypes.BUCKET_V2;
    private static final String PUBLIC_ACCESS_BLOCK = AwsTypes.BUCKET_PUBLIC_ACCESS_BLOCK;
    /** CKV_AWS_61's notion of "a whole account": an account id or its root. */
    private static final Pattern WHOLE_ACCOUNT = Pattern.compile("\\d{12}|arn:aws:iam::\\d{12}:root");

    static final ResourceRule CKV_AWS_117 = required("checkov:CKV_AWS_117",
            "Lambda functions run inside a VPC (here: the stack's private subnets)",
            FUNCTION, "vpcConfig.subnetIds", null);

    static final ResourceRule CKV_AWS_115 = of("checkov:CKV_AWS_115",
            "Lambda functions have a function-level concurrency limit, so a runaway caller cannot take the account's"
                    + " whole concurrency",
            FUNCTION, (run, function) -> function.input("reservedConcurrentExecutions").filter(Inputs::present)
                    .flatMap(Inputs::integer).filter(n -> n >= 0).isPresent() ? Stream.empty()
                    : Stream.of("reservedConcurrentExecutions = " + function.input("reservedConcurrentExecutions")
                    .map(Inputs::render).orElse("(unset)") + " sets no limit"));

    static final ResourceRule CKV_AWS_158 = required("checkov:CKV_AWS_158",
            "log groups are encrypted with the stack's customer-managed key",
            LOG_GROUP, "kmsKeyId", null);

    static final ResourceRule CKV_AWS_66 = required("checkov:CKV_AWS_66",
            "log groups expire (0 or unset keeps them forever)",
            LOG_GROUP, "retentionInDays", null);

    static final ResourceRule CKV_AWS_7 = required("checkov:CKV_AWS_7",
            "customer-managed keys rotate",
            KEY, "enableKeyRotation", "true");

    static final ResourceRule CKV_AWS_227 = of("checkov:CKV_AWS_227",
            "customer-managed keys are enabled",
            KEY, (run, key) -> key.input("isEnabled").filter(Boolean.FALSE::equals).map(v -> "isEnabled = false").stream());

    static final ResourceRule CKV_AWS_33 = of("checkov:CKV_AWS_33",
            "no key policy statement allows Principal \"*\" without a condition",
            KEY, (run, key) -> statements(key, "policy")
                    .filter(s -> PolicyJson.allows(s) && !s.has("Condition") && PolicyJson.principals(s, "AWS").contains("*"))
                    .map(s -> "policy statement " + Perimeter.sid(s) + " allows Principal \"*\" without a condition"));

    static final ResourceRule CKV_AWS_60 = of("checkov:CKV_AWS_60",
            "no role may be assumed by Principal \"*\"",
            ROLE, (run, role) -> statements(role, "assumeRolePolicy")
                    .filter(s -> PolicyJson.allows(s) && PolicyJson.principals(s, "AWS").contains("*"))
                    .map(s -> "assumeRolePolicy statement " + Perimeter.sid(s) + " trusts Principal \"*\""));

    static final ResourceRule CKV_AWS_61 = of("checkov:CKV_AWS_61",
            "a role trusting a whole account narrows it to named roles with an aws:PrincipalArn condition (Checkov"
                    + " ignores conditions; this check credits that one)",
            ROLE, (run, role) -> statements(role, "assumeRolePolicy")
                    .filter(s -> PolicyJson.allows(s) && !PolicyJson.conditions(s, "aws:PrincipalArn"))
                    .filter(s -> PolicyJson.principals(s, "AWS").stream().anyMatch(p -> WHOLE_ACCOUNT.matcher(p).matches()))
                    .map(s -> "assumeRolePolicy statement " + Perimeter.sid(s) + " trusts a whole account"
                            + " without an aws:PrincipalArn condition"));

    static final ResourceRule CKV_AWS_62 = of("checkov:CKV_AWS_62",
            "no inline policy grants full \"*\" on \"*\" administrative access",
            ROLE_POLICY, (run, policy) -> statements(policy, "policy")
                    .filter(s -> PolicyJson.allows(s)
                            && PolicyJson.strings(s.get("Action")).stream().anyMatch(Set.of("*", "*:*")::contains)
                            && PolicyJson.strings(s.get("Resource")).contains("*"))
                    .map(s -> "policy statement " + Perimeter.sid(s) + " allows \"*\" on \"*\""));

    static final ResourceRule CKV_AWS_63 = of("checkov:CKV_AWS_63",
            "no inline policy statement allows Action \"*\"",
            ROLE_POLICY, (run, policy) -> statements(policy, "policy")
                    .filter(s -> PolicyJson.allows(s) && PolicyJson.strings(s.get("Action")).contains("*"))
                    .map(s -> "policy statement " + Perimeter.sid(s) + " allows Action \"*\""));

    static final ResourceRule CKV_AWS_23 = ofTypes("checkov:CKV_AWS_23",
            "every security group and security group rule has a description",
            Set.of(AwsTypes.SECURITY_GROUP, AwsTypes.INGRESS_RULE, AwsTypes.EGRESS_RULE, AwsTypes.SECURITY_GROUP_RULE),
            (run, group) -> Stream.concat(
                    group.input("description").filter(Inputs::present).isPresent() ? Stream.<String>empty()
                            : Stream.of("description is empty"),
                    Stream.of("ingress", "egress").flatMap(list -> undescribedRules(group, list))
                            .map(path -> path + " is empty")));

    static final ResourceRule CKV_AWS_130 = of("checkov:CKV_AWS_130",
            "subnets assign no public IP (the stacks have no public subnet)",
            AwsTypes.SUBNET, (run, subnet) -> subnet.input("mapPublicIpOnLaunch")
                    .filter(Boolean.TRUE::equals).map(v -> "mapPublicIpOnLaunch = true").stream());

    static final ResourceRule CKV2_AWS_11 = ofStack("checkov:CKV2_AWS_11",
            "every VPC has flow logs, the record of the private path's traffic",
            VPC, (run, vpc) -> attached(run, vpc, AwsTypes.FLOW_LOG, r -> true)
                    ? Stream.empty() : Stream.of("no flow log records this VPC"));

    static final ResourceRule CKV2_AWS_12 = ofStack("checkov:CKV2_AWS_12",
            "every VPC's default security group is managed and admits and sends nothing",
            VPC, (run, vpc) -> attached(run, vpc, AwsTypes.DEFAULT_SECURITY_GROUP,
                    group -> !group.input("ingress").filter(Inputs::present).isPresent()
                            && !group.input("egress").filter(Inputs::present).isPresent())
                    ? Stream.empty() : Stream.of("no managed default security group without rules"));

    static final ResourceRule CKV_AWS_122 = required("checkov:CKV_AWS_122",
            "notebooks have no direct internet access (the default is Enabled)",
            NOTEBOOK, "directInternetAccess", "Disabled");

    static final ResourceRule CKV_AWS_307 = required("checkov:CKV_AWS_307",
            "notebook users have no root access (the default is Enabled)",
            NOTEBOOK, "rootAccess", "Disabled");

    static final ResourceRule CKV_AWS_22 = required("checkov:CKV_AWS_22",
            "notebook volumes are encrypted with a customer-managed key",
            NOTEBOOK, "kmsKeyId", null);

    static final ResourceRule CKV_AWS_371 = required("checkov:CKV_AWS_371",
            "notebooks allow IMDSv2 only",
            NOTEBOOK, "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion", "2");

    static final ResourceRule CKV_AWS_306 = required("checkov:CKV_AWS_306",
            "notebooks run in the stack's own VPC (a subnet of it)",
            NOTEBOOK, "subnetId", null);

    static final ResourceRule CKV_AWS_26 = required("checkov:CKV_AWS_26",
            "SNS topics are encrypted with a KMS key (here: the alarm topic's own customer-managed key, which CloudWatch"
                    + " alarms may use)",
            AwsTypes.TOPIC, "kmsMasterKeyId", null);

    static final ResourceRule CKV_AWS_319 = of("checkov:CKV_AWS_319",
            "alarm actions are enabled (unset means enabled)",
            AwsTypes.METRIC_ALARM, (run, alarm) -> alarm.input("actionsEnabled")
                    .filter(Boolean.FALSE::equals).map(v -> "actionsEnabled = false").stream());

    static final ResourceRule CKV_AWS_331 = of("checkov:CKV_AWS_331",
            "Transit Gateways accept no attachment automatically",
            AwsTypes.TRANSIT_GATEWAY, (run, tgw) -> tgw.input("autoAcceptSharedAttachments")
                    .filter("enable"::equals).map(v -> "autoAcceptSharedAttachments = \"enable\"").stream());

    // Audit (issue 13): the account trail and its bucket.

    static final ResourceRule CKV_AWS_36 = required("checkov:CKV_AWS_36",
            "trails validate their log files, so a changed or deleted file shows",
            TRAIL, "enableLogFileValidation", "true");

    static final ResourceRule CKV_AWS_35 = required("checkov:CKV_AWS_35",
            "trails encrypt their log files with a customer-managed key",
            TRAIL, "kmsKeyId", null);

    static final ResourceRule CKV_AWS_67 = required("checkov:CKV_AWS_67",
            "trails record every region, where a spoke or an intruder may act",
            TRAIL, "isMultiRegionTrail", "true");

    static final ResourceRule CKV2_AWS_6 = ofStack("checkov:CKV2_AWS_6",
            "every S3 bucket has a public access block",
            BUCKET, (run, bucket) -> companion(run, bucket, PUBLIC_ACCESS_BLOCK, r -> true) ? Stream.empty()
                    : Stream.of("no public access block names this bucket"));

    static final ResourceRule CKV_AWS_53 = required("checkov:CKV_AWS_53",
            "public access blocks block public ACLs",
            PUBLIC_ACCESS_BLOCK, "blockPublicAcls", "true");

    static final ResourceRule CKV_AWS_54 = required("checkov:CKV_AWS_54",
            "public access blocks block public policies",
            PUBLIC_ACCESS_BLOCK, "blockPublicPolicy", "true");

    static final ResourceRule CKV_AWS_55 = required("checkov:CKV_AWS_55",
            "public access blocks ignore public ACLs",
            PUBLIC_ACCESS_BLOCK, "ignorePublicAcls", "true");

    static final ResourceRule CKV_AWS_56 = required("checkov:CKV_AWS_56",
            "public access blocks restrict public buckets",
            PUBLIC_ACCESS_BLOCK, "restrictPublicBuckets", "true");

    static final ResourceRule CKV_AWS_21 = ofStack("checkov:CKV_AWS_21",
            "every S3 bucket is versioned, so an overwritten or deleted object can be recovered",
            BUCKET, (run, bucket) -> companion(run, bucket, AwsTypes.BUCKET_VERSIONING_V2,
                    v -> "Enabled".equals(v.input("versioningConfiguration.status").orElse(null))) ? Stream.empty()
                    : Stream.of("no versioning with status Enabled names this bucket"));

    static final ResourceRule CKV_AWS_145 = ofStack("checkov:CKV_AWS_145",
            "every S3 bucket encrypts new objects with KMS by default",
            BUCKET, (run, bucket) -> companion(run, bucket, AwsTypes.BUCKET_SERVER_SIDE_ENCRYPTION_CONFIGURATION_V2,
                    sse -> Inputs.values(sse.inputs(), "rules[].applyServerSideEncryptionByDefault.sseAlgorithm", "")
                            .values().stream().anyMatch(a -> Set.of("aws:kms", "aws:kms:dsse").contains(String.valueOf(a))))
                    ? Stream.empty() : Stream.of("no default encryption with aws:kms names this bucket"));

    static final ResourceRule CKV2_AWS_61 = ofStack("checkov:CKV2_AWS_61",
            "every S3 bucket has a lifecycle configuration, so its objects expire",
            BUCKET, (run, bucket) -> companion(run, bucket, AwsTypes.BUCKET_LIFECYCLE_CONFIGURATION_V2,
                    lifecycle -> Inputs.values(lifecycle.inputs(), "rules[].status", "").containsValue("Enabled"))
                    ? Stream.empty() : Stream.of("no lifecycle configuration with an enabled rule names this bucket"));

    static final ResourceRule CKV2_AWS_65 = ofStack("checkov:CKV2_AWS_65",
            "S3 buckets have ACLs disabled: the bucket owner owns every object",
            BUCKET, (run, bucket) -> companion(run, bucket, AwsTypes.BUCKET_OWNERSHIP_CONTROLS,
                    controls -> "BucketOwnerEnforced".equals(controls.input("rule.objectOwnership").orElse(null)))
                    ? Stream.empty() : Stream.of("no ownership controls with BucketOwnerEnforced name this bucket"));

    static final List<PlanRule> RULES = List.of(CKV_AWS_117, CKV_AWS_115, CKV_AWS_158, CKV_AWS_66, CKV_AWS_7, CKV_AWS_227,
            CKV_AWS_33, CKV_AWS_60, CKV_AWS_61, CKV_AWS_62, CKV_AWS_63, CKV_AWS_23, CKV_AWS_130, CKV2_AWS_11, CKV2_AWS_12,
            CKV_AWS_122, CKV_AWS_307, CKV_AWS_22, CKV_AWS_371, CKV_AWS_306, CKV_AWS_26, CKV_AWS_319, CKV_AWS_331,
            CKV_AWS_36, CKV_AWS_35, CKV_AWS_67, CKV2_AWS_6, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, CKV_AWS_21,
            CKV_AWS_145, CKV2_AWS_61, CKV2_AWS_65);

    /**
     * The isolation family, which the policy pack makes mandatory: the perimeter stands on them. Every other Checkov
     * rule is hardening (encryption with the stack's own keys, retention, records, descriptions, limits), advisory,
     * as a user may deliberately differ, say a short-lived test stack without a trail or on AWS-managed keys.
     */
    static final List<PlanRule> ISOLATION = List.of(
            // Off the internet: functions and notebooks in the stack's private subnets, no public IP, no direct
            // internet access, no attachment accepted unasked, a default security group that admits nothing.
            CKV_AWS_117, CKV_AWS_130, CKV_AWS_122, CKV_AWS_306, CKV_AWS_331, CKV2_AWS_12,
            // Who may act: no role for anyone, no whole-account trust, no "*" actions, no key for anyone.
            CKV_AWS_60, CKV_AWS_61, CKV_AWS_62, CKV_AWS_63, CKV_AWS_33,
            // No public bucket.
            CKV2_AWS_6, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56);

    /** A Checkov check for a resource type these stacks create that no rule restates, on purpose. */
    record NotAdopted(String check, String reason) {
    }

    static final List<NotAdopted> NOT_ADOPTED = List.of(
            new NotAdopted("CKV_AWS_116", "a dead-letter queue serves asynchronous invocations; every call here is a"
                    + " synchronous stream"),
            new NotAdopted("CKV_AWS_50", "X-Ray tracing would need an X-Ray endpoint in every VPC; latency is measured by"
                    + " the handler's own metrics"),
            new NotAdopted("CKV_AWS_272", "code signing needs an AWS Signer profile; the artifacts are pinned by their"
                    + " digest stamps instead"),
            new NotAdopted("CKV_AWS_173", "Lambda environment variables are encrypted with Lambda's AWS-managed key, not a"
                    + " customer-managed one; the only secret among them, the external id, guards against a confused"
                    + " deputy and grants nothing without a role the invoker trusts"),
            new NotAdopted("CKV_AWS_338", "one year of log retention: retention is the stack's logRetentionDays, and"
                    + " CKV_AWS_66 requires one"),
            new NotAdopted("CKV_AWS_187", "the same key requirement as CKV_AWS_22, for notebooks"),
            iamHeuristic("CKV_AWS_286"), iamHeuristic("CKV_AWS_287"), iamHeuristic("CKV_AWS_288"),
            iamHeuristic("CKV_AWS_289"), iamHeuristic("CKV_AWS_290"), iamHeuristic("CKV_AWS_355"),
            // The trail's bucket.
            new NotAdopted("CKV_AWS_18", "access logging of the trail's bucket would need a second bucket, whose own logs"
                    + " need a third; reads of the trail's log files are KMS Decrypt calls, which the trail records"),
            new NotAdopted("CKV_AWS_144", "cross-region replication: the trail already records every region, and a second"
                    + " copy doubles storage"),
            new NotAdopted("CKV2_AWS_62", "event notifications of the trail's bucket have no consumer here"),
            // The trail.
            new NotAdopted("CKV_AWS_252", "an SNS topic per log file delivery has no consumer"),
            new NotAdopted("CKV2_AWS_10", "a CloudWatch Logs copy of the trail doubles ingestion cost; the validated S3"
                    + " copy is the record"));

    private static NotAdopted iamHeuristic(String check) {
        return new NotAdopted(check, "an IAM heuristic: every role policy here names its resources and is checked"
                + " statement by statement in the tests");
    }

    private static RuleSource source(String id) {
        return RuleSource.checkov(id.substring(id.indexOf(':') + 1) + " (checkov/terraform/checks)");
    }

    private static ResourceRule of(String id, String message, String type,
                                   BiFunction<OfflineRun, MockResource, Stream<String>> problems) {
        return ResourceRule.of(id, message, source(id), type, problems);
    }

    private static ResourceRule ofStack(String id, String message, String type,
                                        BiFunction<OfflineRun, MockResource, Stream<String>> problems) {
        return ResourceRule.ofStack(id, message, source(id), type, problems);
    }

    private static ResourceRule ofTypes(String id, String message, Set<String> types,
                                        BiFunction<OfflineRun, MockResource, Stream<String>> problems) {
        return new ResourceRule(id, message, source(id), Scope.RESOURCE, types, problems);
    }

    /** An input that must be set, to {@code value} when given. */
    private static ResourceRule required(String id, String message, String type, String input, String value) {
        return of(id, message, type, (run, resource) -> {
            Optional<Object> actual = resource.input(input).filter(Inputs::present);
            boolean ok = value == null ? actual.isPresent() : actual.map(String::valueOf).filter(value::equals).isPresent();
            return ok ? Stream.empty() : Stream.of(input + " = " + actual.map(Inputs::render).orElse("(unset)")
                    + (value == null ? " must be set" : " must be \"" + value + "\""));
        });
    }

    private static Stream<JsonObject> statements(MockResource resource, String input) {
        return resource.input(input).filter(Inputs::present).flatMap(PolicyJson::statements).stream().flatMap(List::stream);
    }

    private static Stream<String> undescribedRules(MockResource group, String list) {
        return Inputs.values(group.inputs(), list + "[]", "").entrySet().stream()
                .filter(rule -> !(rule.getValue() instanceof Map<?, ?> map && Inputs.present(map.get("description"))))
                .map(rule -> rule.getKey() + ".description");
    }

    /** Whether a resource of {@code type} in the same stack names this bucket (by its id) and satisfies {@code which}. */
    static boolean companion(OfflineRun run, MockResource bucket, String type, Predicate<MockResource> which) {
        Object bucketId = bucket.state().get("id");
        return run.ofType(type).stream()
                .filter(r -> Objects.equals(String.valueOf(r.input("bucket").orElse(null)), String.valueOf(bucketId)))
                .anyMatch(which);
    }

    /** Whether a resource of {@code type} in the same stack names this VPC (by its id) and satisfies {@code which}. */
    private static boolean attached(OfflineRun run, MockResource vpc, String type, Predicate<MockResource> which) {
        Object vpcId = vpc.state().get("id");
        return run.ofType(type).stream()
                .filter(r -> Objects.equals(String.valueOf(r.input("vpcId").orElse(null)), String.valueOf(vpcId)))
                .anyMatch(which);
    }
}
