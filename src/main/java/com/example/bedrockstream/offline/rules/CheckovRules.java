package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Checkov checks (bridgecrewio/checkov, checkov/terraform/checks) for the resource types these stacks create,
 * restated over the simulated resources, so a reviewer who runs Checkov on Terraform finds the same answers here.
 * Ids are Checkov's. Where this project's perimeter asks for the same thing, the message says why it matters here.
 *
 * <p>Not adopted, on purpose: CKV_AWS_116 (a dead-letter queue serves asynchronous invocations; every call here is a
 * synchronous stream), CKV_AWS_50 (X-Ray tracing would need an X-Ray endpoint in every VPC; latency is measured by
 * the handler's own metrics), CKV_AWS_272 (code signing needs an AWS Signer profile; the artifacts are pinned by
 * their digest stamps instead), CKV_AWS_173 (Lambda environment variables with a customer-managed key: they are
 * encrypted with Lambda's AWS-managed key; the only secret among them, the external id, guards against a confused
 * deputy and grants nothing without a role the invoker trusts),
 * CKV_AWS_338 (one year of log retention: retention is the stack's {@code logRetentionDays}, CKV_AWS_66 requires
 * one), CKV_AWS_187 (the same key requirement as CKV_AWS_22 for notebooks), and the IAM heuristics CKV_AWS_286 to
 * 290 and 355 (every role policy here names its resources and is checked statement by statement in the tests).
 */
final class CheckovRules {
    private CheckovRules() {
    }

    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String KEY = "aws:kms/key:Key";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String VPC = "aws:ec2/vpc:Vpc";
    private static final String NOTEBOOK = ProviderValidation.NOTEBOOK;
    /** CKV_AWS_61's notion of "a whole account": an account id or its root. */
    private static final Pattern WHOLE_ACCOUNT = Pattern.compile("\\d{12}|arn:aws:iam::\\d{12}:root");

    static final List<PlanRule> RULES = List.of(
            required("CKV_AWS_117", "Lambda functions run inside a VPC (here: the stack's private subnets)",
                    FUNCTION, "vpcConfig.subnetIds", null),
            ResourceRule.of(id("CKV_AWS_115"), "Lambda functions have a function-level concurrency limit, so a runaway"
                            + " caller cannot take the account's whole concurrency", source("CKV_AWS_115"), FUNCTION,
                    (run, function) -> function.input("reservedConcurrentExecutions").filter(Inputs::present)
                            .flatMap(Inputs::integer).filter(n -> n >= 0).isPresent() ? Stream.empty()
                            : Stream.of("reservedConcurrentExecutions = " + function.input("reservedConcurrentExecutions")
                            .map(Inputs::render).orElse("(unset)") + " sets no limit")),
            required("CKV_AWS_158", "log groups are encrypted with the stack's customer-managed key", LOG_GROUP, "kmsKeyId", null),
            required("CKV_AWS_66", "log groups expire (0 or unset keeps them forever)", LOG_GROUP, "retentionInDays", null),
            required("CKV_AWS_7", "customer-managed keys rotate", KEY, "enableKeyRotation", "true"),
            ResourceRule.of(id("CKV_AWS_227"), "customer-managed keys are enabled", source("CKV_AWS_227"), KEY,
                    (run, key) -> key.input("isEnabled").filter(Boolean.FALSE::equals).map(v -> "isEnabled = false").stream()),
            ResourceRule.of(id("CKV_AWS_33"), "no key policy statement allows Principal \"*\" without a condition",
                    source("CKV_AWS_33"), KEY, (run, key) -> statements(key, "policy")
                            .filter(s -> PolicyJson.allows(s) && !s.has("Condition") && PolicyJson.principals(s, "AWS").contains("*"))
                            .map(s -> "policy statement " + Perimeter.sid(s) + " allows Principal \"*\" without a condition")),
            ResourceRule.of(id("CKV_AWS_60"), "no role may be assumed by Principal \"*\"", source("CKV_AWS_60"), ROLE,
                    (run, role) -> statements(role, "assumeRolePolicy")
                            .filter(s -> PolicyJson.allows(s) && PolicyJson.principals(s, "AWS").contains("*"))
                            .map(s -> "assumeRolePolicy statement " + Perimeter.sid(s) + " trusts Principal \"*\"")),
            ResourceRule.of(id("CKV_AWS_61"), "a role trusting a whole account narrows it to named roles with an"
                            + " aws:PrincipalArn condition (Checkov ignores conditions; this check credits that one)",
                    source("CKV_AWS_61"), ROLE, (run, role) -> statements(role, "assumeRolePolicy")
                            .filter(s -> PolicyJson.allows(s) && !PolicyJson.conditions(s, "aws:PrincipalArn"))
                            .filter(s -> PolicyJson.principals(s, "AWS").stream().anyMatch(p -> WHOLE_ACCOUNT.matcher(p).matches()))
                            .map(s -> "assumeRolePolicy statement " + Perimeter.sid(s) + " trusts a whole account"
                                    + " without an aws:PrincipalArn condition")),
            ResourceRule.of(id("CKV_AWS_62"), "no inline policy grants full \"*\" on \"*\" administrative access",
                    source("CKV_AWS_62"), ROLE_POLICY, (run, policy) -> statements(policy, "policy")
                            .filter(s -> PolicyJson.allows(s) && PolicyJson.strings(s.get("Action")).stream().anyMatch(Set.of("*", "*:*")::contains)
                                    && PolicyJson.strings(s.get("Resource")).contains("*"))
                            .map(s -> "policy statement " + Perimeter.sid(s) + " allows \"*\" on \"*\"")),
            ResourceRule.of(id("CKV_AWS_63"), "no inline policy statement allows Action \"*\"", source("CKV_AWS_63"),
                    ROLE_POLICY, (run, policy) -> statements(policy, "policy")
                            .filter(s -> PolicyJson.allows(s) && PolicyJson.strings(s.get("Action")).contains("*"))
                            .map(s -> "policy statement " + Perimeter.sid(s) + " allows Action \"*\"")),
            new ResourceRule(id("CKV_AWS_23"), "every security group and security group rule has a description",
                    source("CKV_AWS_23"), Set.of("aws:ec2/securityGroup:SecurityGroup",
                    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "aws:ec2/securityGroupRule:SecurityGroupRule"),
                    (run, group) -> Stream.concat(
                            group.input("description").filter(Inputs::present).isPresent() ? Stream.<String>empty()
                                    : Stream.of("description is empty"),
                            Stream.of("ingress", "egress").flatMap(list -> undescribedRules(group, list))
                                    .map(path -> path + " is empty"))),
            ResourceRule.of(id("CKV_AWS_130"), "subnets assign no public IP (the stacks have no public subnet)",
                    source("CKV_AWS_130"), "aws:ec2/subnet:Subnet", (run, subnet) -> subnet.input("mapPublicIpOnLaunch")
                            .filter(Boolean.TRUE::equals).map(v -> "mapPublicIpOnLaunch = true").stream()),
            ResourceRule.of(id("CKV2_AWS_11"), "every VPC has flow logs, the record of the private path's traffic",
                    source("CKV2_AWS_11"), VPC, (run, vpc) -> attached(run, vpc, "aws:ec2/flowLog:FlowLog", r -> true)
                            ? Stream.empty() : Stream.of("no flow log records this VPC")),
            ResourceRule.of(id("CKV2_AWS_12"), "every VPC's default security group is managed and admits and sends nothing",
                    source("CKV2_AWS_12"), VPC, (run, vpc) -> attached(run, vpc, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
                            group -> !group.input("ingress").filter(Inputs::present).isPresent()
                                    && !group.input("egress").filter(Inputs::present).isPresent())
                            ? Stream.empty() : Stream.of("no managed default security group without rules")),
            required("CKV_AWS_122", "notebooks have no direct internet access (the default is Enabled)", NOTEBOOK,
                    "directInternetAccess", "Disabled"),
            required("CKV_AWS_307", "notebook users have no root access (the default is Enabled)", NOTEBOOK, "rootAccess", "Disabled"),
            required("CKV_AWS_22", "notebook volumes are encrypted with a customer-managed key", NOTEBOOK, "kmsKeyId", null),
            required("CKV_AWS_371", "notebooks allow IMDSv2 only", NOTEBOOK,
                    "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion", "2"),
            required("CKV_AWS_306", "notebooks run in the stack's own VPC (a subnet of it)", NOTEBOOK, "subnetId", null),
            required("CKV_AWS_26", "SNS topics are encrypted with a KMS key (here: the alarm topic's own customer-managed"
                    + " key, which CloudWatch alarms may use)", "aws:sns/topic:Topic", "kmsMasterKeyId", null),
            ResourceRule.of(id("CKV_AWS_319"), "alarm actions are enabled (unset means enabled)", source("CKV_AWS_319"),
                    "aws:cloudwatch/metricAlarm:MetricAlarm", (run, alarm) -> alarm.input("actionsEnabled")
                            .filter(Boolean.FALSE::equals).map(v -> "actionsEnabled = false").stream()),
            ResourceRule.of(id("CKV_AWS_331"), "Transit Gateways accept no attachment automatically", source("CKV_AWS_331"),
                    "aws:ec2transitgateway/transitGateway:TransitGateway", (run, tgw) -> tgw.input("autoAcceptSharedAttachments")
                            .filter("enable"::equals).map(v -> "autoAcceptSharedAttachments = \"enable\"").stream()));

    private static String id(String checkovId) {
        return RuleSource.Kind.CHECKOV.prefix() + ":" + checkovId;
    }

    private static RuleSource source(String checkovId) {
        return RuleSource.checkov(checkovId + " (checkov/terraform/checks)");
    }

    /** An input that must be set, to {@code value} when given. */
    private static ResourceRule required(String checkovId, String message, String type, String input, String value) {
        return ResourceRule.of(id(checkovId), message, source(checkovId), type, (run, resource) -> {
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

    /** Whether a resource of {@code type} in the same stack names this VPC (by its id) and satisfies {@code which}. */
    private static boolean attached(OfflineRun run, MockResource vpc, String type, Predicate<MockResource> which) {
        Object vpcId = vpc.state().get("id");
        return run.ofType(type).stream()
                .filter(r -> Objects.equals(String.valueOf(r.input("vpcId").orElse(null)), String.valueOf(vpcId)))
                .anyMatch(which);
    }
}
