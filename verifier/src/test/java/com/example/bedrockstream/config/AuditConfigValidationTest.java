package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bad audit values (issue 13) are reported like every other: the key, the value and what was expected, before any
 * resource is registered; and a role is told which audit keys are not its own.
 */
class AuditConfigValidationTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("unknown trail mode", Map.of("auditTrail", "cloudtrail"),
                        List.of("bedrock-stream:auditTrail = \"cloudtrail\": expected one of 'account', 'organization',"
                                + " 'off' (account: this stack creates the trail; organization: an organization trail"
                                + " covers the account)")),
                Arguments.of("log files kept shorter than the event history", Map.of("auditLogExpirationDays", "30"),
                        List.of("bedrock-stream:auditLogExpirationDays = \"30\": expected days the trail's log files are"
                                + " kept (CloudTrail's event history already covers 90) from 90 to 3653")),
                Arguments.of("expiration not a number", Map.of("auditLogExpirationDays", "a year"),
                        List.of("bedrock-stream:auditLogExpirationDays = \"a year\": expected days the trail's log files")),
                Arguments.of("transition after the expiration", Map.of("auditLogTransitionDays", "400"),
                        List.of("bedrock-stream:auditLogTransitionDays = \"400\": expected 0 (log files stay in S3"
                                + " Standard) or the days after which they move to S3 Glacier Instant Retrieval, fewer"
                                + " than auditLogExpirationDays (365)")),
                Arguments.of("negative transition", Map.of("auditLogTransitionDays", "-1"),
                        List.of("bedrock-stream:auditLogTransitionDays = \"-1\": expected 0 (log files stay in S3 Standard)")),
                Arguments.of("DNS switch not a boolean", Map.of("dnsQueryLogging", "yes"),
                        List.of("bedrock-stream:dnsQueryLogging = \"yes\": expected true or false")),
                Arguments.of("invocation switch not a boolean", Map.of("modelInvocationLogging", "maybe"),
                        List.of("bedrock-stream:modelInvocationLogging = \"maybe\": expected true or false")),
                Arguments.of("invocation retention CloudWatch refuses", Map.of("modelInvocationLogRetentionDays", "10"),
                        List.of("bedrock-stream:modelInvocationLogRetentionDays = \"10\": expected a CloudWatch Logs"
                                + " retention in days for the prompts and answers, one of [1, 3, 5, 7, 14, 30, 60, 90")),
                Arguments.of("invocation retention never-expire", Map.of("modelInvocationLogging", "true",
                                "modelInvocationLogRetentionDays", "0"),
                        List.of("bedrock-stream:modelInvocationLogRetentionDays = \"0\": expected a CloudWatch Logs")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badAuditValueIsReportedWithKeyValueAndExpectationBeforeAnythingIsRegistered(
            String description, Map<String, String> overrides, List<String> fragments) {
        Stacks.assertRefused(Stacks.mlWith(overrides), fragments.toArray(String[]::new));
    }

    @Test
    void allBadAuditValuesAreReportedTogether() {
        Stacks.assertRefused(Stacks.hub(Map.of("auditTrail", "yes", "auditLogExpirationDays", "5000",
                        "dnsQueryLogging", "1"), exports -> exports),
                "Stack 'app-use1' has 3 configuration problems",
                "bedrock-stream:auditTrail = \"yes\"", "bedrock-stream:auditLogExpirationDays = \"5000\"",
                "bedrock-stream:dnsQueryLogging = \"1\"");
    }

    /** A spoke records its API calls through the hub's trail, and only the ML account logs model invocations. */
    @Test
    void aRoleIsToldWhichAuditKeysAreNotItsOwn() {
        Stacks.assertRefused(Stacks.spoke("app-apse1", Map.of("auditTrail", "organization"), exports -> exports).spoke(),
                "bedrock-stream:auditTrail = \"organization\": expected no value: role 'app-spoke' does not use"
                        + " auditTrail; remove it from Pulumi.app-apse1.yaml");
        Stacks.assertRefused(Stacks.hub(Map.of("modelInvocationLogging", "true"), exports -> exports),
                "bedrock-stream:modelInvocationLogging = \"true\": expected no value: role 'app-hub' does not use"
                        + " modelInvocationLogging; remove it from Pulumi.app-use1.yaml");
    }
}
