package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.path.PathRuns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A failing fixture for every rule: the committed stacks with one thing changed so that the rule must report it.
 * Input rules get theirs from their check's violating sample; every other rule is listed here by id.
 */
public final class RuleFixtures {
    private RuleFixtures() {
    }

    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final String KEY = "aws:kms/key:Key";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private static final String NOTEBOOK = AwsTypes.NOTEBOOK;
    private static final String TRAIL = "aws:cloudtrail/trail:Trail";
    private static final String PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private static final Map<String, Supplier<Plan>> BY_ID = Map.ofEntries(
            Map.entry("provider:sagemaker/NotebookInstance.platformIdentifier", () -> set(NOTEBOOK, "platformIdentifier", "notebook-al9-v1")),
            Map.entry("aws-api:endpoint-policy-size", () -> set(ENDPOINT, "policy", policy("lambda:InvokeFunction", 400, ""))),
            Map.entry("aws-api:trust-policy-size", () -> set(ROLE, "assumeRolePolicy", policy("sts:AssumeRole", 40, "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"))),
            Map.entry("aws-api:role-inline-policies-size", () -> set(ROLE_POLICY, "policy", policy("lambda:InvokeFunction", 200, ""))),
            // Limits the spokes add to: the committed stacks and as many more spokes as put the hub one over.
            Map.entry("aws-api:sg-rules-per-group", () -> withSpokes(59)),
            Map.entry("aws-api:tgw-peering-attachments", () -> withSpokes(50)),
            Map.entry("aws-api:zone-vpc-associations", () -> withSpokes(299)),
            Map.entry("checkov:CKV_AWS_117", () -> set(FUNCTION, "vpcConfig", null)),
            Map.entry("checkov:CKV_AWS_115", () -> set(FUNCTION, "reservedConcurrentExecutions", -1.0)),
            Map.entry("checkov:CKV_AWS_158", () -> set("aws:cloudwatch/logGroup:LogGroup", "kmsKeyId", null)),
            Map.entry("checkov:CKV_AWS_66", () -> set("aws:cloudwatch/logGroup:LogGroup", "retentionInDays", 0.0)),
            Map.entry("checkov:CKV_AWS_7", () -> set(KEY, "enableKeyRotation", false)),
            Map.entry("checkov:CKV_AWS_227", () -> set(KEY, "isEnabled", false)),
            Map.entry("checkov:CKV_AWS_33", () -> set(KEY, "policy", statement("{\"AWS\":\"*\"}", "kms:Decrypt", "*"))),
            Map.entry("checkov:CKV_AWS_60", () -> set(ROLE, "assumeRolePolicy", statement("{\"AWS\":\"*\"}", "sts:AssumeRole", null))),
            Map.entry("checkov:CKV_AWS_61", () -> set(ROLE, "assumeRolePolicy",
                    statement("{\"AWS\":\"arn:aws:iam::111122223333:root\"}", "sts:AssumeRole", null))),
            Map.entry("checkov:CKV_AWS_62", () -> set(ROLE_POLICY, "policy", statement(null, "*", "*"))),
            Map.entry("checkov:CKV_AWS_63", () -> set(ROLE_POLICY, "policy",
                    statement(null, "*", "arn:aws:lambda:us-east-1:444455556666:function:ml-use1-ml-stream"))),
            Map.entry("checkov:CKV_AWS_23", () -> set("aws:ec2/securityGroup:SecurityGroup", "description", "")),
            Map.entry("checkov:CKV_AWS_130", () -> set("aws:ec2/subnet:Subnet", "mapPublicIpOnLaunch", true)),
            Map.entry("checkov:CKV2_AWS_11", () -> without("aws:ec2/flowLog:FlowLog")),
            Map.entry("checkov:CKV2_AWS_12", () -> set("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "ingress",
                    List.of(Map.of("protocol", "-1", "fromPort", 0.0, "toPort", 0.0, "self", true)))),
            Map.entry("checkov:CKV_AWS_122", () -> set(NOTEBOOK, "directInternetAccess", "Enabled")),
            Map.entry("checkov:CKV_AWS_307", () -> set(NOTEBOOK, "rootAccess", null)),
            Map.entry("checkov:CKV_AWS_22", () -> set(NOTEBOOK, "kmsKeyId", "")),
            Map.entry("checkov:CKV_AWS_371", () -> set(NOTEBOOK, "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion", "1")),
            Map.entry("checkov:CKV_AWS_306", () -> set(NOTEBOOK, "subnetId", null)),
            Map.entry("checkov:CKV_AWS_331", () -> set("aws:ec2transitgateway/transitGateway:TransitGateway", "autoAcceptSharedAttachments", "enable")),
            Map.entry("design:no-internet-resources", () -> new Plan(PathRuns.adding(PathRuns.committed(), "app-apse1",
                    synthetic("aws:ec2/natGateway:NatGateway", Map.of("connectivityType", "public"))))),
            Map.entry("design:no-open-cidr", () -> set("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "cidrIpv4", "0.0.0.0/0")),
            Map.entry("design:endpoint-policy", () -> set(ENDPOINT, "policy", null)),
            Map.entry("design:provider-account-pin", () -> set(MockResource.PROVIDER_TYPE, "allowedAccountIds", null)),
            Map.entry("design:distinct-vpc-blocks", () -> set("aws:ec2/vpc:Vpc", "cidrBlock", "10.30.0.0/16")),
            // Audit (issue 13)
            Map.entry("checkov:CKV_AWS_36", () -> set(TRAIL, "enableLogFileValidation", false)),
            Map.entry("checkov:CKV_AWS_35", () -> set(TRAIL, "kmsKeyId", null)),
            Map.entry("checkov:CKV_AWS_67", () -> set(TRAIL, "isMultiRegionTrail", false)),
            Map.entry("checkov:CKV2_AWS_6", () -> without(PUBLIC_ACCESS_BLOCK)),
            Map.entry("checkov:CKV_AWS_53", () -> set(PUBLIC_ACCESS_BLOCK, "blockPublicAcls", false)),
            Map.entry("checkov:CKV_AWS_54", () -> set(PUBLIC_ACCESS_BLOCK, "blockPublicPolicy", false)),
            Map.entry("checkov:CKV_AWS_55", () -> set(PUBLIC_ACCESS_BLOCK, "ignorePublicAcls", null)),
            Map.entry("checkov:CKV_AWS_56", () -> set(PUBLIC_ACCESS_BLOCK, "restrictPublicBuckets", false)),
            Map.entry("checkov:CKV_AWS_21", () -> set("aws:s3/bucketVersioningV2:BucketVersioningV2",
                    "versioningConfiguration.status", "Suspended")),
            Map.entry("checkov:CKV_AWS_145", () -> set(
                    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "rules",
                    List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256"))))),
            Map.entry("checkov:CKV2_AWS_61", () -> without("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2")),
            Map.entry("checkov:CKV2_AWS_65", () -> set("aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                    "rule.objectOwnership", "ObjectWriter")),
            Map.entry("design:bucket-tls-only", () -> set("aws:s3/bucketPolicy:BucketPolicy", "policy",
                    statement("{\"Service\":\"cloudtrail.amazonaws.com\"}", "s3:GetBucketAcl", "arn:aws:s3:::fixture"))),
            Map.entry("checkov:CKV_AWS_26", () -> set("aws:sns/topic:Topic", "kmsMasterKeyId", null)),
            Map.entry("checkov:CKV_AWS_319", () -> set(ALARM, "actionsEnabled", false)),
            Map.entry("design:alarm-notifies", () -> set(ALARM, "okActions", List.of())),
            Map.entry("design:sns-topic-tls-only", () -> set("aws:sns/topicPolicy:TopicPolicy", "policy",
                    statement("{\"Service\":\"cloudwatch.amazonaws.com\"}", "sns:Publish",
                            "arn:aws:sns:us-east-1:444455556666:ml-use1-alarms"))),
            Map.entry("design:notebook-private-access", RuleFixtures::notebookWithoutItsEndpoints));

    /** The hub as committed, private access on (its user policy exported), but without the notebook's endpoints. */
    static Plan notebookWithoutItsEndpoints() {
        var runs = PathRuns.committed();
        for (String suffix : List.of("sagemaker-api", "sagemaker-notebook", "logs")) {
            runs = PathRuns.without(runs, ENDPOINT, "app-use1-notebook-access-" + suffix);
        }
        return new Plan(runs);
    }

    /**
     * The committed stacks and {@code n} more spokes, each a copy of the committed spoke under a stack name of its
     * own, the ids of its own resources made its own: each adds to the hub what the committed spoke adds (one
     * endpoint rule, one peering, two zone associations). A copy holds only its VPC, its Transit Gateway and what it
     * adds to the hub, so that 300 of them stay quick to write to a backend and read through the policy pack.
     */
    public static Plan withSpokes(int n) {
        var runs = new ArrayList<>(PathRuns.committed());
        OfflineRun spoke = runs.stream().filter(run -> run.stack().equals("app-apse1")).findFirst().orElseThrow();
        var ownIds = spoke.resources().stream().map(r -> r.state().get("id")).filter(String.class::isInstance)
                .map(String.class::cast).collect(java.util.stream.Collectors.toSet());
        for (int i = 1; i <= n; i++) {
            String suffix = "-" + i;
            var resources = spoke.resources().stream().filter(r -> SPOKE_SHARE.contains(r.type()))
                    .map(r -> new MockResource(r.type(), r.name(), asMap(renamed(r.inputs(), ownIds, suffix)),
                            asMap(renamed(r.state(), ownIds, suffix)), r.provider(), r.pluginVersion(), r.dependsOn(),
                            r.ignoreChanges()))
                    .toList();
            runs.add(new OfflineRun("app-spoke-" + i, resources, spoke.outputs(), spoke.secretOutputs(), spoke.errors()));
        }
        return new Plan(runs);
    }

    private static final java.util.Set<String> SPOKE_SHARE = java.util.Set.of(AwsTypes.VPC, AwsTypes.TRANSIT_GATEWAY,
            AwsTypes.TGW_PEERING, AwsTypes.INGRESS_RULE, AwsTypes.ZONE_ASSOCIATION);

    /** {@code value} with every string that is one of {@code ids} suffixed, however deep. */
    private static Object renamed(Object value, java.util.Set<String> ids, String suffix) {
        if (value instanceof String text) {
            return ids.contains(text) ? text + suffix : text;
        }
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((key, item) -> out.put(String.valueOf(key), renamed(item, ids, suffix)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> renamed(item, ids, suffix)).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** The fixture of a rule: the plan it must find fault with. */
    public static Optional<Plan> of(PlanRule rule) {
        if (rule instanceof InputRule input) {
            return Optional.of(set(input.type(), input.input(), input.check().violatingSample()));
        }
        return Optional.ofNullable(BY_ID.get(rule.id())).map(Supplier::get);
    }

    /**
     * The committed plan with {@code path} of the first resource of {@code type} set to {@code value} (null removes
     * it); a type no stack creates is added as a resource of its own in the last stack.
     */
    static Plan set(String type, String path, Object value) {
        var runs = PathRuns.committed();
        boolean exists = runs.stream().anyMatch(run -> !run.ofType(type).isEmpty());
        if (!exists) {
            var inputs = new LinkedHashMap<String, Object>();
            put(inputs, path, value);
            return new Plan(PathRuns.adding(runs, runs.get(runs.size() - 1).stack(), synthetic(type, inputs)));
        }
        var changed = new ArrayList<OfflineRun>();
        boolean done = false;
        for (OfflineRun run : runs) {
            var resources = new ArrayList<MockResource>();
            for (MockResource r : run.resources()) {
                if (!done && r.type().equals(type)) {
                    var inputs = copy(r.inputs());
                    put(inputs, path, value);
                    r = new MockResource(r.type(), r.name(), inputs, r.state(), r.provider(), r.pluginVersion(),
                            r.dependsOn(), r.ignoreChanges());
                    done = true;
                }
                resources.add(r);
            }
            changed.add(new OfflineRun(run.stack(), resources, run.outputs(), run.secretOutputs(), run.errors()));
        }
        return new Plan(changed);
    }

    private static Plan without(String type) {
        var runs = PathRuns.committed();
        var first = runs.stream().flatMap(run -> run.ofType(type).stream()).findFirst().orElseThrow();
        return new Plan(PathRuns.without(runs, type, first.name()));
    }

    private static MockResource synthetic(String type, Map<String, Object> inputs) {
        return new MockResource(type, "fixture", inputs, Map.of("id", "fixture-id"), Optional.empty(), Optional.empty());
    }

    /** Sets a dotted path, creating maps on the way; "name[]" is the first element of that list. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> inputs, String path, Object value) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        if (dot < 0) {
            if (head.endsWith("[]")) {
                inputs.put(head.substring(0, head.length() - 2), new ArrayList<>(List.of(value)));
            } else if (value == null) {
                inputs.remove(head);
            } else {
                inputs.put(head, value);
            }
            return;
        }
        String rest = path.substring(dot + 1);
        if (head.endsWith("[]")) {
            String key = head.substring(0, head.length() - 2);
            var list = inputs.get(key) instanceof List<?> l && !l.isEmpty() ? new ArrayList<Object>(l) : new ArrayList<Object>(List.of(new LinkedHashMap<>()));
            var element = list.get(0) instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : new LinkedHashMap<String, Object>();
            put(element, rest, value);
            list.set(0, element);
            inputs.put(key, list);
        } else {
            var child = inputs.get(head) instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : new LinkedHashMap<String, Object>();
            put(child, rest, value);
            inputs.put(head, child);
        }
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }

    /** A one-statement document; a null principal leaves it out, a null resource too. */
    private static String statement(String principal, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Fixture\",\"Effect\":\"Allow\","
                + (principal == null ? "" : "\"Principal\":" + principal + ",")
                + "\"Action\":\"" + action + "\"" + (resource == null ? "" : ",\"Resource\":\"" + resource + "\"") + "}]}";
    }

    /** A valid document whose resources make it long: {@code n} function ARNs. */
    private static String policy(String action, int n, String principal) {
        var resources = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            resources.add("\"arn:aws:lambda:us-east-1:444455556666:function:fixture-function-number-" + i + "\"");
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Fixture\",\"Effect\":\"Allow\"," + principal
                + (principal.isEmpty() ? "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/fixture\"}," : "")
                + "\"Action\":\"" + action + "\",\"Resource\":[" + String.join(",", resources) + "]}]}";
    }
}
