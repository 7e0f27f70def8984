package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.AssetOrArchive.AssetOrArchiveInternal;
import com.pulumi.asset.FileAsset;
import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ml-use1 as committed: private by construction, and every policy says exactly what it should. */
class MlStackTest {
    static final String ACCOUNT = "444455556666";
    static final String APP_ACCOUNT = "111122223333";
    static final String FUNCTION = "ml-use1-ml-stream";
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + FUNCTION;
    static final String FUNCTION_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/" + FUNCTION;
    static final List<String> MODEL_ARNS = List.of(
            "arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
            "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
            "arn:aws:bedrock:us-west-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
            "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0",
            "arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
            "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
            "arn:aws:bedrock:us-west-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
            "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",
            "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0");

    static final List<String> ZONES = List.of("us-east-1a", "us-east-1b");

    static OfflineRun run;

    @BeforeAll
    static void deploy() {
        run = Stacks.ml();
        assertTrue(run.succeeded(), run.errorText());
    }

    private static MockResource function() {
        return run.named("aws:lambda/function:Function", FUNCTION);
    }

    private static MockResource endpoint() {
        return run.named("aws:ec2/vpcEndpoint:VpcEndpoint", "ml-use1-bedrock-runtime");
    }

    private static String idOf(String type, String name) {
        return PerimeterAssertions.idOf(run, type, name);
    }

    @Test
    void nothingIsReachableFromTheInternet() {
        PerimeterAssertions.assertPrivate(run);
    }

    @Test
    void vpcHasDnsAndOnePrivateSubnetPerZoneInsideItsBlock() {
        var vpc = run.named("aws:ec2/vpc:Vpc", "ml-use1");
        assertEquals("10.10.0.0/22", vpc.string("cidrBlock"));
        assertEquals(true, vpc.input("enableDnsSupport").orElseThrow());
        assertEquals(true, vpc.input("enableDnsHostnames").orElseThrow());

        var subnets = run.ofType("aws:ec2/subnet:Subnet");
        assertEquals(Set.of("us-east-1a", "us-east-1b"),
                subnets.stream().map(s -> s.string("availabilityZone")).collect(Collectors.toSet()));
        var block = new IPAddressString("10.10.0.0/22").getAddress();
        var cidrs = ZONES.stream().map(z -> run.named("aws:ec2/subnet:Subnet", "ml-use1-private-" + z)
                .string("cidrBlock")).toList();
        assertEquals(List.of("10.10.0.0/23", "10.10.2.0/23"), cidrs);
        cidrs.forEach(c -> assertTrue(block.contains(new IPAddressString(c).getAddress()), c));
        var associations = run.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation");
        assertEquals(2, associations.size());
        String routeTable = idOf("aws:ec2/routeTable:RouteTable", "ml-use1-private");
        associations.forEach(a -> assertEquals(routeTable, a.string("routeTableId")));
    }

    @Test
    void defaultSecurityGroupIsStrippedOfRules() {
        var sg = run.named("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "ml-use1-default-sg");
        assertTrue(sg.list("ingress").isEmpty());
        assertTrue(sg.list("egress").isEmpty());
    }

    @Test
    void flowLogsRecordAllTrafficToTheEncryptedGroupThroughAScopedRole() {
        var flowLog = run.named("aws:ec2/flowLog:FlowLog", "ml-use1");
        assertEquals("ALL", flowLog.string("trafficType"));
        assertEquals("cloud-watch-logs", flowLog.string("logDestinationType"));
        String groupArn = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/vpc/flow-logs/ml-use1";
        assertEquals(groupArn, flowLog.string("logDestination"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/ml-use1-flow-logs", flowLog.string("iamRoleArn"));

        var role = run.named("aws:iam/role:Role", "ml-use1-flow-logs");
        var trust = Policies.statement(role.string("assumeRolePolicy"), "FlowLogsDelivery");
        assertEquals(Map.of("Service", List.of("vpc-flow-logs.amazonaws.com")), trust.principal());
        assertEquals(List.of(ACCOUNT), trust.condition("StringEquals", "aws:SourceAccount"));
        var deliver = Policies.statement(run.named("aws:iam/rolePolicy:RolePolicy",
                "ml-use1-flow-logs-deliver-flow-logs").string("policy"), "DeliverFlowLogs");
        assertEquals(List.of(groupArn + ":*"), deliver.resources(), "the form AWS authorises group-level actions on");
    }

    @Test
    void everyLogGroupIsEncryptedWithTheRotatedKeyAndKeepsConfiguredRetention() {
        var key = run.named("aws:kms/key:Key", "ml-use1-logs");
        assertEquals(true, key.input("enableKeyRotation").orElseThrow());
        String keyArn = PerimeterAssertions.stateOf(run, key, "arn");
        var groups = run.ofType("aws:cloudwatch/logGroup:LogGroup");
        assertEquals(Set.of("/vpc/flow-logs/ml-use1", "/aws/lambda/" + FUNCTION, "/route53resolver/query-logs/ml-use1"),
                groups.stream().map(g -> g.string("name")).collect(Collectors.toSet()));
        for (var group : groups) {
            assertEquals(keyArn, group.string("kmsKeyId"), group.name());
            assertEquals(90, ((Number) group.input("retentionInDays").orElseThrow()).intValue(), group.name());
        }
    }

    @Test
    void logsKeyIsUsableOnlyByThisAccountsCloudWatchLogsInThisRegion() {
        var policy = run.named("aws:kms/key:Key", "ml-use1-logs").string("policy");
        var statements = Policies.parse(policy);
        assertEquals(2, statements.size());
        var admin = Policies.statement(policy, "AccountAdministersKey");
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), admin.principal());
        assertTrue(admin.actions().stream().noneMatch(a -> a.matches("kms:(Encrypt|Decrypt|GenerateDataKey|ReEncrypt).*")),
                "the account administers the key but cannot use it: " + admin.actions());
        var logs = Policies.statement(policy, "CloudWatchLogsUsesKey");
        assertEquals(Map.of("Service", List.of("logs.us-east-1.amazonaws.com")), logs.principal());
        assertEquals(List.of("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:*"),
                logs.condition("ArnLike", "kms:EncryptionContext:aws:logs:arn"));
    }

    @Test
    void bedrockEndpointHasPrivateDnsAndAdmitsOnlyTheFunction() {
        var endpoint = endpoint();
        assertEquals("com.amazonaws.us-east-1.bedrock-runtime", endpoint.string("serviceName"));
        assertEquals("Interface", endpoint.string("vpcEndpointType"));
        assertEquals(true, endpoint.input("privateDnsEnabled").orElseThrow());
        assertEquals(PerimeterAssertions.subnetIds(run, "ml-use1", ZONES),
                endpoint.list("subnetIds"));

        String endpointSg = idOf("aws:ec2/securityGroup:SecurityGroup", "ml-use1-bedrock-runtime-endpoint");
        String functionSg = idOf("aws:ec2/securityGroup:SecurityGroup", FUNCTION + "-function");
        assertEquals(List.of(endpointSg), endpoint.list("securityGroupIds"));
        var ingress = run.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> r.string("securityGroupId").equals(endpointSg)).toList();
        assertEquals(1, ingress.size());
        assertEquals(functionSg, ingress.get(0).string("referencedSecurityGroupId"));
        assertEquals(443, ((Number) ingress.get(0).input("fromPort").orElseThrow()).intValue());
        assertEquals(443, ((Number) ingress.get(0).input("toPort").orElseThrow()).intValue());
        assertEquals("tcp", ingress.get(0).string("ipProtocol"));
    }

    @Test
    void bedrockEndpointPolicyAllowsOnlyTheFunctionRoleToInvokeAllowedModels() {
        var statements = Policies.parse(endpoint().string("policy"));
        assertEquals(1, statements.size());
        var s = statements.get(0);
        assertEquals("Allow", s.effect());
        assertEquals(Map.of("AWS", List.of(FUNCTION_ROLE_ARN)), s.principal());
        assertEquals(List.of("bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel"), s.actions());
        assertEquals(MODEL_ARNS, s.resources());
    }

    @Test
    void functionMaySendOnlyHttpsToTheBedrockEndpoint() {
        String functionSg = idOf("aws:ec2/securityGroup:SecurityGroup", FUNCTION + "-function");
        String endpointSg = idOf("aws:ec2/securityGroup:SecurityGroup", "ml-use1-bedrock-runtime-endpoint");
        var egress = run.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assertEquals(1, egress.size());
        var rule = egress.get(0);
        assertEquals(functionSg, rule.string("securityGroupId"));
        assertEquals(endpointSg, rule.string("referencedSecurityGroupId"));
        assertEquals(443, ((Number) rule.input("fromPort").orElseThrow()).intValue());
        assertEquals(443, ((Number) rule.input("toPort").orElseThrow()).intValue());
        run.ofType("aws:ec2/securityGroup:SecurityGroup").forEach(sg -> {
            assertTrue(sg.list("egress").isEmpty(), sg.name() + " has inline egress");
            assertTrue(sg.list("ingress").isEmpty(), sg.name() + " has inline ingress");
        });
    }

    @Test
    void functionRoleReachesOnlyItsLogsAndTheAllowedModelsThroughTheEndpoint() {
        var policy = run.named("aws:iam/rolePolicy:RolePolicy", FUNCTION + "-ml-stream").string("policy");
        assertEquals(3, Policies.parse(policy).size());
        var network = Policies.statement(policy, "ManageVpcNetworkInterfaces");
        assertTrue(network.actions().stream().allMatch(a -> a.startsWith("ec2:")));
        var logs = Policies.statement(policy, "WriteOwnLogs");
        assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents"), logs.actions());
        assertEquals(List.of("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/" + FUNCTION + ":log-stream:*"),
                logs.resources());
        var bedrock = Policies.statement(policy, "InvokeAllowedModelsThroughEndpoint");
        assertEquals(List.of("bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel"), bedrock.actions());
        assertEquals(MODEL_ARNS, bedrock.resources());
        assertEquals(List.of(idOf("aws:ec2/vpcEndpoint:VpcEndpoint", "ml-use1-bedrock-runtime")),
                bedrock.condition("StringEquals", "aws:SourceVpce"));

        var trust = Policies.parse(run.named("aws:iam/role:Role", FUNCTION).string("assumeRolePolicy"));
        assertEquals(Map.of("Service", List.of("lambda.amazonaws.com")), trust.get(0).principal());
    }

    @Test
    void functionRunsTheBuiltBundleInThePrivateSubnetsWithConfiguredLimits() throws Exception {
        var fn = function();
        assertEquals(LambdaArtifacts.NODE_RUNTIME, fn.string("runtime"));
        assertEquals("index.handler", fn.string("handler"));
        assertEquals(List.of("arm64"), fn.list("architectures"));
        assertEquals(512, ((Number) fn.input("memorySize").orElseThrow()).intValue());
        assertEquals(300, ((Number) fn.input("timeout").orElseThrow()).intValue());
        assertEquals(20, ((Number) fn.input("reservedConcurrentExecutions").orElseThrow()).intValue());
        assertEquals(FUNCTION_ROLE_ARN, fn.string("role"));
        assertEquals(PerimeterAssertions.subnetIds(run, "ml-use1", ZONES),
                fn.list("vpcConfig.subnetIds"));
        assertEquals(List.of(idOf("aws:ec2/securityGroup:SecurityGroup", FUNCTION + "-function")),
                fn.list("vpcConfig.securityGroupIds"));
        assertEquals("/aws/lambda/" + FUNCTION, fn.string("loggingConfig.logGroup"));

        assertEquals(Map.of(
                "BEDROCK_REGION", "us-east-1",
                "ALLOWED_MODEL_IDS", "us.anthropic.claude-haiku-4-5-20251001-v1:0,"
                        + "us.anthropic.claude-sonnet-4-5-20250929-v1:0,amazon.nova-lite-v1:0",
                "MAX_REQUEST_BYTES", "6291456",
                "MAX_OUTPUT_TOKENS", "4096",
                "POWERTOOLS_SERVICE_NAME", "ml-stream",
                "POWERTOOLS_METRICS_NAMESPACE", "BedrockStream",
                "POWERTOOLS_LOG_LEVEL", "INFO"), fn.input("environment.variables").orElseThrow());

        var code = (AssetArchive) fn.input("code").orElseThrow();
        @SuppressWarnings("unchecked")
        var assets = (Map<String, Object>) AssetOrArchiveInternal.from(code).getValue();
        assertEquals(Set.of("index.mjs"), assets.keySet());
        var bundle = Path.of((String) AssetOrArchiveInternal.from((FileAsset) assets.get("index.mjs")).getValue());
        assertEquals(Path.of("").toAbsolutePath().resolve(LambdaArtifacts.ML_STREAM_BUNDLE), bundle);
        String content = Files.readString(bundle);
        assertTrue(content.contains("streamifyResponse"), "the asset is the built streaming bundle");
    }

    @Test
    void invokerRoleTrustsOnlyPrefixedAppRolesWithTheExternalId() {
        var role = run.named("aws:iam/role:Role", "ml-use1-bedrock-invoker");
        assertEquals(3600, ((Number) role.input("maxSessionDuration").orElseThrow()).intValue());
        var statements = Policies.parse(role.string("assumeRolePolicy"));
        assertEquals(1, statements.size());
        var trust = statements.get(0);
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + APP_ACCOUNT + ":root")), trust.principal());
        assertEquals(List.of("sts:AssumeRole"), trust.actions());
        assertEquals(List.of(Stacks.TEST_EXTERNAL_ID), trust.condition("StringEquals", "sts:ExternalId"));
        assertEquals(List.of("arn:aws:iam::" + APP_ACCOUNT + ":role/bedrock-app-*"),
                trust.condition("ArnLike", "aws:PrincipalArn"));
        assertNull(trust.condition("StringEquals", "aws:SourceVpce"), "no endpoint restriction unless configured");
    }

    @Test
    void invokerRoleTrustNamesTheStsEndpointsWhenConfigured() {
        var pinned = Stacks.mlWith(Map.of("allowedStsEndpointIds", "[\"vpce-0a1b2c3d4e5f60718\"]"));
        assertTrue(pinned.succeeded(), pinned.errorText());
        var trust = Policies.parse(pinned.named("aws:iam/role:Role", "ml-use1-bedrock-invoker")
                .string("assumeRolePolicy")).get(0);
        assertEquals(List.of("vpce-0a1b2c3d4e5f60718"), trust.condition("StringEquals", "aws:SourceVpce"));
    }

    @Test
    void invokerRoleMayOnlyInvokeTheMlFunction() {
        var statements = Policies.parse(run.named("aws:iam/rolePolicy:RolePolicy", "ml-use1-bedrock-invoker-invoke")
                .string("policy"));
        assertEquals(1, statements.size());
        assertEquals(List.of("lambda:InvokeFunction"), statements.get(0).actions());
        assertEquals(List.of(FUNCTION_ARN, FUNCTION_ARN + ":*"), statements.get(0).resources());
        assertTrue(statements.get(0).principal().isEmpty());
    }

    @Test
    void exportsMatchTheContractAndKeepTheExternalIdSecret() {
        assertEquals(MlOutputs.ALL.stream().map(StackOutput::name).collect(Collectors.toSet()), run.outputs().keySet());
        assertEquals(Set.of(MlOutputs.EXTERNAL_ID.name()), run.secretOutputs());
        for (StackOutput<?> output : MlOutputs.ALL) {
            assertTrue(output.cast(run.outputs().get(output.name())).isPresent(), output.name() + " has its contract shape");
        }
        assertEquals(Stacks.TEST_EXTERNAL_ID, run.outputs().get(MlOutputs.EXTERNAL_ID.name()));
        assertEquals(FUNCTION_ARN, run.outputs().get(MlOutputs.FUNCTION_ARN.name()));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/ml-use1-bedrock-invoker",
                run.outputs().get(MlOutputs.INVOKER_ROLE_ARN.name()));
        assertEquals("10.10.0.0/22", run.outputs().get(MlOutputs.VPC_CIDR.name()));
        assertEquals(idOf("aws:ec2/vpcEndpoint:VpcEndpoint", "ml-use1-bedrock-runtime"),
                run.outputs().get(MlOutputs.BEDROCK_ENDPOINT_ID.name()));
        assertFalse(run.outputs().toString().contains("secure"));
    }
}
