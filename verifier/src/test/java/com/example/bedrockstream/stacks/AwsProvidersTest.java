package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.notebook.Notebook;
import com.example.bedrockstream.offline.MockResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explicit providers get every aws: setting of the stack file, which the Pulumi CLI applies to the default provider
 * only; a setting that cannot be carried, or an account pin that disagrees with accountId, stops the stack.
 */
class AwsProvidersTest {
    private static final String ASSUME_ROLE = "{\"roleArn\":\"arn:aws:iam::111122223333:role/deployer\","
            + "\"sessionName\":\"pulumi\",\"externalId\":\"deploy-2f6c\"}";
    private static final Map<String, String> CREDENTIALS = Map.of(
            "aws:profile", "app-account",
            "aws:assumeRole", ASSUME_ROLE,
            "aws:skipRequestingAccountId", "true",
            "aws:maxRetries", "7");

    private static void assertCarriesTheStackSettings(MockResource provider, String region, String stack) {
        assertEquals(region, provider.string("region"));
        assertEquals("app-account", provider.string("profile"));
        assertEquals(Map.of("roleArn", "arn:aws:iam::111122223333:role/deployer", "sessionName", "pulumi",
                "externalId", "deploy-2f6c"), provider.providerSetting("assumeRole").orElseThrow());
        assertEquals(List.of("111122223333"), provider.providerSetting("allowedAccountIds").orElseThrow());
        assertEquals(Map.of("tags", Map.of("project", "bedrock-stream", "stack", stack)),
                provider.providerSetting("defaultTags").orElseThrow());
        assertEquals("true", String.valueOf(provider.input("skipRequestingAccountId").orElseThrow()));
        assertEquals("7", String.valueOf(provider.input("maxRetries").orElseThrow()).replace(".0", ""));
    }

    @Test
    void theNotebookProviderCarriesProfileAssumedRoleTagsAndAccountPin() {
        var run = Stacks.hub(CREDENTIALS, exports -> exports);
        assertTrue(run.succeeded(), run.errorText());
        var notebook = run.named("aws:sagemaker/notebookInstance:NotebookInstance", "app-use1-bedrock-sample");
        var provider = run.explicitProvider(notebook).orElseThrow();
        assertEquals(Optional.of(Notebook.PROVIDER_PLUGIN_VERSION), provider.pluginVersion());
        assertCarriesTheStackSettings(provider, "us-east-1", "app-use1");
    }

    @Test
    void theSpokesHubRegionProviderCarriesTheSameSettingsInTheHubRegion() {
        var run = Stacks.spoke("app-apse1", CREDENTIALS, exports -> exports).spoke();
        assertTrue(run.succeeded(), run.errorText());
        assertCarriesTheStackSettings(run.named("pulumi:providers:aws", "app-apse1-aws-us-east-1"), "us-east-1", "app-apse1");
        assertCarriesTheStackSettings(run.named("pulumi:providers:aws", "app-apse1-aws-notebooks"), "ap-southeast-1",
                "app-apse1");
    }

    @Test
    void everyStackFilePinsItsOwnAccount() {
        for (String stack : Stacks.files().stacks()) {
            var config = Stacks.files().config(stack);
            assertEquals("[\"" + config.get(Stacks.NS + "accountId") + "\"]", config.get("aws:allowedAccountIds"), stack);
        }
    }

    @Test
    void aMissingOrDifferentAccountPinAndSettingsThatCannotBeCarriedAreReportedTogether() {
        var run = Stacks.runWith("ml-use1", Map.of(
                "aws:allowedAccountIds", "[\"111122223333\"]",
                "aws:assumeRole", "{\"roleArn\":\"arn:aws:iam::444455556666:role/x\",\"mfaSerial\":\"x\"}",
                "aws:maxRetries", "lots",
                "aws:endpoints", "[{\"sts\":\"https://sts.example\"}]"), Stacks.SECRETS);
        Stacks.assertRefused(run, "has 4 configuration problems",
                "aws:allowedAccountIds = [111122223333]: expected exactly the stack's accountId, [\"444455556666\"]",
                "aws:assumeRole = \"{\"roleArn\":\"arn:aws:iam::444455556666:role/x\",\"mfaSerial\":\"x\"}\": "
                        + "expected an object with [duration, externalId",
                "(unknown field [mfaSerial])",
                "aws:maxRetries = \"lots\": expected a whole number\n",
                "aws:endpoints = \"[{\"sts\":\"https://sts.example\"}]\": expected no custom service endpoints");

        var unpinned = new HashMap<String, String>();
        unpinned.put("aws:allowedAccountIds", null);
        Stacks.assertRefused(Stacks.runWith("ml-use1", unpinned, Stacks.SECRETS),
                "aws:allowedAccountIds = (not set): expected exactly the stack's accountId, [\"444455556666\"], so "
                        + "`pulumi up` with another account's credentials stops before creating anything");
    }
}
