package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Bad values in ml-use1's real config: each is reported with its key, the value and what was expected, the run
 * fails, and not one cloud resource is registered.
 */
class ConfigValidationTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("unknown role", Map.of("role", "ml-account"),
                        List.of("bedrock-stream:role = \"ml-account\": expected one of 'ml', 'app-hub', 'app-spoke'")),
                Arguments.of("missing role", nullValue("role"),
                        List.of("bedrock-stream:role = (not set): expected one of 'ml', 'app-hub', 'app-spoke'")),
                Arguments.of("missing required key", nullValue("accountId"),
                        List.of("bedrock-stream:accountId = (not set): expected the 12-digit id")),
                Arguments.of("account id not 12 digits", Map.of("accountId", "4444555566667"),
                        List.of("bedrock-stream:accountId = \"4444555566667\": expected the 12-digit id")),
                Arguments.of("app account id not digits", Map.of("appAccountId", "app-account"),
                        List.of("bedrock-stream:appAccountId = \"app-account\": expected the 12-digit id")),
                Arguments.of("malformed CIDR", Map.of("vpcCidr", "10.10.0.0/33"),
                        List.of("bedrock-stream:vpcCidr = \"10.10.0.0/33\": expected an IPv4 network in CIDR form")),
                Arguments.of("CIDR with host bits", Map.of("vpcCidr", "10.10.0.7/22"),
                        List.of("bedrock-stream:vpcCidr = \"10.10.0.7/22\": expected an IPv4 network in CIDR form",
                                "no host bits")),
                Arguments.of("CIDR too small for the subnets", Map.of("vpcCidr", "10.10.0.0/27"),
                        List.of("bedrock-stream:vpcCidr = \"10.10.0.0/27\": expected a block large enough for 2 subnets of /27 or larger, i.e. /26 or larger")),
                Arguments.of("CIDR not private", Map.of("vpcCidr", "54.10.0.0/22"),
                        List.of("bedrock-stream:vpcCidr = \"54.10.0.0/22\": expected a private (RFC 1918) range")),
                Arguments.of("CIDR larger than AWS allows", Map.of("vpcCidr", "10.0.0.0/12"),
                        List.of("bedrock-stream:vpcCidr = \"10.0.0.0/12\": expected a VPC block from /16")),
                Arguments.of("fewer than 2 AZs", Map.of("availabilityZones", "[\"us-east-1a\"]"),
                        List.of("bedrock-stream:availabilityZones = [us-east-1a]: expected at least 2 distinct availability zones")),
                Arguments.of("repeated AZ", Map.of("availabilityZones", "[\"us-east-1a\",\"us-east-1a\"]"),
                        List.of("bedrock-stream:availabilityZones = [us-east-1a, us-east-1a]: expected at least 2 distinct")),
                Arguments.of("AZ not in the region", Map.of("availabilityZones", "[\"us-east-1a\",\"us-west-2b\"]"),
                        List.of("bedrock-stream:availabilityZones = [us-east-1a, us-west-2b]: expected zones of us-east-1, but [us-west-2b] is not")),
                Arguments.of("AZs not a list", Map.of("availabilityZones", "us-east-1a"),
                        List.of("bedrock-stream:availabilityZones = \"us-east-1a\": expected a list of strings")),
                Arguments.of("region the role cannot use", Map.of("aws:region", "af-south-1",
                                "availabilityZones", "[\"af-south-1a\",\"af-south-1b\"]"),
                        List.of("aws:region = \"af-south-1\": expected for role 'ml', a region with the bedrock-runtime endpoint")),
                Arguments.of("region malformed", Map.of("aws:region", "virginia"),
                        List.of("aws:region = \"virginia\": expected an AWS region name")),
                Arguments.of("empty model allow-list", Map.of("allowedModelIds", "[]"),
                        List.of("bedrock-stream:allowedModelIds = []: expected at least one model")),
                Arguments.of("model id neither model nor profile", Map.of("allowedModelIds", "[\"claude 3 haiku\"]"),
                        List.of("bedrock-stream:allowedModelIds = \"claude 3 haiku\": expected a foundation-model id such as")),
                Arguments.of("inference profile of another geography", Map.of("allowedModelIds",
                                "[\"eu.anthropic.claude-3-haiku-20240307-v1:0\"]"),
                        List.of("bedrock-stream:allowedModelIds = \"eu.anthropic.claude-3-haiku-20240307-v1:0\": expected a model callable from us-east-1")),
                Arguments.of("canary model not set", Map.of("canaryModelId", ""),
                        List.of("bedrock-stream:canaryModelId = (not set): expected one of allowedModelIds "
                                + "[us.anthropic.claude-haiku-4-5-20251001-v1:0, ")),
                Arguments.of("canary model not allowed", Map.of("canaryModelId", "amazon.nova-pro-v1:0"),
                        List.of("bedrock-stream:canaryModelId = \"amazon.nova-pro-v1:0\": expected one of allowedModelIds")),
                Arguments.of("principal prefix empty", Map.of("invokerPrincipalPrefix", ""),
                        List.of("bedrock-stream:invokerPrincipalPrefix = (not set): expected an IAM role-name prefix")),
                Arguments.of("principal prefix with *", Map.of("invokerPrincipalPrefix", "bedrock-*"),
                        List.of("bedrock-stream:invokerPrincipalPrefix = \"bedrock-*\": expected an IAM role-name prefix", "no '*'")),
                Arguments.of("log retention CloudWatch refuses", Map.of("logRetentionDays", "10"),
                        List.of("bedrock-stream:logRetentionDays = \"10\": expected a CloudWatch Logs retention in days, one of [1, 3, 5, 7, 14, 30, 60, 90")),
                Arguments.of("log retention never-expire", Map.of("logRetentionDays", "0"),
                        List.of("bedrock-stream:logRetentionDays = \"0\"")),
                Arguments.of("reserved concurrency out of range", Map.of("functionReservedConcurrency", "0"),
                        List.of("bedrock-stream:functionReservedConcurrency = \"0\": expected ML function reserved concurrency from 1 to 1000")),
                Arguments.of("memory out of range", Map.of("functionMemoryMb", "64"),
                        List.of("bedrock-stream:functionMemoryMb = \"64\": expected ML function memory in MB from 128 to 10240")),
                Arguments.of("timeout out of range", Map.of("functionTimeoutSeconds", "901"),
                        List.of("bedrock-stream:functionTimeoutSeconds = \"901\": expected ML function timeout in seconds from 10 to 900")),
                Arguments.of("timeout not a number", Map.of("functionTimeoutSeconds", "five minutes"),
                        List.of("bedrock-stream:functionTimeoutSeconds = \"five minutes\": expected ML function timeout")),
                Arguments.of("session too long", Map.of("invokerSessionSeconds", "86400"),
                        List.of("bedrock-stream:invokerSessionSeconds = \"86400\": expected an invoker-role session length in seconds from 3600 to 43200")),
                Arguments.of("STS endpoint id malformed", Map.of("allowedStsEndpointIds", "[\"sts-endpoint\"]"),
                        List.of("bedrock-stream:allowedStsEndpointIds = \"sts-endpoint\": expected a VPC endpoint id")));
    }

    private static Map<String, String> nullValue(String key) {
        var m = new HashMap<String, String>();
        m.put(key, null);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueIsReportedWithKeyValueAndExpectationBeforeAnythingIsRegistered(
            String description, Map<String, String> overrides, List<String> fragments) {
        Stacks.assertRefused(Stacks.mlWith(overrides), fragments.toArray(String[]::new));
    }

    @Test
    void missingExternalIdSaysTheExactCommandToRun() {
        var run = Stacks.runWith("ml-use1", Map.of(), Map.of());
        Stacks.assertRefused(run, "bedrock-stream:externalId = (not set): expected the invoker role's external id as a secret; "
                + "run: pulumi config set --secret bedrock-stream:externalId \"$(openssl rand -hex 24)\"");
    }

    @Test
    void plainTextExternalIdIsRefusedWithoutEchoingIt() {
        var run = Stacks.runWith("ml-use1", Map.of("externalId", Stacks.TEST_EXTERNAL_ID), Map.of());
        Stacks.assertRefused(run, "bedrock-stream:externalId = (plain text): expected a secret value",
                "pulumi config set --secret bedrock-stream:externalId");
        assertFalse(run.errorText().contains(Stacks.TEST_EXTERNAL_ID), "the value must not be echoed");
    }

    @Test
    void weakExternalIdIsRefusedWithoutEchoingIt() {
        var run = Stacks.runWith("ml-use1", Map.of(), Map.of(Stacks.NS + "externalId", "abc123"));
        Stacks.assertRefused(run, "bedrock-stream:externalId = (secret, not shown): expected 16 to 1224 characters");
        assertFalse(run.errorText().contains("abc123"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var run = Stacks.mlWith(Map.of(
                "accountId", "123",
                "vpcCidr", "8.8.8.0/24",
                "availabilityZones", "[\"us-east-1a\"]",
                "allowedModelIds", "[]",
                "invokerPrincipalPrefix", "*",
                "logRetentionDays", "2",
                "functionMemoryMb", "99999"));
        Stacks.assertRefused(run, "Stack 'ml-use1' has 7 configuration problems; nothing was created:",
                "bedrock-stream:accountId = \"123\"",
                "bedrock-stream:vpcCidr = \"8.8.8.0/24\"",
                "bedrock-stream:availabilityZones = [us-east-1a]",
                "bedrock-stream:allowedModelIds = []",
                "bedrock-stream:invokerPrincipalPrefix = \"*\"",
                "bedrock-stream:logRetentionDays = \"2\"",
                "bedrock-stream:functionMemoryMb = \"99999\"");
    }
}
