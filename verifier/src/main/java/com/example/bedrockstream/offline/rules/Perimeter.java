package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.contract.NotebookAccessOutputs;
import com.example.bedrockstream.domain.Cidr;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.PolicyJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static com.example.bedrockstream.offline.AwsTypes.ENDPOINT;

/** This project's security perimeter (DESIGN.md §3): what no stack may contain, whatever a scanner would say. */
final class Perimeter {
    private Perimeter() {
    }


    /** Resources that would give a stack a way to or from the internet. */
    static final Set<String> PUBLIC_TYPES = Set.of(
            AwsTypes.INTERNET_GATEWAY, AwsTypes.EGRESS_ONLY_INTERNET_GATEWAY,
            AwsTypes.NAT_GATEWAY, AwsTypes.EIP, AwsTypes.EIP_ASSOCIATION);

    /** Where each resource type that can admit traffic keeps its CIDRs (a "[]" path visits every element). */
    static final Map<String, List<String>> CIDR_INPUTS = Map.of(
            AwsTypes.INGRESS_RULE, List.of("cidrIpv4", "cidrIpv6"),
            AwsTypes.EGRESS_RULE, List.of("cidrIpv4", "cidrIpv6"),
            AwsTypes.SECURITY_GROUP_RULE, List.of("cidrBlocks[]", "ipv6CidrBlocks[]"),
            AwsTypes.SECURITY_GROUP, List.of("ingress[].cidrBlocks[]", "ingress[].ipv6CidrBlocks[]",
                    "egress[].cidrBlocks[]", "egress[].ipv6CidrBlocks[]"));

    static final ResourceRule NO_INTERNET_RESOURCES = new ResourceRule("design:no-internet-resources",
            "no internet gateway, NAT gateway or public IP exists in any stack", RuleSource.design("§3 no path to or from the internet"),
            Scope.RESOURCE, PUBLIC_TYPES, (run, resource) -> Stream.of("this resource type is not allowed"));

    static final ResourceRule NO_OPEN_CIDR = new ResourceRule("design:no-open-cidr",
            "no security group admits or sends to 0.0.0.0/0 or ::/0, on any port (covers Checkov CKV_AWS_24, 25, 260, 277, 382)",
            RuleSource.design("§3 security groups admit known CIDRs only"), Scope.RESOURCE, CIDR_INPUTS.keySet(),
            (run, resource) -> CIDR_INPUTS.get(resource.type()).stream()
                    .flatMap(input -> Inputs.values(resource.inputs(), input, "").entrySet().stream())
                    .filter(cidr -> String.valueOf(cidr.getValue()).endsWith("/0"))
                    .map(cidr -> cidr.getKey() + " = " + Inputs.render(cidr.getValue()) + " is open to the whole internet"));

    static final ResourceRule ENDPOINT_POLICY = ResourceRule.of("design:endpoint-policy",
            "every VPC endpoint has its own policy, and none allows Action \"*\" or Principal \"*\"",
            RuleSource.design("§3 endpoint policies are never the default full access"), ENDPOINT,
            (run, endpoint) -> endpointPolicyProblem(endpoint.input("policy").filter(Inputs::present)).stream());

    static final ResourceRule PROVIDER_ACCOUNT_PIN = ResourceRule.of("design:provider-account-pin",
            "every explicit AWS provider is pinned to the stack's account (allowedAccountIds), like the default one",
            RuleSource.design("§6 a provider can only touch the account its stack names"), MockResource.PROVIDER_TYPE,
            (run, provider) -> provider.input("allowedAccountIds").filter(Inputs::present).isPresent() ? Stream.empty()
                    : Stream.of("allowedAccountIds is unset"));

    /**
     * VPC blocks that overlap across stacks: an overlap with the hub breaks routing over the Transit Gateway, and
     * spokes never see each other's config, so only a view of every stack file finds one spoke overlapping another.
     */
    static final PlanRule DISTINCT_VPC_BLOCKS = new PlanRule() {
        public String id() {
            return "design:distinct-vpc-blocks";
        }

        public String message() {
            return "no two VPCs of any stacks overlap: blocks routed over the Transit Gateways must be distinct";
        }

        public RuleSource source() {
            return RuleSource.design("§2 routes across the Transit Gateway peering");
        }

        public Scope scope() {
            return Scope.DEPLOYMENT;
        }

        public Stream<Finding> check(Plan plan) {
            record Block(OfflineRun run, MockResource vpc, Cidr cidr) {
            }
            var blocks = plan.resources().filter(placed -> placed.resource().type().equals(AwsTypes.VPC))
                    .flatMap(placed -> placed.resource().input("cidrBlock").flatMap(c -> Cidr.parse(String.valueOf(c)))
                            .map(cidr -> new Block(placed.run(), placed.resource(), cidr)).stream())
                    .toList();
            var found = new ArrayList<Finding>();
            for (int i = 0; i < blocks.size(); i++) {
                for (int j = i + 1; j < blocks.size(); j++) {
                    Block a = blocks.get(i);
                    Block b = blocks.get(j);
                    if (a.cidr().overlaps(b.cidr())) {
                        found.add(Finding.of(this, a.run().stack(), a.vpc(), a.cidr() + " overlaps VPC " + b.vpc().name()
                                + " " + b.cidr() + " of stack " + b.run().stack()));
                    }
                }
            }
            return found.stream();
        }
    };

    /** Audit (issue 13): what the trail's bucket holds must never cross the network in clear. */
    static final ResourceRule BUCKET_TLS_ONLY = ResourceRule.ofStack("design:bucket-tls-only",
            "every S3 bucket's policy denies every request without TLS (aws:SecureTransport false) on the bucket and its objects",
            RuleSource.design("§3 every layer says no by default; AWS Security Hub S3.5"), AwsTypes.BUCKET_V2,
            (run, bucket) -> {
                String arn = "arn:aws:s3:::" + bucket.state().get("id");
                boolean denied = run.ofType(AwsTypes.BUCKET_POLICY).stream()
                        .filter(policy -> String.valueOf(policy.input("bucket").orElse(null))
                                .equals(String.valueOf(bucket.state().get("id"))))
                        .flatMap(policy -> policy.input("policy").flatMap(PolicyJson::statements).stream().flatMap(List::stream))
                        .anyMatch(s -> deniesWithoutTls(s, "s3") && PolicyJson.principals(s, "AWS").contains("*")
                                && PolicyJson.strings(s.get("Resource")).containsAll(List.of(arn, arn + "/*")));
                return denied ? Stream.empty() : Stream.of("no bucket policy denies requests without TLS to " + arn + " and its objects");
            });

    /** An alarm without an action changes colour in a console nobody watches. */
    static final ResourceRule ALARM_NOTIFIES = ResourceRule.of("design:alarm-notifies",
            "every alarm notifies an SNS topic when it fires and when it clears",
            RuleSource.design("issue 13: alarms notify the stack's encrypted alarm topic"),
            AwsTypes.METRIC_ALARM, (run, alarm) -> Stream.of("alarmActions", "okActions")
                    .filter(actions -> alarm.list(actions).stream().noneMatch(a -> String.valueOf(a).startsWith("arn:aws:sns:")))
                    .map(actions -> actions + " names no SNS topic"));

    static final ResourceRule TOPIC_TLS_ONLY = ResourceRule.of("design:sns-topic-tls-only",
            "every SNS topic policy denies any request made without TLS (aws:SecureTransport false)",
            RuleSource.design("§3 every layer says no by default: nothing reaches a topic in clear text"),
            AwsTypes.TOPIC_POLICY, (run, policy) -> policy.input("policy").filter(Inputs::present)
                    .flatMap(PolicyJson::statements).orElse(List.of()).stream().anyMatch(s -> deniesWithoutTls(s, "sns"))
                    ? Stream.empty() : Stream.of("policy has no Deny of sns:* when aws:SecureTransport is false"));

    /**
     * A stack that exports a notebook user policy (notebookPrivateAccess on) promises its users a way in through the
     * notebook's own VPC. Without those endpoints the policy's aws:SourceVpce names endpoints that do not exist, or
     * the names resolve to the public endpoints, and nobody can open the notebook at all.
     */
    static final ResourceRule NOTEBOOK_PRIVATE_ACCESS = ResourceRule.ofStack("design:notebook-private-access",
            "a stack exporting a notebook user policy has, in each notebook's VPC, that region's sagemaker.api, notebook"
                    + " and logs endpoints with private DNS on",
            RuleSource.design("§3 notebook users reach Jupyter only through the VPC's own SageMaker API and notebook"
                    + " endpoints"), AwsTypes.NOTEBOOK, Perimeter::notebookPrivateAccess);

    static final List<PlanRule> RULES = List.of(NO_INTERNET_RESOURCES, NO_OPEN_CIDR, ENDPOINT_POLICY,
            PROVIDER_ACCOUNT_PIN, DISTINCT_VPC_BLOCKS, BUCKET_TLS_ONLY, ALARM_NOTIFIES, TOPIC_TLS_ONLY,
            NOTEBOOK_PRIVATE_ACCESS);

    private static Stream<String> notebookPrivateAccess(OfflineRun run, MockResource notebook) {
        var exported = NotebookAccessOutputs.USER_POLICY_ARNS.cast(run.outputs()
                .get(NotebookAccessOutputs.USER_POLICY_ARNS.name())).orElse(List.of());
        if (exported.isEmpty()) {
            return Stream.empty();
        }
        String region = String.valueOf(notebook.state().get("arn")).split(":")[3];
        Optional<String> vpc = notebook.input("subnetId").map(String::valueOf).flatMap(subnet -> run
                .ofType(AwsTypes.SUBNET).stream()
                .filter(s -> subnet.equals(String.valueOf(s.state().get("id"))))
                .findFirst()).flatMap(s -> s.input("vpcId")).map(String::valueOf);
        if (vpc.isEmpty()) {
            return Stream.of("subnetId names no subnet of the stack, so it has no VPC to reach it through");
        }
        return EndpointService.NOTEBOOK_ACCESS.stream().map(service -> service.serviceName(region))
                .filter(service -> run.ofType(ENDPOINT).stream().noneMatch(e -> e.input("serviceName")
                        .filter(service::equals).isPresent() && e.input("vpcId").filter(vpc.get()::equals).isPresent()
                        && e.input("privateDnsEnabled").filter(Boolean.TRUE::equals).isPresent()))
                .map(service -> "no " + service + " endpoint with private DNS in its VPC " + vpc.get()
                        + ", though the stack exports " + NotebookAccessOutputs.USER_POLICY_ARNS + " " + exported);
    }

    /** What makes an endpoint policy as open as the default one, if anything. */
    static Optional<String> endpointPolicyProblem(Optional<Object> policy) {
        if (policy.isEmpty()) {
            return Optional.of("policy is unset, which is the default full access");
        }
        Optional<List<JsonObject>> statements = PolicyJson.statements(policy.get());
        if (statements.isEmpty()) {
            return Optional.of("policy must be a JSON policy document");
        }
        for (JsonObject statement : statements.get()) {
            if (PolicyJson.strings(statement.get("Action")).contains("*")) {
                return Optional.of("policy allows Action \"*\" (statement " + sid(statement) + ")");
            }
            if (PolicyJson.principals(statement, "AWS").contains("*")) {
                return Optional.of("policy names Principal \"*\" (statement " + sid(statement) + ")");
            }
        }
        return statements.get().isEmpty() ? Optional.of("policy has no statements") : Optional.empty();
    }

    /** A Deny of every SNS action, to anyone, on a condition Bool aws:SecureTransport false. */
    /** A Deny of every action of {@code service} for any request made without TLS (aws:SecureTransport false). */
    private static boolean deniesWithoutTls(JsonObject statement, String service) {
        JsonElement condition = statement.get("Condition");
        JsonElement bool = condition != null && condition.isJsonObject() ? condition.getAsJsonObject().get("Bool") : null;
        return !PolicyJson.allows(statement)
                && PolicyJson.strings(statement.get("Action")).stream().anyMatch(Set.of(service + ":*", "*")::contains)
                && bool != null && bool.isJsonObject()
                && PolicyJson.strings(bool.getAsJsonObject().get("aws:SecureTransport")).contains("false");
    }

    static String sid(JsonObject statement) {
        return statement.has("Sid") ? statement.get("Sid").getAsString() : "without Sid";
    }
}
