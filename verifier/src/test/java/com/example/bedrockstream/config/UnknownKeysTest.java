package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Keys the CLI passes without checking them: a key Pulumi.yaml does not declare, an {@code aws:} key the program does
 * not know, a key of another role. Each is named with its closest known key, before anything is registered.
 */
class UnknownKeysTest {

    @Test
    void aMisspelledKeyNextToTheRealOneIsNamedWithTheKeyItResembles() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("vpcCidrr", "10.0.0.0/22")),
                "Stack 'ml-use1' has 1 configuration problem; nothing was created:",
                "bedrock-stream:vpcCidrr = \"10.0.0.0/22\": expected a key Pulumi.yaml declares; did you mean vpcCidr?");
    }

    @Test
    void aRenamedKeyIsReportedBothAsMissingAndAsTheKeyTheUserWrote() {
        var overrides = new HashMap<String, String>();
        overrides.put("vpcCidr", null);
        overrides.put("vpcCIDR", "10.10.0.0/22");
        Stacks.assertRefused(Stacks.mlWith(overrides), "has 2 configuration problems",
                "bedrock-stream:vpcCidr = (not set): expected an IPv4 network in CIDR form",
                "bedrock-stream:vpcCIDR = \"10.10.0.0/22\": expected a key Pulumi.yaml declares; did you mean vpcCidr?");
    }

    @Test
    void aKeyFarFromEveryDeclaredOneSaysWhereTheKeysAreListed() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("colour", "blue")),
                "bedrock-stream:colour = \"blue\": expected a key Pulumi.yaml declares; none is close, see the"
                        + " Configuration table in README.md");
    }

    @Test
    void aMisspelledSecretKeyIsNamedWithoutItsValue() {
        var run = Stacks.runWith("ml-use1", Map.of(), Map.of(Stacks.NS + "externalId", Stacks.TEST_EXTERNAL_ID,
                Stacks.NS + "externalID", Stacks.TEST_EXTERNAL_ID));
        Stacks.assertRefused(run, "bedrock-stream:externalID = (secret, not shown): expected a key Pulumi.yaml"
                + " declares; did you mean externalId?");
        assertFalse(run.errorText().contains(Stacks.TEST_EXTERNAL_ID));
    }

    @Test
    void anAwsKeyTheProgramDoesNotKnowIsNamedWithTheClosestSetting() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("aws:profil", "ml-admin")),
                "aws:profil = \"ml-admin\": expected an AWS provider setting this program gives every provider it"
                        + " creates; did you mean aws:profile?");
        Stacks.assertRefused(Stacks.mlWith(Map.of("aws:colour", "blue")),
                "aws:colour = \"blue\": expected an AWS provider setting this program gives every provider it"
                        + " creates; one of [accessKey, allowedAccountIds, assumeRole,");
    }

    @Test
    void aKeyOfAnotherRoleIsNotUsedByThisOne() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("mlStack", "organization/bedrock-stream/ml-use1")),
                "Stack 'ml-use1' has 1 configuration problem",
                "bedrock-stream:mlStack = \"organization/bedrock-stream/ml-use1\": expected no value: role 'ml' does"
                        + " not use mlStack; remove it from Pulumi.ml-use1.yaml");
        Stacks.assertRefused(Stacks.hub(Map.of("functionReservedConcurrency", "50", "appFunctionEnabled", "false"),
                        exports -> exports),
                "Stack 'app-use1' has 2 configuration problems",
                "bedrock-stream:appFunctionEnabled = \"false\": expected no value: role 'app-hub' does not use"
                        + " appFunctionEnabled; remove it from Pulumi.app-use1.yaml",
                "bedrock-stream:functionReservedConcurrency = \"50\": expected no value: role 'app-hub' does not use"
                        + " functionReservedConcurrency; remove it from Pulumi.app-use1.yaml");
    }

    @Test
    void anotherRolesKeyLeftAtItsDefaultIsNoProblem() {
        // The CLI passes every declared default to every stack; only a value someone set is a mistake.
        var run = Stacks.mlWith(Map.of("appFunctionEnabled", "true", "mlStack", ""));
        org.junit.jupiter.api.Assertions.assertTrue(run.succeeded(), run.errorText());
    }
}
