package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the allowed-model list does to the two policies that name models. */
class MlStackModelsTest {
    private static final String ACCOUNT = MlStackTest.ACCOUNT;
    private static final String FUNCTION = MlStackTest.FUNCTION;

    private static List<Policies.Stmt> endpointPolicy(OfflineRun run) {
        return Policies.parse(run.named("aws:ec2/vpcEndpoint:VpcEndpoint", "ml-use1-bedrock-runtime").string("policy"));
    }

    private static List<Policies.Stmt> rolePolicy(OfflineRun run) {
        return Policies.parse(run.named("aws:iam/rolePolicy:RolePolicy", FUNCTION + "-ml-stream").string("policy"));
    }

    @Test
    void globalProfileIsAllowedThroughItsProfileArnAndTheModelArnsAwsDocuments() {
        String id = "global.anthropic.claude-sonnet-4-20250514-v1:0";
        var run = Stacks.mlWith(Map.of("allowedModelIds", "[\"" + id + "\"]", "canaryModelId", id));
        assertTrue(run.succeeded(), run.errorText());
        var expected = List.of(
                "arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/" + id,
                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                "arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0");

        var endpoint = endpointPolicy(run);
        assertEquals(1, endpoint.size());
        assertEquals("MlFunctionInvokesAllowedModels", endpoint.get(0).sid());
        assertEquals(List.of("bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel"), endpoint.get(0).actions());
        assertEquals(expected, endpoint.get(0).resources());

        var role = rolePolicy(run);
        assertEquals(List.of("ManageVpcNetworkInterfaces", "WriteOwnLogs", "InvokeAllowedModelsThroughEndpoint"),
                role.stream().map(Policies.Stmt::sid).toList());
        var invoke = role.get(2);
        assertEquals(List.of("bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel"), invoke.actions());
        assertEquals(expected, invoke.resources());
        assertTrue(role.get(0).resources().equals(List.of("*")) && role.get(1).resources().stream()
                .noneMatch(r -> r.contains("bedrock")), "no other statement names a model");
    }

    @Test
    void unknownProfileGeographyIsRefusedBeforeAnythingIsCreated() {
        var run = Stacks.mlWith(Map.of("allowedModelIds", "[\"emea.anthropic.claude-sonnet-4-20250514-v1:0\"]"));
        assertTrue(!run.succeeded(), "an unknown geography must be refused");
        assertEquals(List.of(), run.awsResources());
        assertTrue(run.errorText().contains("bedrock-stream:allowedModelIds = \"emea.anthropic.claude-sonnet-4-20250514-v1:0\": "
                + "expected a foundation-model id"), run.errorText());
        assertTrue(run.errorText().contains("profile geographies: apac, au, ca, eu, global, jp, us, us-gov"), run.errorText());
    }
}
