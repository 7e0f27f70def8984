package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bedrock's model-invocation logs hold prompts and answers: off unless asked for, and then kept encrypted and short. */
class ModelInvocationLoggingTest {
    static final String ACCOUNT = "444455556666";
    static final String CONFIG = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";
    static final String NAME = "ml-use1-bedrock-invocation-logs";
    static final String GROUP = "/bedrock/model-invocations/ml-use1";
    static final String GROUP_ARN = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + GROUP;

    @Test
    void offByDefaultNothingLogsPromptsAndTheOutputSaysSo() {
        var run = Stacks.ml();
        assertTrue(run.succeeded(), run.errorText());
        assertEquals(List.of(), run.ofType(CONFIG));
        assertTrue(run.ofType("aws:iam/role:Role").stream().noneMatch(r -> r.name().equals(NAME)));
        assertTrue(run.ofType("aws:cloudwatch/logGroup:LogGroup").stream().noneMatch(g -> g.string("name").equals(GROUP)));
        assertEquals("off", run.outputs().get(MlOutputs.MODEL_INVOCATION_LOG_GROUP.name()));
    }

    private static OfflineRun on(Map<String, String> more) {
        var overrides = new java.util.HashMap<>(more);
        overrides.put("modelInvocationLogging", "true");
        var run = Stacks.mlWith(overrides);
        assertTrue(run.succeeded(), run.errorText());
        return run;
    }

    @Test
    void whenOnTextGoesToTheEncryptedGroupThroughTheLoggingRole() {
        var run = on(Map.of());
        var config = run.named(CONFIG, NAME);
        assertEquals(Map.of(
                "cloudwatchConfig", Map.of("logGroupName", GROUP, "roleArn", "arn:aws:iam::" + ACCOUNT + ":role/" + NAME),
                "textDataDeliveryEnabled", true,
                "imageDataDeliveryEnabled", false,
                "embeddingDataDeliveryEnabled", false,
                "videoDataDeliveryEnabled", false), config.input("loggingConfig").orElseThrow());
        assertEquals(List.of(NAME + "-write-invocation-logs"), config.dependsOn(), "the role may write before Bedrock tries");

        var group = run.one("aws:cloudwatch/logGroup:LogGroup", g -> g.string("name").equals(GROUP));
        assertEquals(PerimeterAssertions.stateOf(run, run.named("aws:kms/key:Key", "ml-use1-logs"), "arn"),
                group.string("kmsKeyId"));
        assertEquals(30, ((Number) group.input("retentionInDays").orElseThrow()).intValue());
        assertEquals(GROUP, run.outputs().get(MlOutputs.MODEL_INVOCATION_LOG_GROUP.name()));
    }

    @Test
    void theRoleIsBedrocksForThisAccountAndRegionAndWritesOnlyTheInvocationStream() {
        var run = on(Map.of());
        var trust = Policies.parse(run.named("aws:iam/role:Role", NAME).string("assumeRolePolicy"));
        assertEquals(1, trust.size());
        assertEquals(Map.of("Service", List.of("bedrock.amazonaws.com")), trust.get(0).principal());
        assertEquals(List.of("sts:AssumeRole"), trust.get(0).actions());
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", List.of(ACCOUNT)),
                "ArnLike", Map.of("aws:SourceArn", List.of("arn:aws:bedrock:us-east-1:" + ACCOUNT + ":*"))),
                trust.get(0).conditions());

        var write = Policies.parse(run.named("aws:iam/rolePolicy:RolePolicy", NAME + "-write-invocation-logs")
                .string("policy"));
        assertEquals(1, write.size());
        assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents"), write.get(0).actions());
        assertEquals(List.of(GROUP_ARN + ":log-stream:aws/bedrock/modelinvocations"), write.get(0).resources());
    }

    @Test
    void theRetentionOfPromptsIsItsOwnSetting() {
        var run = on(Map.of("modelInvocationLogRetentionDays", "7"));
        var group = run.one("aws:cloudwatch/logGroup:LogGroup", g -> g.string("name").equals(GROUP));
        assertEquals(7, ((Number) group.input("retentionInDays").orElseThrow()).intValue());
    }
}
