package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.notebook.Notebook;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.pulumi.asset.AssetOrArchive.AssetOrArchiveInternal;
import com.pulumi.asset.FileArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** app-use1 as committed, run after ml-use1 with the ML stack's real exports as its StackReference. */
class AppHubStackTest {
    static final String ACCOUNT = "111122223333";
    static final String ML_FUNCTION_ARN = "arn:aws:lambda:us-east-1:444455556666:function:ml-use1-ml-stream";
    static final String INVOKER_ROLE_ARN = "arn:aws:iam::444455556666:role/ml-use1-bedrock-invoker";
    static final String APP_FUNCTION = "app-use1-app-invoker";
    static final String APP_ROLE = "bedrock-app-app-use1-app-invoker";
    static final String NOTEBOOK_ROLE = "bedrock-app-app-use1-notebook";

    static OfflineRun run;

    @BeforeAll
    static void deploy() {
        run = Stacks.hub();
        assertTrue(run.succeeded(), run.errorText());
    }

    private static String idOf(String type, String name) {
        return PerimeterAssertions.idOf(run, type, name);
    }

    private static String doors() {
        return idOf("aws:ec2/securityGroup:SecurityGroup", "app-use1-endpoints");
    }

    private static MockResource endpoint(String service) {
        return run.named("aws:ec2/vpcEndpoint:VpcEndpoint", "app-use1-" + service);
    }

    private static int number(MockResource r, String path) {
        return ((Number) r.input(path).orElseThrow()).intValue();
    }

    @Test
    void nothingIsReachableFromTheInternet() {
        PerimeterAssertions.assertPrivate(run);
    }

    @Test
    void stsAndLambdaEndpointsHavePrivateDnsOffAndShareTheDoorGroup() {
        for (String service : List.of("sts", "lambda")) {
            var endpoint = endpoint(service);
            assertEquals("com.amazonaws.us-east-1." + service, endpoint.string("serviceName"));
            assertEquals(false, endpoint.input("privateDnsEnabled").orElseThrow(), service);
            assertEquals("Interface", endpoint.string("vpcEndpointType"));
            assertEquals(List.of(doors()), endpoint.list("securityGroupIds"));
            assertEquals(idOf("aws:ec2/vpc:Vpc", "app-use1"), endpoint.string("vpcId"));
        }
    }

    @Test
    void doorGroupAdmitsHttpsFromTheHubBlockOnly() {
        var ingress = run.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> r.string("securityGroupId").equals(doors())).toList();
        assertEquals(1, ingress.size());
        var rule = ingress.get(0);
        assertEquals(doors(), rule.string("securityGroupId"));
        assertEquals("10.20.0.0/22", rule.string("cidrIpv4"));
        assertEquals("tcp", rule.string("ipProtocol"));
        assertEquals(443, number(rule, "fromPort"));
        assertEquals(443, number(rule, "toPort"));
        assertTrue(run.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").stream()
                .noneMatch(r -> r.string("securityGroupId").equals(doors())), "the door group sends nothing");
    }

    @Test
    void stsEndpointPolicyLetsThisAccountAssumeOnlyTheInvokerRole() {
        String policy = endpoint("sts").string("policy");
        assertEquals(2, Policies.parse(policy).size());
        var assume = Policies.statement(policy, "AssumeMlInvokerRole");
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), assume.principal());
        assertEquals(List.of("sts:AssumeRole"), assume.actions());
        assertEquals(List.of(INVOKER_ROLE_ARN), assume.resources());
        var diagnose = Policies.statement(policy, "DiagnoseCallerIdentity");
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), diagnose.principal());
        assertEquals(List.of("sts:GetCallerIdentity"), diagnose.actions());
    }

    @Test
    void lambdaEndpointPolicyLetsOnlyInvokerSessionsInvokeOnlyTheMlFunction() {
        var statements = Policies.parse(endpoint("lambda").string("policy"));
        assertEquals(1, statements.size());
        var s = statements.get(0);
        assertEquals(Map.of("AWS", List.of(INVOKER_ROLE_ARN)), s.principal());
        assertEquals(List.of("lambda:InvokeFunction"), s.actions());
        assertEquals(List.of(ML_FUNCTION_ARN, ML_FUNCTION_ARN + ":*"), s.resources());
    }

    @Test
    void privateZonesNameTheRegionalServicesAndAliasTheirEndpoints() {
        String vpcId = idOf("aws:ec2/vpc:Vpc", "app-use1");
        for (String service : List.of("sts", "lambda")) {
            String name = service + ".us-east-1.amazonaws.com";
            var zone = run.named("aws:route53/zone:Zone", "app-use1-" + service + "-zone");
            assertEquals(name, zone.string("name"));
            assertEquals(List.of(Map.of("vpcId", vpcId, "vpcRegion", "us-east-1")), zone.list("vpcs"));

            var record = run.named("aws:route53/record:Record", "app-use1-" + service + "-zone-apex");
            assertEquals(PerimeterAssertions.stateOf(run, zone, "zoneId"), record.string("zoneId"));
            assertEquals(name, record.string("name"));
            assertEquals("A", record.string("type"));
            @SuppressWarnings("unchecked")
            var entries = (List<Map<String, Object>>) endpoint(service).state().get("dnsEntries");
            String endpointId = idOf("aws:ec2/vpcEndpoint:VpcEndpoint", "app-use1-" + service);
            assertTrue(String.valueOf(entries.get(0).get("dnsName")).matches(endpointId + "-[0-9a-f]+-us-east-1a\\..*"),
                    "the mock lists a zonal entry first: " + entries);
            var regional = entries.stream().filter(e -> String.valueOf(e.get("dnsName"))
                    .matches(endpointId + "-[0-9a-f]+\\." + service + "\\.us-east-1\\.vpce\\.amazonaws\\.com")).toList();
            assertEquals(1, regional.size(), entries::toString);
            var entry = regional.get(0);
            assertEquals(List.of(Map.of("name", entry.get("dnsName"), "zoneId", entry.get("hostedZoneId"),
                    "evaluateTargetHealth", false)), record.list("aliases"));
        }
    }

    @Test
    void transitGatewayHasDefaultsOffAndAnExplicitRouteTable() {
        var tgw = run.named("aws:ec2transitgateway/transitGateway:TransitGateway", "app-use1-tgw");
        assertEquals(64512, number(tgw, "amazonSideAsn"));
        assertEquals("enable", tgw.string("dnsSupport"));
        assertEquals("disable", tgw.string("defaultRouteTableAssociation"));
        assertEquals("disable", tgw.string("defaultRouteTablePropagation"));
        assertEquals("disable", tgw.string("autoAcceptSharedAttachments"));

        String tgwId = idOf("aws:ec2transitgateway/transitGateway:TransitGateway", "app-use1-tgw");
        String table = idOf("aws:ec2transitgateway/routeTable:RouteTable", "app-use1-tgw");
        var attachment = run.named("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "app-use1-tgw-vpc");
        assertEquals(tgwId, attachment.string("transitGatewayId"));
        assertEquals(false, attachment.input("transitGatewayDefaultRouteTableAssociation").orElseThrow());
        assertEquals(false, attachment.input("transitGatewayDefaultRouteTablePropagation").orElseThrow());
        String attachmentId = PerimeterAssertions.id(run, attachment);
        for (String type : List.of("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation",
                "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation")) {
            var link = run.named(type, "app-use1-tgw-vpc");
            assertEquals(attachmentId, link.string("transitGatewayAttachmentId"));
            assertEquals(table, link.string("transitGatewayRouteTableId"));
        }
    }

    @Test
    void applicationLambdaIsTheBuiltJavaJarWithTheInvokeRecipe() throws Exception {
        var fn = run.named("aws:lambda/function:Function", APP_FUNCTION);
        assertEquals(LambdaArtifacts.JAVA_RUNTIME, fn.string("runtime"));
        assertEquals(List.of("arm64"), fn.list("architectures"));
        assertEquals("com.example.bedrockstream.appinvoker.Handler::handleRequest", fn.string("handler"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/" + APP_ROLE, fn.string("role"));
        assertEquals(Map.of("ML_FUNCTION_ARN", ML_FUNCTION_ARN, "INVOKER_ROLE_ARN", INVOKER_ROLE_ARN,
                "EXTERNAL_ID", Stacks.TEST_EXTERNAL_ID, "ML_REGION", "us-east-1"),
                fn.input("environment.variables").orElseThrow());
        assertEquals(10, ((Number) fn.input("reservedConcurrentExecutions").orElseThrow()).intValue(), "as the stack file says");
        assertEquals(List.of(idOf("aws:ec2/securityGroup:SecurityGroup", APP_FUNCTION + "-function")),
                fn.list("vpcConfig.securityGroupIds"));

        var jar = Path.of((String) AssetOrArchiveInternal.from((FileArchive) fn.input("code").orElseThrow()).getValue());
        assertEquals(Path.of("").toAbsolutePath().resolve(LambdaArtifacts.APP_INVOKER_JAR), jar);
        long size = Files.size(jar);
        assertTrue(size > 1_000_000 && size < 20_000_000, "deployable jar under 20 MB: " + size);
    }

    @Test
    void applicationLambdaMayOnlyAssumeTheInvokerRoleAndSendHttpsToTheEndpoints() {
        var role = run.named("aws:iam/role:Role", APP_ROLE);
        assertTrue(role.string("name").startsWith("bedrock-app-"), "the invoker role's trust admits it");
        var policy = run.named("aws:iam/rolePolicy:RolePolicy", APP_ROLE + "-assume-invoker").string("policy");
        assertEquals(3, Policies.parse(policy).size());
        var assume = Policies.statement(policy, "AssumeMlInvokerRole");
        assertEquals(List.of("sts:AssumeRole"), assume.actions());
        assertEquals(List.of(INVOKER_ROLE_ARN), assume.resources());
        assertEquals(List.of("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/" + APP_FUNCTION + ":log-stream:*"),
                Policies.statement(policy, "WriteOwnLogs").resources());
        Policies.statement(policy, "ManageVpcNetworkInterfaces");

        assertHttpsOnlyTo(APP_FUNCTION + "-function", Set.of(doors()));
    }

    /** The group sends HTTPS to exactly these endpoint groups, and nothing else anywhere. */
    private static void assertHttpsOnlyTo(String groupName, Set<String> endpointGroups) {
        String group = idOf("aws:ec2/securityGroup:SecurityGroup", groupName);
        var egress = run.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").stream()
                .filter(r -> r.string("securityGroupId").equals(group)).toList();
        assertEquals(endpointGroups, egress.stream().map(r -> r.string("referencedSecurityGroupId"))
                .collect(Collectors.toSet()), groupName);
        assertEquals(endpointGroups.size(), egress.size(), groupName);
        for (var rule : egress) {
            assertEquals(443, number(rule, "fromPort"));
            assertEquals(443, number(rule, "toPort"));
        }
    }

    @Test
    void notebookIsPrivateEncryptedAndRunsTheCurrentPlatformThroughTheNewerProvider() {
        var notebook = run.named("aws:sagemaker/notebookInstance:NotebookInstance", "app-use1-bedrock-sample");
        assertEquals("Disabled", notebook.string("directInternetAccess"));
        assertEquals("Disabled", notebook.string("rootAccess"));
        assertEquals("notebook-al2023-v1", notebook.string("platformIdentifier"));
        assertEquals("ml.t3.medium", notebook.string("instanceType"));
        assertEquals(5, number(notebook, "volumeSize"));
        assertEquals("2", notebook.string("instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion"));
        assertEquals(PerimeterAssertions.stateOf(run, run.named("aws:kms/key:Key", "app-use1-bedrock-sample-volume"), "arn"),
                notebook.string("kmsKeyId"));
        assertEquals(PerimeterAssertions.idOf(run, "aws:ec2/subnet:Subnet", "app-use1-private-us-east-1a"),
                notebook.string("subnetId"));
        assertEquals(List.of(idOf("aws:ec2/securityGroup:SecurityGroup", "app-use1-bedrock-sample")),
                notebook.list("securityGroups"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/" + NOTEBOOK_ROLE, notebook.string("roleArn"));

        var provider = run.one("pulumi:providers:aws", p -> notebook.provider().orElseThrow().contains("::" + p.name() + "::"));
        assertEquals(Notebook.PROVIDER_PLUGIN_VERSION, provider.pluginVersion().orElseThrow());
        assertTrue(Notebook.PROVIDER_PLUGIN_VERSION.startsWith("7."));
        assertEquals("us-east-1", provider.string("region"));
        run.awsResources().stream().filter(r -> !r.type().startsWith("aws:sagemaker/notebookInstance:"))
                .forEach(r -> assertFalse(r.provider().orElse("").contains("::" + provider.name() + "::"),
                        r.name() + " should use the default provider"));
        // Its lifecycle logs leave through the Logs endpoint of the notebook's own way in.
        assertHttpsOnlyTo("app-use1-bedrock-sample",
                Set.of(doors(), idOf("aws:ec2/securityGroup:SecurityGroup", "app-use1-notebook-access")));
    }

    @Test
    void notebookRoleMayOnlyAssumeTheInvokerRoleBeyondItsLogs() {
        var role = run.named("aws:iam/role:Role", NOTEBOOK_ROLE);
        assertEquals(Map.of("Service", List.of("sagemaker.amazonaws.com")),
                Policies.parse(role.string("assumeRolePolicy")).get(0).principal());
        var policy = run.named("aws:iam/rolePolicy:RolePolicy", NOTEBOOK_ROLE + "-assume-invoker").string("policy");
        var statements = Policies.parse(policy);
        assertEquals(2, statements.size());
        assertEquals(List.of(INVOKER_ROLE_ARN), Policies.statement(policy, "AssumeMlInvokerRole").resources());
        var logs = Policies.statement(policy, "WriteNotebookLogs");
        assertTrue(logs.actions().stream().allMatch(a -> a.startsWith("logs:")));
        assertEquals(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                logs.actions());
        // The group as AWS authorises CreateLogGroup and DescribeLogStreams, which covers its streams.
        assertEquals(List.of("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/sagemaker/NotebookInstances:*"),
                logs.resources());
    }

    @Test
    void sampleNotebookHasThisDeploymentsArnsAndNoSecretOrDownload() {
        var lifecycle = run.named("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
                "app-use1-bedrock-sample");
        String script = new String(Base64.getDecoder().decode(lifecycle.string("onCreate")), StandardCharsets.UTF_8);
        assertTrue(script.contains(ML_FUNCTION_ARN));
        assertTrue(script.contains(INVOKER_ROLE_ARN));
        assertTrue(script.contains("https://sts.{REGION}.amazonaws.com"), "regional STS");
        assertTrue(script.contains("ExternalId=EXTERNAL_ID"));
        assertTrue(script.contains("invoke_with_response_stream"));
        assertTrue(script.contains("us.anthropic.claude-haiku-4-5-20251001-v1:0"), "the canary model");
        assertFalse(script.contains(Stacks.TEST_EXTERNAL_ID), "the external id is asked for, never written down");
        assertFalse(script.contains("pip install"));
        assertFalse(script.contains("sts.amazonaws.com'"), "never the global STS endpoint");
    }

    @Test
    void exportsMatchTheContractAndKeepTheExternalIdSecret() {
        assertEquals(HubOutputs.ALL.stream().map(StackOutput::name).collect(Collectors.toSet()), run.outputs().keySet());
        assertEquals(Set.of(HubOutputs.INVOKE_EXTERNAL_ID.name()), run.secretOutputs());
        for (StackOutput<?> output : HubOutputs.ALL) {
            assertTrue(output.cast(run.outputs().get(output.name())).isPresent(), output.name());
        }
        assertEquals(idOf("aws:ec2transitgateway/transitGateway:TransitGateway", "app-use1-tgw"),
                run.outputs().get(HubOutputs.TRANSIT_GATEWAY_ID.name()));
        assertEquals(doors(), run.outputs().get(HubOutputs.ENDPOINT_SECURITY_GROUP_ID.name()));
        assertEquals(List.of(idOf("aws:ec2/routeTable:RouteTable", "app-use1-private")),
                run.outputs().get(HubOutputs.ROUTE_TABLE_IDS.name()));
        assertEquals("https://sts.us-east-1.amazonaws.com", run.outputs().get(HubOutputs.INVOKE_STS_URL.name()));
        assertEquals(ML_FUNCTION_ARN, run.outputs().get(HubOutputs.INVOKE_FUNCTION_ARN.name()));
    }
}
