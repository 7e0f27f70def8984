package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.domain.ModelId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model list is refused, before anything is created, when the policies it needs would not fit AWS's quotas. */
class PolicyLimitsTest {

    private static List<String> euProfiles(int count) {
        return IntStream.range(0, count).mapToObj(i -> "eu.anthropic.claude-model-" + i + "-v1:0").toList();
    }

    private static List<ModelId> parsed(List<String> ids) {
        return ids.stream().map(id -> ModelId.parse(id).orElseThrow()).toList();
    }

    @Test
    void aFewModelsFit() {
        assertEquals(Optional.empty(), PolicyLimits.allowedModelsProblem(parsed(euProfiles(10)), "eu-west-1", "444455556666"));
    }

    @Test
    void manyProfilesOfALargeGeographyOverflowTheRolePolicyThenTheEndpointPolicy() {
        var roleOnly = PolicyLimits.allowedModelsProblem(parsed(euProfiles(14)), "eu-west-1", "444455556666").orElseThrow();
        assertTrue(roleOnly.startsWith("an allowedModelIds list whose policies fit AWS's size limits, but its 14 models "
                + "(126 model and inference-profile ARNs) do not: the ML function role's inline policies would be "), roleOnly);
        assertTrue(roleOnly.contains("characters, over the limit of 10240"), roleOnly);
        assertTrue(!roleOnly.contains("endpoint policy"), "the endpoint policy still fits: " + roleOnly);

        var both = PolicyLimits.allowedModelsProblem(parsed(euProfiles(30)), "eu-west-1", "444455556666").orElseThrow();
        assertTrue(both.contains("the bedrock-runtime endpoint policy would be ") && both.contains("over the limit of 20480"), both);
        assertTrue(both.contains("over the limit of 10240"), both);
    }

    @Test
    void theMlStackRefusesAnOversizedListBeforeRegisteringAnything() {
        var ids = euProfiles(14).stream().map(id -> id.replaceFirst("^eu", "us")).toList();
        var usOnly = PolicyLimits.allowedModelsProblem(parsed(ids), "us-east-1", "444455556666");
        assertEquals(Optional.empty(), usOnly, "14 us profiles (5 ARNs each) fit");
        var many = IntStream.range(0, 25).mapToObj(i -> "us.anthropic.claude-model-" + i + "-v1:0").toList();
        var run = Stacks.mlWith(java.util.Map.of("allowedModelIds",
                "[" + String.join(",", many.stream().map(id -> "\"" + id + "\"").toList()) + "]",
                "canaryModelId", many.get(0)));
        assertTrue(!run.succeeded(), "an oversized model list must be refused");
        assertEquals(List.of(), run.awsResources(), "nothing may be registered");
        String message = run.errorText();
        assertTrue(message.contains("Stack 'ml-use1' has 1 configuration problem; nothing was created:"), message);
        assertTrue(message.contains("bedrock-stream:allowedModelIds = (25 models): expected an allowedModelIds list whose "
                + "policies fit AWS's size limits, but its 25 models (125 model and inference-profile ARNs) do not: "
                + "the ML function role's inline policies would be "), message);
        assertTrue(message.contains("over the limit of 10240"), message);
    }
}
