package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.NotebookAccessOutputs;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notebook's private way in, in the hub and the spoke as committed, with corporate ranges, and switched off. */
class NotebookAccessTest {
    static final String ACCOUNT = "111122223333";
    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String POLICY = "aws:iam/policy:Policy";
    static final String NOTEBOOK = "aws:sagemaker/notebookInstance:NotebookInstance";
    static final String PRESIGNED_URL = "sagemaker:CreatePresignedNotebookInstanceUrl";
    static final List<String> SUFFIXES = List.of("sagemaker-api", "sagemaker-notebook", "logs");

    static OfflineRun hub;
    static OfflineRun spoke;

    @BeforeAll
    static void deploy() {
        var chain = Stacks.spoke();
        hub = chain.hub();
        spoke = chain.spoke();
        assertTrue(spoke.succeeded(), spoke.errorText());
    }

    private static MockResource endpoint(OfflineRun run, String suffix) {
        return run.named(ENDPOINT, run.stack() + "-notebook-access-" + suffix);
    }

    private static String id(OfflineRun run, String type, String name) {
        return PerimeterAssertions.idOf(run, type, name);
    }

    private static String notebookArn(OfflineRun run) {
        return PerimeterAssertions.stateOf(run, run.named(NOTEBOOK, run.stack() + "-bedrock-sample"), "arn");
    }

    private static int number(MockResource r, String path) {
        return ((Number) r.input(path).orElseThrow()).intValue();
    }

    @Test
    void eachApplicationVpcHasTheThreeRegionalEndpointsWithPrivateDnsInEveryPrivateSubnet() {
        for (var stack : Map.of(hub, List.of("us-east-1a", "us-east-1b"),
                spoke, List.of("ap-southeast-1a", "ap-southeast-1b")).entrySet()) {
            OfflineRun run = stack.getKey();
            String region = stack.getValue().get(0).substring(0, stack.getValue().get(0).length() - 1);
            assertEquals(List.of("com.amazonaws." + region + ".sagemaker.api", "aws.sagemaker." + region + ".notebook",
                    "com.amazonaws." + region + ".logs"), SUFFIXES.stream()
                    .map(s -> endpoint(run, s).string("serviceName")).toList(), run.stack());
            for (String suffix : SUFFIXES) {
                var endpoint = endpoint(run, suffix);
                assertEquals("Interface", endpoint.string("vpcEndpointType"));
                assertEquals(true, endpoint.input("privateDnsEnabled").orElseThrow(), endpoint.name());
                assertEquals(id(run, "aws:ec2/vpc:Vpc", run.stack()), endpoint.string("vpcId"));
                assertEquals(PerimeterAssertions.subnetIds(run, run.stack(), stack.getValue()),
                        endpoint.list("subnetIds"), endpoint.name());
                assertEquals(List.of(id(run, GROUP, run.stack() + "-notebook-access")),
                        endpoint.list("securityGroupIds"), endpoint.name());
            }
        }
    }

    @Test
    void theEndpointGroupAdmitsHttpsFromTheVpcAndTheCorporateRangesOnly() {
        var run = Stacks.hub(Map.of("notebookUserCidrs", "[\"10.100.0.0/16\",\"192.168.10.0/24\"]"), e -> e);
        assertTrue(run.succeeded(), run.errorText());
        String group = id(run, GROUP, "app-use1-notebook-access");
        var ingress = run.ofType(INGRESS).stream().filter(r -> r.string("securityGroupId").equals(group)).toList();
        assertEquals(List.of("10.100.0.0/16", "10.20.0.0/22", "192.168.10.0/24"),
                ingress.stream().map(r -> r.string("cidrIpv4")).sorted().toList());
        for (var rule : ingress) {
            assertEquals("tcp", rule.string("ipProtocol"));
            assertEquals(443, number(rule, "fromPort"));
            assertEquals(443, number(rule, "toPort"));
            assertTrue(rule.input("referencedSecurityGroupId").isEmpty(), rule.name());
        }
        assertEquals(List.of(), run.ofType(EGRESS).stream().filter(r -> r.string("securityGroupId").equals(group))
                .map(MockResource::name).toList(), "the endpoints' group sends nothing");
        PerimeterAssertions.assertPrivate(run);
    }

    @Test
    void theSageMakerApiEndpointLetsThisAccountDescribeAndOpenThisNotebookOnly() {
        for (OfflineRun run : List.of(hub, spoke)) {
            String policy = endpoint(run, "sagemaker-api").string("policy");
            assertEquals(1, Policies.parse(policy).size());
            var open = Policies.statement(policy, "OpenThisNotebook");
            assertEquals("Allow", open.effect());
            assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), open.principal());
            assertEquals(List.of(PRESIGNED_URL, "sagemaker:DescribeNotebookInstance"), open.actions());
            assertEquals(List.of(notebookArn(run)), open.resources());
            assertEquals(Map.of(), open.conditions());
        }
    }

    /** The notebook endpoint supports policies: AWS documents one naming CreatePresignedNotebookInstanceUrl. */
    @Test
    void theNotebookEndpointLetsThisAccountUseThisNotebookOnly() {
        for (OfflineRun run : List.of(hub, spoke)) {
            String policy = endpoint(run, "sagemaker-notebook").string("policy");
            assertEquals(1, Policies.parse(policy).size());
            var use = Policies.statement(policy, "UseThisNotebook");
            assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), use.principal());
            assertEquals(List.of(PRESIGNED_URL), use.actions());
            assertEquals(List.of(notebookArn(run)), use.resources());
        }
    }

    @Test
    void theLogsEndpointTakesOnlyTheNotebooksOwnStreams() {
        String group = "arn:aws:logs:ap-southeast-1:" + ACCOUNT + ":log-group:/aws/sagemaker/NotebookInstances";
        String policy = endpoint(spoke, "logs").string("policy");
        assertEquals(2, Policies.parse(policy).size());
        var find = Policies.statement(policy, "FindNotebookLogGroup");
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), find.principal());
        assertEquals(List.of("logs:CreateLogGroup", "logs:DescribeLogStreams"), find.actions());
        // Group-level actions are authorised on the group's ARN with ":*", never on the bare ARN.
        assertEquals(List.of(group + ":*"), find.resources());
        var streams = Policies.statement(policy, "NotebookStreamsOnly");
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), streams.principal());
        assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:GetLogEvents"), streams.actions());
        assertEquals(List.of(group + ":log-stream:app-apse1-bedrock-sample/*"), streams.resources());
    }

    @Test
    void theUserPolicyIsAManagedPolicyOpeningTheNotebookThroughThisVpcsEndpointsOnly() {
        for (OfflineRun run : List.of(hub, spoke)) {
            var managed = run.named(POLICY, run.stack() + "-notebook-access-users");
            assertEquals(run.stack() + "-notebook-users", managed.string("name"));
            String api = id(run, ENDPOINT, run.stack() + "-notebook-access-sagemaker-api");
            String jupyter = id(run, ENDPOINT, run.stack() + "-notebook-access-sagemaker-notebook");
            String policy = managed.string("policy");
            assertEquals(3, Policies.parse(policy).size());

            var create = Policies.statement(policy, "CreateUrlThroughApiEndpoint");
            assertEquals("Allow", create.effect());
            assertEquals(Map.of(), create.principal());
            assertEquals(List.of(PRESIGNED_URL, "sagemaker:DescribeNotebookInstance"), create.actions());
            assertEquals(List.of(notebookArn(run)), create.resources());
            assertEquals(Map.of("StringEquals", Map.of("aws:SourceVpce", List.of(api))), create.conditions());

            var open = Policies.statement(policy, "OpenThroughNotebookEndpoint");
            assertEquals("Allow", open.effect());
            assertEquals(List.of(PRESIGNED_URL), open.actions());
            assertEquals(List.of(notebookArn(run)), open.resources());
            assertEquals(Map.of("StringEquals", Map.of("aws:SourceVpce", List.of(jupyter))), open.conditions());

            var guard = Policies.statement(policy, "OnlyThroughThisVpc");
            assertEquals("Deny", guard.effect());
            assertEquals(List.of(PRESIGNED_URL), guard.actions());
            assertEquals(List.of(notebookArn(run)), guard.resources());
            assertEquals(Map.of("StringNotEquals", Map.of("aws:SourceVpce", List.of(api, jupyter))), guard.conditions());

            assertEquals(List.of(PerimeterAssertions.stateOf(run, managed, "arn")),
                    run.outputs().get(NotebookAccessOutputs.USER_POLICY_ARNS.name()));
            assertEquals(List.of(run.stack() + "-notebook-users"),
                    run.outputs().get(NotebookAccessOutputs.USER_POLICY_NAMES.name()));
        }
    }

    /** Its lifecycle script's logs leave through the Logs endpoint, which must exist and admit it by then. */
    @Test
    void theNotebookStartsOnlyOnceItsPrivateWayInExists() {
        for (OfflineRun run : List.of(hub, spoke)) {
            var notebook = run.named(NOTEBOOK, run.stack() + "-bedrock-sample");
            assertTrue(notebook.dependsOn().contains(run.stack() + "-notebook-access"), notebook.dependsOn().toString());
            var toAccess = run.named(EGRESS, run.stack() + "-bedrock-sample-https-to-notebook-access");
            assertEquals(id(run, GROUP, run.stack() + "-bedrock-sample"), toAccess.string("securityGroupId"));
            assertEquals(id(run, GROUP, run.stack() + "-notebook-access"), toAccess.string("referencedSecurityGroupId"));
            assertEquals(443, number(toAccess, "toPort"));
        }
    }

    @Test
    void switchedOffTheHubHasNoNotebookEndpointsNoUserPolicyAndSaysSo() {
        var run = Stacks.hub(Map.of("notebookPrivateAccess", "false"), e -> e);
        assertTrue(run.succeeded(), run.errorText());
        assertNoPrivateAccess(run);
        assertEquals(Set.of("com.amazonaws.us-east-1.sts", "com.amazonaws.us-east-1.lambda"), run.ofType(ENDPOINT)
                .stream().map(e -> e.string("serviceName")).collect(Collectors.toSet()));
        String notebookGroup = id(run, GROUP, "app-use1-bedrock-sample");
        assertEquals(List.of(id(run, GROUP, "app-use1-endpoints")), run.ofType(EGRESS).stream()
                .filter(r -> r.string("securityGroupId").equals(notebookGroup))
                .map(r -> r.string("referencedSecurityGroupId")).toList());
        assertEquals(List.of("bedrock-app-app-use1-notebook-assume-invoker"),
                run.named(NOTEBOOK, "app-use1-bedrock-sample").dependsOn());
    }

    @Test
    void aSpokeWithoutANotebookHasNoPrivateAccessEvenWithTheSwitchOn() {
        var run = Stacks.spoke("app-apse1", Map.of("notebookEnabled", "false"), e -> e).spoke();
        assertTrue(run.succeeded(), run.errorText());
        assertEquals(List.of(), run.ofType(NOTEBOOK));
        assertNoPrivateAccess(run);
        assertEquals(List.of(), run.ofType(ENDPOINT));
    }

    private static void assertNoPrivateAccess(OfflineRun run) {
        assertEquals(List.of(), run.ofType(ENDPOINT).stream().map(e -> e.string("serviceName"))
                .filter(s -> s.contains("sagemaker") || s.endsWith(".logs")).toList(), run.stack());
        assertEquals(List.of(), run.ofType(POLICY).stream().map(MockResource::name).toList(), run.stack());
        assertEquals(List.of(), run.ofType(GROUP).stream().map(MockResource::name)
                .filter(n -> n.endsWith("-notebook-access")).toList(), run.stack());
        assertEquals(List.of(), run.outputs().get(NotebookAccessOutputs.USER_POLICY_ARNS.name()));
        assertEquals(List.of(), run.outputs().get(NotebookAccessOutputs.USER_POLICY_NAMES.name()));
    }
}
