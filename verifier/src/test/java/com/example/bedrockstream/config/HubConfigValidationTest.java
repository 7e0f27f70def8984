package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.MlOutputs;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** app-use1's own values and its agreement with the ML stack, checked before anything is registered. */
class HubConfigValidationTest {

    @Test
    void badAsnAndOverlappingCidrAndOtherBadValuesAreReportedTogether() {
        var run = Stacks.hub(Map.of(
                "transitGatewayAsn", "70000",
                "vpcCidr", "10.10.2.0/23",
                "notebookInstanceType", "t3.medium",
                "notebookPlatform", "notebook-al2-v3"), exports -> exports);
        Stacks.assertRefused(run, "Stack 'app-use1' has 4 configuration problems; nothing was created:",
                "bedrock-stream:transitGatewayAsn = \"70000\": expected a private 2-byte ASN",
                "bedrock-stream:vpcCidr = \"10.10.2.0/23\": expected a block that does not overlap the ML VPC 10.10.0.0/22 "
                        + "(from stack 'organization/bedrock-stream/ml-use1')",
                "bedrock-stream:notebookInstanceType = \"t3.medium\": expected a SageMaker notebook instance type",
                "bedrock-stream:notebookPlatform = \"notebook-al2-v3\": expected a notebook platform, one of [notebook-al2023-v1]");
    }

    @Test
    void malformedCidrIsReported() {
        Stacks.assertRefused(Stacks.hub(Map.of("vpcCidr", "10.20.0.0/33"), exports -> exports),
                "bedrock-stream:vpcCidr = \"10.20.0.0/33\": expected an IPv4 network in CIDR form");
    }

    @Test
    void missingStackReferenceNameIsReported() {
        var overrides = new HashMap<String, String>();
        overrides.put("mlStack", null);
        Stacks.assertRefused(Stacks.hub(overrides, exports -> exports),
                "bedrock-stream:mlStack = (not set): expected the ML stack's fully qualified name");
    }

    @Test
    void anMlStackThatDoesNotExistIsAProblemLineNotAStackTrace() {
        var run = Stacks.hub(Map.of("mlStack", "organization/bedrock-stream/ml-use2"), exports -> exports);
        Stacks.assertRefused(run, "Stack 'app-use1' has 1 configuration problem; nothing was created:\n"
                + "  - bedrock-stream:mlStack = \"organization/bedrock-stream/ml-use2\": expected a stack this one can"
                + " read, but reading stack 'organization/bedrock-stream/ml-use2' failed: NOT_FOUND: unknown stack"
                + " reference organization/bedrock-stream/ml-use2. Deploy it first, check the name (pulumi stack ls"
                + " --all), and keep both stacks in the same backend (pulumi whoami -v)");
        assertFalse(run.errorText().contains("IllegalStateException"), run.errorText());
    }

    @Test
    void malformedStackReferenceNameIsReported() {
        Stacks.assertRefused(Stacks.hub(Map.of("mlStack", "ml-use1"), exports -> exports),
                "bedrock-stream:mlStack = \"ml-use1\": expected the ML stack's fully qualified name <organization>/<project>/<stack>");
    }

    @Test
    void missingMlOutputNamesTheStackAndTheOutput() {
        var run = Stacks.hub(Map.of(), exports -> {
            exports.remove(MlOutputs.FUNCTION_ARN.name());
            exports.remove(MlOutputs.INVOKER_ROLE_ARN.name());
            return exports;
        });
        Stacks.assertRefused(run, "bedrock-stream:mlStack = \"organization/bedrock-stream/ml-use1\": expected a deployed stack "
                + "that exports [mlFunctionArn, invokerRoleArn], but stack 'organization/bedrock-stream/ml-use1' has no such outputs");
    }

    @Test
    void mlOutputOfTheWrongShapeIsReported() {
        var run = Stacks.hub(Map.of(), exports -> {
            exports.put(MlOutputs.ALLOWED_MODEL_IDS.name(), "anthropic.claude-3-haiku-20240307-v1:0");
            return exports;
        });
        Stacks.assertRefused(run, "expected stack 'organization/bedrock-stream/ml-use1' to export 'allowedModelIds' as a list of strings");
    }

    @Test
    void hubInAnotherRegionThanTheMlStackIsReported() {
        var run = Stacks.hub(Map.of("aws:region", "us-west-2", "availabilityZones", "[\"us-west-2a\",\"us-west-2b\"]"),
                exports -> exports);
        Stacks.assertRefused(run, "aws:region = \"us-west-2\": expected the ML region us-east-1 (from stack "
                + "'organization/bedrock-stream/ml-use1'): the hub's STS and Lambda endpoints must be in the ML function's region");
    }

    @Test
    void hubInAnAccountTheInvokerRoleDoesNotTrustIsReported() {
        Stacks.assertRefused(Stacks.hub(Map.of("accountId", "999988887777"), exports -> exports),
                "bedrock-stream:accountId = \"999988887777\": expected the application account the invoker role trusts, 111122223333");
    }

    @Test
    void anExternalIdTheHubCouldNotDecryptIsRefusedWithTheSecretsProviderAdvice() {
        var run = Stacks.hub(Map.of(), exports -> {
            exports.put(MlOutputs.EXTERNAL_ID.name(), "[secret]");
            return exports;
        });
        Stacks.assertRefused(run, "bedrock-stream:mlStack = \"organization/bedrock-stream/ml-use1\": expected stack "
                + "'organization/bedrock-stream/ml-use1' to export 'externalId' as the invoker role's external id",
                "run both stacks with the same secrets provider (the same passphrase, the same KMS key, or a managed backend)");
    }

    /** What the real engine hands the program for another stack's secret it cannot decrypt: an empty object. */
    @Test
    void anElidedExternalIdIsRefusedWithTheSecretsProviderAdvice() {
        var run = Stacks.hub(Map.of(), exports -> {
            exports.put(MlOutputs.EXTERNAL_ID.name(), Map.of());
            return exports;
        });
        Stacks.assertRefused(run, "bedrock-stream:mlStack = \"organization/bedrock-stream/ml-use1\": expected stack "
                + "'organization/bedrock-stream/ml-use1' to export 'externalId' as a non-empty string, but this stack "
                + "read {}, which is what Pulumi returns for a secret it cannot decrypt: run both stacks with the same "
                + "secrets provider");
    }
}
