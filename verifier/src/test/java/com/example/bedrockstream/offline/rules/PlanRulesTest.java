package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineEngine;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.StackFiles;
import com.example.bedrockstream.policy.PolicySizes;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.sagemaker.NotebookInstance;
import com.pulumi.aws.sagemaker.NotebookInstanceArgs;
import com.pulumi.aws.sagemaker.inputs.NotebookInstanceInstanceMetadataServiceConfigurationArgs;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanRulesTest {
    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final String HUB_PROVIDER_REF = "urn:pulumi:app-use1::bedrock-stream::pulumi:pulumi:Stack$pulumi:providers:aws::hub::0a1b2c";

    // ---- building runs by hand ---------------------------------------------------------------------------

    private static MockResource resource(String type, String name, Map<String, Object> inputs) {
        return new MockResource(type, name, inputs, inputs, Optional.empty(), Optional.of("6.83.0"));
    }

    private static MockResource through(MockResource resource, String providerReference) {
        return new MockResource(resource.type(), resource.name(), resource.inputs(), resource.state(),
                Optional.of(providerReference), resource.pluginVersion());
    }

    private static MockResource provider(String name, String pluginVersion) {
        return new MockResource(MockResource.PROVIDER_TYPE, name,
                Map.of("region", "us-east-1", "allowedAccountIds", "[\"111122223333\"]"), Map.of(),
                Optional.empty(), Optional.ofNullable(pluginVersion));
    }

    private static List<String> check(MockResource... resources) {
        return lines(new OfflineRun("test", List.of(resources), Map.of(), Set.of(), List.of()));
    }

    /** Each finding with the full type and the rule's source, which the assertions below name. */
    private static List<String> lines(OfflineRun run) {
        var sources = new HashMap<String, RuleSource>();
        PlanRules.ALL.forEach(rule -> sources.put(rule.id(), rule.source()));
        return PlanRules.check(Plan.of(run)).stream().map(f -> f.ruleId() + " · " + f.stack() + " · " + f.resourceType()
                + " " + f.resourceName() + " · " + f.problem() + " [" + sources.get(f.ruleId()) + "]").toList();
    }

    /** {@code base} with some inputs replaced; a null value removes the input. */
    private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        var out = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                out.remove((String) keyValues[i]);
            } else {
                out.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }

    private static void assertOneViolation(List<String> violations, String... mentions) {
        assertEquals(1, violations.size(), violations::toString);
        for (String mention : mentions) {
            assertTrue(violations.get(0).contains(mention), () -> "'" + mention + "' missing from: " + violations.get(0));
        }
    }

    // Valid examples, as the program registers them (numbers arrive from the engine as doubles).

    private static final Map<String, Object> FUNCTION_INPUTS = Map.of(
            "name", "ml-use1-ml-stream", "runtime", "nodejs22.x", "architectures", List.of("arm64"),
            "memorySize", 512.0, "timeout", 300.0, "handler", "index.handler",
            "role", "arn:aws:iam::444455556666:role/ml-use1-ml-stream", "reservedConcurrentExecutions", 20.0,
            "loggingConfig", Map.of("logFormat", "Text", "logGroup", "/aws/lambda/ml-use1-ml-stream"),
            "vpcConfig", Map.of("subnetIds", List.of("subnet-1"), "securityGroupIds", List.of("sg-1")));

    private static final Map<String, Object> NOTEBOOK_INPUTS = Map.of(
            "name", "app-use1-notebook", "instanceType", "ml.t3.medium", "roleArn", "arn:aws:iam::111122223333:role/nb",
            "platformIdentifier", "notebook-al2023-v1", "directInternetAccess", "Disabled", "rootAccess", "Disabled",
            "kmsKeyId", "arn:aws:kms:us-east-1:111122223333:key/abc", "volumeSize", 5.0, "subnetId", "subnet-1",
            "instanceMetadataServiceConfiguration", Map.of("minimumInstanceMetadataServiceVersion", "2"));

    private static final String ENDPOINT_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:role/r"]},
            "Action":["lambda:InvokeFunction"],"Resource":["arn:aws:lambda:us-east-1:1:function:f"]}]}""";

    private static final Map<String, Object> ENDPOINT_INPUTS = Map.of(
            "serviceName", "com.amazonaws.us-east-1.lambda", "vpcEndpointType", "Interface", "policy", ENDPOINT_POLICY);

    private static final Map<String, Object> LOG_GROUP_INPUTS = Map.of(
            "name", "/aws/lambda/f", "kmsKeyId", "arn:aws:kms:us-east-1:1:key/k", "retentionInDays", 90.0);

    // ---- provider validation rules -----------------------------------------------------------------------

    @Test
    void aValidFunctionPassesAndJava21IsAValidRuntime() {
        assertEquals(List.of(), check(resource(FUNCTION, "f", FUNCTION_INPUTS)));
        assertEquals(List.of(), check(resource(FUNCTION, "f", with(FUNCTION_INPUTS, "runtime", "java21"))));
    }

    @Test
    void aRuntimeNewerThanTheLast5xReleaseFails() {
        assertOneViolation(check(resource(FUNCTION, "f", with(FUNCTION_INPUTS, "runtime", "nodejs24.x"))),
                FUNCTION + " f", "runtime", "\"nodejs24.x\"", "must be one of", "lambda/function.go");
    }

    @Test
    void functionNameMemoryTimeoutAndArchitectureAreBounded() {
        assertOneViolation(check(resource(FUNCTION, "f", with(FUNCTION_INPUTS, "name", "x".repeat(65)))),
                "name", "length must be 1 to 64", "validFunctionName");
        assertOneViolation(check(resource(FUNCTION, "f", with(FUNCTION_INPUTS, "memorySize", 64.0))),
                "memorySize = 64", "128 to 10240");
        assertOneViolation(check(resource(FUNCTION, "f", with(FUNCTION_INPUTS, "timeout", 901.0))),
                "timeout = 901", "1 to 900");
        assertOneViolation(check(resource(FUNCTION, "f", with(FUNCTION_INPUTS, "architectures", List.of("aarch64")))),
                "architectures[0] = \"aarch64\"", "arm64");
    }

    @Test
    void iamRoleNameAndSessionDurationAreBounded() {
        var role = Map.<String, Object>of("name", "ml-use1-bedrock-invoker", "maxSessionDuration", 3600.0,
                "assumeRolePolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        assertEquals(List.of(), check(resource("aws:iam/role:Role", "r", role)));
        assertOneViolation(check(resource("aws:iam/role:Role", "r", with(role, "maxSessionDuration", 1800.0))),
                "aws:iam/role:Role r", "maxSessionDuration = 1800", "3600 to 43200", "iam/role.go");
        assertOneViolation(check(resource("aws:iam/role:Role", "r", with(role, "name", "bad name"))),
                "name = \"bad name\"", "must match");
        assertOneViolation(check(resource("aws:iam/rolePolicy:RolePolicy", "p",
                        Map.of("name", "invoke:ml", "role", "r", "policy", "{\"Version\":\"2012-10-17\"}"))),
                "aws:iam/rolePolicy:RolePolicy p", "name = \"invoke:ml\"", "validRolePolicyName");
        assertOneViolation(check(resource("aws:iam/rolePolicy:RolePolicy", "p",
                        Map.of("name", "invoke", "role", "r", "policy", "{Version: 1}"))),
                "policy", "must be valid JSON");
    }

    @Test
    void logRetentionMustBeAValueCloudWatchAccepts() {
        assertEquals(List.of(), check(resource("aws:cloudwatch/logGroup:LogGroup", "lg", LOG_GROUP_INPUTS)));
        assertOneViolation(check(resource("aws:cloudwatch/logGroup:LogGroup", "lg", with(LOG_GROUP_INPUTS, "retentionInDays", 100.0))),
                "retentionInDays = 100", "must be one of", "logs/group.go");
    }

    @Test
    void kmsDeletionWindowIsSevenToThirtyDays() {
        var key = Map.<String, Object>of("deletionWindowInDays", 30.0, "policy", "{}", "enableKeyRotation", true);
        assertEquals(List.of(), check(resource("aws:kms/key:Key", "k", key)));
        assertOneViolation(check(resource("aws:kms/key:Key", "k", with(key, "deletionWindowInDays", 5.0))),
                "aws:kms/key:Key k", "deletionWindowInDays = 5", "7 to 30", "kms/key.go");
        assertOneViolation(check(resource("aws:kms/alias:Alias", "a", Map.of("name", "alias/aws/mine"))),
                "aws:kms/alias:Alias a", "name", "validNameForResource");
    }

    @Test
    void securityGroupDescriptionIsShortAndPlain() {
        var sg = Map.<String, Object>of("description", "HTTPS to com.amazonaws.us-east-1.lambda from named sources only");
        assertEquals(List.of(), check(resource("aws:ec2/securityGroup:SecurityGroup", "sg", sg)));
        assertOneViolation(check(resource("aws:ec2/securityGroup:SecurityGroup", "sg", Map.of("description", "HTTPS → endpoints"))),
                "description", "must match", "GroupDescription");
        var tooLong = check(resource("aws:ec2/securityGroup:SecurityGroup", "sg", Map.of("description", "x".repeat(256))));
        assertTrue(tooLong.stream().anyMatch(v -> v.contains("length must be 0 to 255") && v.contains("vpc_security_group.go")), tooLong::toString);
    }

    @Test
    void flowLogEnumsAndAggregationInterval() {
        var flowLog = Map.<String, Object>of("trafficType", "ALL", "logDestinationType", "cloud-watch-logs",
                "maxAggregationInterval", 60.0, "iamRoleArn", "arn:aws:iam::1:role/fl",
                "logDestination", "arn:aws:logs:us-east-1:1:log-group:/vpc/flow-logs/x");
        assertEquals(List.of(), check(resource("aws:ec2/flowLog:FlowLog", "fl", flowLog)));
        assertOneViolation(check(resource("aws:ec2/flowLog:FlowLog", "fl", with(flowLog, "maxAggregationInterval", 300.0))),
                "maxAggregationInterval = 300", "[60, 600]", "vpc_flow_log.go");
        assertOneViolation(check(resource("aws:ec2/flowLog:FlowLog", "fl", with(flowLog, "trafficType", "all"))),
                "trafficType = \"all\"", "ALL");
    }

    @Test
    void endpointTypeAndTransitGatewayAsn() {
        assertOneViolation(check(resource("aws:ec2/vpcEndpoint:VpcEndpoint", "e", with(ENDPOINT_INPUTS, "vpcEndpointType", "interface"))),
                "vpcEndpointType = \"interface\"", "vpc_endpoint.go");
        var tgw = Map.<String, Object>of("amazonSideAsn", 64512.0, "dnsSupport", "enable", "defaultRouteTableAssociation", "disable");
        assertEquals(List.of(), check(resource("aws:ec2transitgateway/transitGateway:TransitGateway", "tgw", tgw)));
        assertOneViolation(check(resource("aws:ec2transitgateway/transitGateway:TransitGateway", "tgw", with(tgw, "amazonSideAsn", 65535.0))),
                "amazonSideAsn = 65535", "64512-65534 or 4200000000-4294967294");
        assertOneViolation(check(resource("aws:ec2transitgateway/transitGateway:TransitGateway", "tgw", with(tgw, "dnsSupport", "enabled"))),
                "dnsSupport = \"enabled\"", "transitgateway_.go");
    }

    @Test
    void route53RecordTypeAndLifecycleScriptSize() {
        var record = Map.<String, Object>of("name", "lambda.us-east-1.amazonaws.com", "type", "A", "zoneId", "Z123");
        assertEquals(List.of(), check(resource("aws:route53/record:Record", "r", record)));
        assertOneViolation(check(resource("aws:route53/record:Record", "r", with(record, "type", "ALIAS"))),
                "type = \"ALIAS\"", "route53/record.go");
        String lifecycle = "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";
        assertEquals(List.of(), check(resource(lifecycle, "lc", Map.of("name", "app-use1-nb", "onStart", "ZWNobyBoaQo="))));
        assertOneViolation(check(resource(lifecycle, "lc", Map.of("name", "app-use1-nb", "onStart", "A".repeat(16388)))),
                "onStart", "length must be 1 to 16384", "notebook_instance_lifecycle_configuration.go");
        assertOneViolation(check(resource(lifecycle, "lc", Map.of("name", "app_use1_nb", "onStart", "ZWNobyBoaQo="))),
                "name = \"app_use1_nb\"", "sagemaker/validate.go");
    }

    @Test
    void notebookImdsVersionMustBeOneOrTwo() {
        var violations = check(provider("hub", "7.12.0"), through(resource(AwsTypes.NOTEBOOK, "nb",
                with(NOTEBOOK_INPUTS, "instanceMetadataServiceConfiguration", Map.of("minimumInstanceMetadataServiceVersion", "v2"))), HUB_PROVIDER_REF));
        assertTrue(violations.stream().anyMatch(v -> v.contains("minimumInstanceMetadataServiceVersion = \"v2\" must be one of")), violations::toString);
    }

    // ---- notebook platform by plugin version -------------------------------------------------------------

    @Test
    void al2023OnTheDefaultProviderFailsAndNamesThePluginItNeeds() {
        assertOneViolation(check(resource(AwsTypes.NOTEBOOK, "nb", NOTEBOOK_INPUTS)),
                AwsTypes.NOTEBOOK + " nb", "platformIdentifier = \"notebook-al2023-v1\"", ">= 7.11.0", "default provider");
    }

    @Test
    void al2023ThroughAProviderWithPlugin7_12Passes() {
        assertEquals(List.of(), check(provider("hub", "7.12.0"), through(resource(AwsTypes.NOTEBOOK, "nb", NOTEBOOK_INPUTS), HUB_PROVIDER_REF)));
    }

    @Test
    void al2023ThroughAProviderWithAnOlderPluginFails() {
        assertOneViolation(check(provider("hub", "7.10.0"), through(resource(AwsTypes.NOTEBOOK, "nb", NOTEBOOK_INPUTS), HUB_PROVIDER_REF)),
                "explicit provider hub with plugin 7.10.0", ">= 7.11.0");
        assertOneViolation(check(provider("hub", null), through(resource(AwsTypes.NOTEBOOK, "nb", NOTEBOOK_INPUTS), HUB_PROVIDER_REF)),
                "explicit provider hub", "no version option");
    }

    @Test
    void al2PlatformsPassOnTheDefaultProviderAndUnknownOnesFailEverywhere() {
        assertEquals(List.of(), check(resource(AwsTypes.NOTEBOOK, "nb", with(NOTEBOOK_INPUTS, "platformIdentifier", "notebook-al2-v3"))));
        assertOneViolation(check(provider("hub", "7.12.0"), through(resource(AwsTypes.NOTEBOOK, "nb",
                        with(NOTEBOOK_INPUTS, "platformIdentifier", "notebook-al2023-v2")), HUB_PROVIDER_REF)),
                "platformIdentifier = \"notebook-al2023-v2\"", "must be one of");
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(ProviderValidation.Version.parse("7.12.0").compareTo(ProviderValidation.Version.parse("7.11.0")) > 0);
        assertTrue(ProviderValidation.Version.parse("v7.9.1").compareTo(ProviderValidation.Version.parse("7.11.0")) < 0);
        assertEquals(0, ProviderValidation.Version.parse("7.11.0-alpha.1+dev").compareTo(ProviderValidation.Version.parse("7.11.0")));
    }

    /** The reference format the engine really produces, matched against a provider the program really registers. */
    @Test
    void theEnginesProviderReferencesFindTheProviderResource() {
        var engine = new OfflineEngine(new StackFiles(Path.of("").toAbsolutePath()));
        var run = engine.run("app-use1", Map.of(), Map.of(), ctx -> {
            var hub = new Provider("hub", ProviderArgs.builder().region("us-east-1").allowedAccountIds("111122223333").build(),
                    CustomResourceOptions.builder().version("7.12.0").build());
            var notebook = NotebookInstanceArgs.builder().name("app-use1-notebook").instanceType("ml.t3.medium")
                    .roleArn("arn:aws:iam::111122223333:role/nb").platformIdentifier("notebook-al2023-v1")
                    .directInternetAccess("Disabled").rootAccess("Disabled").subnetId("subnet-1").kmsKeyId("arn:aws:kms:us-east-1:111122223333:key/abc")
                    .instanceMetadataServiceConfiguration(NotebookInstanceInstanceMetadataServiceConfigurationArgs.builder()
                            .minimumInstanceMetadataServiceVersion("2").build());
            new NotebookInstance("through-hub", notebook.build(), CustomResourceOptions.builder().provider(hub).build());
            new NotebookInstance("default", notebook.name("app-use1-notebook-2").build());
        });
        var violations = lines(run);
        assertOneViolation(violations, AwsTypes.NOTEBOOK + " default", "default provider");
    }

    // ---- security perimeter ------------------------------------------------------------------------------

    @Test
    void anExplicitProviderWithoutTheAccountPinFails() {
        var unpinned = new MockResource(MockResource.PROVIDER_TYPE, "hub", Map.of("region", "us-east-1"), Map.of(),
                Optional.empty(), Optional.empty());
        assertOneViolation(check(unpinned), "pulumi:providers:aws hub", "design:provider-account-pin", "allowedAccountIds is unset");
        assertEquals(List.of(), check(provider("hub", null)));
    }

    @Test
    void publicResourcesAndPublicSubnetsFail() {
        assertOneViolation(check(resource("aws:ec2/natGateway:NatGateway", "nat", Map.of())), "NatGateway nat", "not allowed");
        assertOneViolation(check(resource("aws:ec2/internetGateway:InternetGateway", "igw", Map.of())), "igw", "not allowed");
        assertOneViolation(check(resource("aws:ec2/subnet:Subnet", "s", Map.of("cidrBlock", "10.0.0.0/24", "mapPublicIpOnLaunch", true))),
                "aws:ec2/subnet:Subnet s", "mapPublicIpOnLaunch = true", "checkov:CKV_AWS_130");
        assertEquals(List.of(), check(resource("aws:ec2/subnet:Subnet", "s", Map.of("cidrBlock", "10.0.0.0/24", "mapPublicIpOnLaunch", false))));
    }

    @Test
    void aRuleOpenToTheInternetFails() {
        var ingress = Map.<String, Object>of("ipProtocol", "tcp", "fromPort", 443.0, "toPort", 443.0, "cidrIpv4", "10.30.0.0/22",
                "description", "HTTPS from the spoke");
        String type = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
        assertEquals(List.of(), check(resource(type, "in", ingress)));
        assertOneViolation(check(resource(type, "in", with(ingress, "cidrIpv4", "0.0.0.0/0"))),
                type + " in", "cidrIpv4 = \"0.0.0.0/0\"", "design:no-open-cidr", "is open to the whole internet");
        assertOneViolation(check(resource("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "out",
                        Map.of("ipProtocol", "-1", "cidrIpv6", "::/0", "description", "anywhere"))), "cidrIpv6 = \"::/0\"");
        assertOneViolation(check(resource("aws:ec2/securityGroup:SecurityGroup", "sg", Map.of("description", "x",
                        "egress", List.of(Map.of("protocol", "-1", "fromPort", 0.0, "toPort", 0.0, "cidrBlocks", List.of("0.0.0.0/0"), "description", "all out"))))),
                "egress[0].cidrBlocks[0] = \"0.0.0.0/0\"");
    }

    @Test
    void aLogGroupWithoutKeyOrRetentionFails() {
        assertOneViolation(check(resource("aws:cloudwatch/logGroup:LogGroup", "lg", with(LOG_GROUP_INPUTS, "kmsKeyId", null))),
                "aws:cloudwatch/logGroup:LogGroup lg", "kmsKeyId = (unset) must be set", "checkov:CKV_AWS_158");
        assertOneViolation(check(resource("aws:cloudwatch/logGroup:LogGroup", "lg", with(LOG_GROUP_INPUTS, "retentionInDays", null))),
                "retentionInDays = (unset) must be set");
    }

    @Test
    void endpointPoliciesAreNeverFullAccess() {
        assertEquals(List.of(), check(resource("aws:ec2/vpcEndpoint:VpcEndpoint", "e", ENDPOINT_INPUTS)));
        assertOneViolation(check(resource("aws:ec2/vpcEndpoint:VpcEndpoint", "e", with(ENDPOINT_INPUTS, "policy", null))),
                "aws:ec2/vpcEndpoint:VpcEndpoint e", "design:endpoint-policy", "policy is unset, which is the default full access");
        assertOneViolation(check(resource("aws:ec2/vpcEndpoint:VpcEndpoint", "e", with(ENDPOINT_INPUTS, "policy",
                        ENDPOINT_POLICY.replace("[\"lambda:InvokeFunction\"]", "\"*\"")))),
                "design:endpoint-policy", "policy allows Action \"*\"");
        assertOneViolation(check(resource("aws:ec2/vpcEndpoint:VpcEndpoint", "e", with(ENDPOINT_INPUTS, "policy",
                        ENDPOINT_POLICY.replace("{\"AWS\":[\"arn:aws:iam::1:role/r\"]}", "{\"AWS\":\"*\"}")))),
                "Principal \"*\"");
    }

    /** A policy document padded with {@code n} resources of the shape the ML stack writes. */
    private static String policyWithResources(int n, String separator) {
        var resources = new StringBuilder();
        for (int i = 0; i < n; i++) {
            resources.append(i == 0 ? "" : "," + separator)
                    .append("\"arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-model-").append(i).append("-v1:0\"");
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::1:role/r\"]},"
                + "\"Action\":[\"bedrock:InvokeModel\"],\"Resource\":[" + resources + "]}]}";
    }

    /** The most resources a compact document holds within {@code limit} characters. */
    private static int mostResourcesWithin(int limit) {
        int n = 1;
        while (policyWithResources(n + 1, "").length() <= limit) {
            n++;
        }
        return n;
    }

    @Test
    void endpointPolicyOverTwentyKilobytesWithWhitespaceFails() {
        int n = mostResourcesWithin(20_480);
        String fits = policyWithResources(n, "");
        assertEquals(List.of(), check(resource("aws:ec2/vpcEndpoint:VpcEndpoint", "e", with(ENDPOINT_INPUTS, "policy", fits))));
        // The same document with a space after each comma: the endpoint quota counts whitespace.
        String spaced = policyWithResources(n, " ");
        assertTrue(spaced.length() > 20_480, "length " + spaced.length());
        assertOneViolation(check(resource("aws:ec2/vpcEndpoint:VpcEndpoint", "e", with(ENDPOINT_INPUTS, "policy", spaced))),
                "aws:ec2/vpcEndpoint:VpcEndpoint e", "the endpoint policy would be " + spaced.length()
                        + " characters, over the limit of 20480");
    }

    @Test
    void trustPolicyOverTwoThousandCharactersFailsWhitespaceNotCounted() {
        int n = mostResourcesWithin(2_048);
        String fits = policyWithResources(n, "      ");
        assertTrue(fits.length() > 2_048, "whitespace alone would put it over");
        var role = Map.<String, Object>of("name", "r", "assumeRolePolicy", fits);
        assertEquals(List.of(), check(resource("aws:iam/role:Role", "r", role)));
        String over = policyWithResources(n + 1, "");
        assertOneViolation(check(resource("aws:iam/role:Role", "r", with(role, "assumeRolePolicy", over))),
                "aws-api:trust-policy-size", "aws:iam/role:Role r", "over the limit of 2048");
    }

    @Test
    void inlinePoliciesOfOneRoleAreLimitedTogether() {
        String half = policyWithResources(mostResourcesWithin(6_000), "");
        var first = resource("aws:iam/rolePolicy:RolePolicy", "fn-a", Map.of("name", "a", "role", "fn", "policy", half));
        var second = resource("aws:iam/rolePolicy:RolePolicy", "fn-b", Map.of("name", "b", "role", "fn", "policy", half));
        var otherRole = resource("aws:iam/rolePolicy:RolePolicy", "other-a", Map.of("name", "a", "role", "other", "policy", half));
        assertEquals(List.of(), check(first, otherRole), "each role alone fits");
        assertOneViolation(check(first, second, otherRole), "aws-api:role-inline-policies-size", "[fn-a, fn-b] of role fn together would be "
                + 2 * PolicySizes.iamCharacters(half) + " characters, over the limit of 10240");
    }

    @Test
    void notebooksAreClosedDown() {
        var open = with(NOTEBOOK_INPUTS, "directInternetAccess", null, "rootAccess", "Enabled", "kmsKeyId", null,
                "instanceMetadataServiceConfiguration", Map.of("minimumInstanceMetadataServiceVersion", "1"));
        var violations = check(provider("hub", "7.12.0"), through(resource(AwsTypes.NOTEBOOK, "nb", open), HUB_PROVIDER_REF));
        assertEquals(4, violations.size(), violations::toString);
        for (String input : Arrays.asList("directInternetAccess = (unset) must be \"Disabled\"", "rootAccess = \"Enabled\" must be \"Disabled\"",
                "kmsKeyId = (unset) must be set", "minimumInstanceMetadataServiceVersion = \"1\" must be \"2\"")) {
            assertTrue(violations.stream().anyMatch(v -> v.contains(input)), () -> input + " missing from " + violations);
        }
    }

    @Test
    void aNotebookStackExportingAUserPolicyNeedsTheNotebooksEndpointsAndOneSwitchedOffDoesNot() {
        var missing = Perimeter.NOTEBOOK_PRIVATE_ACCESS.check(RuleFixtures.notebookWithoutItsEndpoints())
                .map(Finding::line).toList();
        assertEquals(3, missing.size(), missing.toString());
        for (String service : List.of("com.amazonaws.us-east-1.sagemaker.api", "aws.sagemaker.us-east-1.notebook",
                "com.amazonaws.us-east-1.logs")) {
            assertTrue(missing.stream().anyMatch(line -> line.startsWith("design:notebook-private-access · app-use1 ·"
                    + " sagemaker/NotebookInstance app-use1-bedrock-sample · no " + service + " endpoint with private DNS"
                    + " in its VPC vpc-") && line.endsWith("though the stack exports notebookUserPolicyArns"
                    + " [arn:aws:iam::111122223333:policy/app-use1-notebook-users]")), missing.toString());
        }
        var switchedOff = Stacks.hub(Map.of("notebookPrivateAccess", "false"), exports -> exports);
        assertEquals(List.of(), Perimeter.NOTEBOOK_PRIVATE_ACCESS.check(Plan.of(switchedOff)).toList());
    }

    @Test
    void aFunctionOutsideTheVpcFails() {
        assertOneViolation(check(resource(FUNCTION, "f", with(FUNCTION_INPUTS, "vpcConfig", null))),
                FUNCTION + " f", "vpcConfig.subnetIds = (unset) must be set", "checkov:CKV_AWS_117");
    }

    // ---- the real program --------------------------------------------------------------------------------

    @Test
    void theMlStackHoldsEveryRule() {
        var run = new OfflineEngine(new StackFiles(Path.of("").toAbsolutePath()))
                .run("ml-use1", Map.of("bedrock-stream:externalId", "test-external-id-3f9a0c1b7d2e4f58"));
        assertTrue(run.succeeded(), run.errorText());
        assertTrue(run.awsResources().size() > 10, "the ML stack registered its resources");
        assertEquals(List.of(), lines(run));
    }
}
