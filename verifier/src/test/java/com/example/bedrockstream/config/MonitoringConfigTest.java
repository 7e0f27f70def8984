package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitoring keys (issue 13): each bad value is named with what was expected, before anything is registered. */
class MonitoringConfigTest {

    @Test
    void theDefaultsDeployInEveryStack() {
        assertTrue(Stacks.ml().succeeded(), Stacks.ml().errorText());
        var chain = Stacks.spoke();
        assertTrue(chain.hub().succeeded() && chain.spoke().succeeded(), chain.hub().errorText() + chain.spoke().errorText());
    }

    @Test
    void mlThresholdsOutOfRangeAreAllReportedAtOnce() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("alarmConcurrencyPercent", "0", "alarmDurationPercent", "101",
                        "alarmFunctionErrors", "0", "alarmFailuresPerErrorName", "many", "alarmBedrockThrottles", "-1")),
                "has 5 configuration problems",
                "bedrock-stream:alarmConcurrencyPercent = \"0\": expected percent of the reserved concurrency from 1 to 100",
                "bedrock-stream:alarmDurationPercent = \"101\": expected percent of the function timeout from 1 to 100",
                "bedrock-stream:alarmFunctionErrors = \"0\": expected ML function errors per 5 minutes from 1 to 100000",
                "bedrock-stream:alarmFailuresPerErrorName = \"many\": expected failures per error name per 5 minutes"
                        + " from 1 to 100000",
                "bedrock-stream:alarmBedrockThrottles = \"-1\": expected Bedrock throttles per model per 5 minutes"
                        + " from 1 to 100000");
    }

    @Test
    void aTimeToFirstDeltaThresholdTheFunctionCannotReachIsRefused() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("alarmTimeToFirstDeltaMs", "300000")),
                "bedrock-stream:alarmTimeToFirstDeltaMs = \"300000\": expected less than the function timeout of"
                        + " 300000 ms (functionTimeoutSeconds)");
    }

    @Test
    void anAlarmEmailMustBeAnAddress() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("alarmEmail", "ops at example.com")),
                "bedrock-stream:alarmEmail = \"ops at example.com\": expected an e-mail address such as"
                        + " ops@example.com, or empty for no subscription");
    }

    @Test
    void anAlarmEmailWithNoAlarmToSendIsRefused() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("alarmsEnabled", "false", "alarmEmail", "ops@example.com")),
                "bedrock-stream:alarmEmail = \"ops@example.com\": expected empty: this stack has no alarm to send"
                        + " (alarmsEnabled is false, or this application stack's canary is off)");
        Stacks.assertRefused(Stacks.hub(Map.of("alarmEmail", "ops@example.com"), exports -> exports),
                "bedrock-stream:alarmEmail = \"ops@example.com\": expected empty: this stack has no alarm to send");
    }

    @Test
    void theCanaryRateIsBoundedByWhatOneAlarmCanRead() {
        Stacks.assertRefused(Stacks.hub(Map.of("canaryEnabled", "true", "canaryRateMinutes", "721"), e -> e),
                "bedrock-stream:canaryRateMinutes = \"721\": expected minutes between two canary runs from 1 to 720");
        Stacks.assertRefused(Stacks.hub(Map.of("canaryEnabled", "yes"), e -> e),
                "bedrock-stream:canaryEnabled = \"yes\": expected true or false");
    }

    @Test
    void aSpokeCanaryNeedsTheSpokesApplicationLambda() {
        Stacks.assertRefused(Stacks.spoke("app-apse1", Map.of("appFunctionEnabled", "false", "canaryEnabled", "true"),
                        exports -> exports).spoke(),
                "bedrock-stream:canaryEnabled = \"true\": expected false while appFunctionEnabled is false: the canary"
                        + " invokes this stack's Application Lambda");
    }

    @Test
    void aKeyOfTheOtherRolesIsRefused() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("canaryEnabled", "true")),
                "bedrock-stream:canaryEnabled = \"true\": expected no value: role 'ml' does not use canaryEnabled;"
                        + " remove it from Pulumi.ml-use1.yaml");
        Stacks.assertRefused(Stacks.hub(Map.of("alarmConcurrencyPercent", "50"), e -> e),
                "bedrock-stream:alarmConcurrencyPercent = \"50\": expected no value: role 'app-hub' does not use"
                        + " alarmConcurrencyPercent");
    }
}
