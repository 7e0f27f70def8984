package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ml-use1 as committed: each alarm reads the series it should, decides as it should, and notifies the topic. */
class MlAlarmsTest {
    static final String ACCOUNT = "444455556666";
    static final String FUNCTION = "ml-use1-ml-stream";
    static final String TOPIC_ARN = "arn:aws:sns:us-east-1:" + ACCOUNT + ":ml-use1-alarms";
    static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    static final List<String> MODELS = List.of("us.anthropic.claude-haiku-4-5-20251001-v1:0",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.nova-lite-v1:0");

    static OfflineRun run;

    @BeforeAll
    static void deploy() {
        run = Stacks.ml();
        assertTrue(run.succeeded(), run.errorText());
    }

    /** What one alarm must say, input by input. */
    record Expected(String namespace, String metric, Map<String, String> dimensions, String stat, int period,
                    int evaluationPeriods, int datapointsToAlarm, String comparison, double threshold,
                    String missingData) {
    }

    static void assertAlarm(OfflineRun run, String name, Expected expected) {
        var alarm = run.named(ALARM, name);
        assertEquals(name, alarm.string("name"));
        assertEquals(expected.namespace(), alarm.string("namespace"), name);
        assertEquals(expected.metric(), alarm.string("metricName"), name);
        assertEquals(expected.dimensions(), alarm.input("dimensions").orElseThrow(), name);
        String statKey = expected.stat().startsWith("p") ? "extendedStatistic" : "statistic";
        assertEquals(expected.stat(), alarm.string(statKey), name);
        assertEquals(expected.period(), number(alarm, "period"), name);
        assertEquals(expected.evaluationPeriods(), number(alarm, "evaluationPeriods"), name);
        assertEquals(expected.datapointsToAlarm(), number(alarm, "datapointsToAlarm"), name);
        assertEquals(expected.comparison(), alarm.string("comparisonOperator"), name);
        assertEquals(expected.threshold(), ((Number) alarm.input("threshold").orElseThrow()).doubleValue(), name);
        assertEquals(expected.missingData(), alarm.string("treatMissingData"), name);
        assertTrue(alarm.string("alarmDescription").contains("Missing data is " + expected.missingData() + ": "),
                name + " says why it reads silence as it does: " + alarm.string("alarmDescription"));
    }

    static int number(MockResource resource, String input) {
        return ((Number) resource.input(input).orElseThrow()).intValue();
    }

    @Test
    void theMlFunctionAlarmsReadLambdasMetricsOfThatFunction() {
        var function = Map.of("FunctionName", FUNCTION);
        assertAlarm(run, "ml-use1-ml-function-errors", new Expected("AWS/Lambda", "Errors", function, "Sum", 300,
                1, 1, "GreaterThanOrEqualToThreshold", 5, "notBreaching"));
        assertAlarm(run, "ml-use1-ml-function-throttles", new Expected("AWS/Lambda", "Throttles", function, "Sum", 300,
                1, 1, "GreaterThanOrEqualToThreshold", 1, "notBreaching"));
        // 80% of the reserved 20, in 3 of 5 minutes.
        assertAlarm(run, "ml-use1-ml-function-concurrency", new Expected("AWS/Lambda", "ConcurrentExecutions",
                function, "Maximum", 60, 5, 3, "GreaterThanOrEqualToThreshold", 16, "notBreaching"));
        // 80% of the 300 s timeout, three 5-minute periods in a row.
        assertAlarm(run, "ml-use1-ml-function-duration-p99", new Expected("AWS/Lambda", "Duration", function, "p99",
                300, 3, 3, "GreaterThanOrEqualToThreshold", 240_000, "notBreaching"));
    }

    @Test
    void theHandlersAlarmsReadItsOwnMetricsOverAllModels() {
        assertAlarm(run, "ml-use1-ml-time-to-first-delta-p99", new Expected("BedrockStream", "TimeToFirstDelta",
                Map.of("service", "ml-stream"), "p99", 300, 3, 3, "GreaterThanOrEqualToThreshold", 10_000,
                "notBreaching"));
        assertAlarm(run, "ml-use1-ml-failures-InternalError", new Expected("BedrockStream", "Failures",
                Map.of("service", "ml-stream", "errorName", "InternalError"), "Sum", 300, 1, 1,
                "GreaterThanOrEqualToThreshold", 3, "notBreaching"));
    }

    @Test
    void everyPlatformErrorNameHasItsFailureAlarmAndTheCallersMistakesHaveNone() {
        var failureAlarms = run.ofType(ALARM).stream().filter(a -> a.string("metricName").equals("Failures"))
                .collect(Collectors.toMap(a -> String.valueOf(((Map<?, ?>) a.input("dimensions").orElseThrow())
                        .get("errorName")), a -> a.string("name")));
        assertEquals(Set.of("DeadlineExceeded", "IncompleteStream", "StreamInterrupted", "InternalError",
                "AccessDeniedException", "InternalServerException", "ModelErrorException", "ModelNotReadyException",
                "ModelStreamErrorException", "ModelTimeoutException", "ResourceNotFoundException",
                "ServiceQuotaExceededException", "ServiceUnavailableException", "ThrottlingException", "Other"),
                failureAlarms.keySet());
        failureAlarms.forEach((errorName, alarm) -> assertEquals("ml-use1-ml-failures-" + errorName, alarm));
    }

    @Test
    void eachAllowedModelHasItsBedrockThrottleAlarm() {
        for (String model : MODELS) {
            assertAlarm(run, "ml-use1-ml-bedrock-throttles-" + model, new Expected("AWS/Bedrock",
                    "InvocationThrottles", Map.of("ModelId", model), "Sum", 300, 1, 1,
                    "GreaterThanOrEqualToThreshold", 5, "notBreaching"));
        }
    }

    @Test
    void everyAlarmNotifiesTheTopicWhenItFiresAndWhenItClears() {
        var alarms = run.ofType(ALARM);
        assertEquals(5 + 15 + MODELS.size(), alarms.size());
        for (MockResource alarm : alarms) {
            assertEquals(List.of(TOPIC_ARN), alarm.list("alarmActions"), alarm.name());
            assertEquals(List.of(TOPIC_ARN), alarm.list("okActions"), alarm.name());
        }
    }

    @Test
    void thresholdsFollowTheConfigAndTheFunctionsLimits() {
        var tuned = Stacks.mlWith(Map.of("functionReservedConcurrency", "7", "alarmConcurrencyPercent", "50",
                "functionTimeoutSeconds", "60", "alarmDurationPercent", "50", "alarmTimeToFirstDeltaMs", "2500",
                "alarmFunctionErrors", "9", "alarmFailuresPerErrorName", "1", "alarmBedrockThrottles", "20"));
        assertTrue(tuned.succeeded(), tuned.errorText());
        var threshold = tuned.ofType(ALARM).stream().collect(Collectors.toMap(a -> a.string("name"),
                a -> ((Number) a.input("threshold").orElseThrow()).doubleValue()));
        assertEquals(4.0, threshold.get("ml-use1-ml-function-concurrency"), "half of 7, rounded up");
        assertEquals(30_000.0, threshold.get("ml-use1-ml-function-duration-p99"), "half of 60 s");
        assertEquals(2500.0, threshold.get("ml-use1-ml-time-to-first-delta-p99"));
        assertEquals(9.0, threshold.get("ml-use1-ml-function-errors"));
        assertEquals(1.0, threshold.get("ml-use1-ml-failures-ThrottlingException"));
        assertEquals(20.0, threshold.get("ml-use1-ml-bedrock-throttles-amazon.nova-lite-v1:0"));
    }

    @Test
    void theTopicIsEncryptedWithItsOwnKeyWhichOnlyThisAccountsAlarmsMayUse() {
        var topic = run.named("aws:sns/topic:Topic", "ml-use1-alarms");
        assertEquals("ml-use1-alarms", topic.string("name"));
        var key = run.named("aws:kms/key:Key", "ml-use1-alarms");
        assertEquals(key.state().get("arn"), topic.string("kmsMasterKeyId"));
        assertEquals(true, key.input("enableKeyRotation").orElseThrow());
        assertEquals("alias/ml-use1-alarms", run.named("aws:kms/alias:Alias", "ml-use1-alarms-alias").string("name"));

        String policy = key.string("policy");
        assertEquals(List.of("AccountAdministersKey", "CloudWatchAlarmsUseKey"),
                Policies.parse(policy).stream().map(Policies.Stmt::sid).toList());
        var admin = Policies.statement(policy, "AccountAdministersKey");
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), admin.principal());
        var alarms = Policies.statement(policy, "CloudWatchAlarmsUseKey");
        assertEquals("Allow", alarms.effect());
        assertEquals(Map.of("Service", List.of("cloudwatch.amazonaws.com")), alarms.principal());
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey*"), alarms.actions());
        assertEquals(List.of("*"), alarms.resources());
        assertEquals(List.of(ACCOUNT), alarms.condition("StringEquals", "aws:SourceAccount"));
        assertEquals(List.of("arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:*"),
                alarms.condition("ArnLike", "aws:SourceArn"));
    }

    @Test
    void onlyThisAccountsAlarmsMayPublishToTheTopicAndOnlyOverTls() {
        var topicPolicy = run.named("aws:sns/topicPolicy:TopicPolicy", "ml-use1-alarms");
        assertEquals(TOPIC_ARN, topicPolicy.string("arn"));
        String policy = topicPolicy.string("policy");
        assertEquals(List.of("CloudWatchAlarmsPublish", "OnlyAwsServicesPublish", "DenyInsecureTransport"),
                Policies.parse(policy).stream().map(Policies.Stmt::sid).toList());

        var publish = Policies.statement(policy, "CloudWatchAlarmsPublish");
        assertEquals("Allow", publish.effect());
        assertEquals(Map.of("Service", List.of("cloudwatch.amazonaws.com")), publish.principal());
        assertEquals(List.of("sns:Publish"), publish.actions());
        assertEquals(List.of(TOPIC_ARN), publish.resources());
        assertEquals(List.of(ACCOUNT), publish.condition("StringEquals", "aws:SourceAccount"));
        assertEquals(List.of("arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:*"),
                publish.condition("ArnLike", "aws:SourceArn"));

        var others = Policies.statement(policy, "OnlyAwsServicesPublish");
        assertEquals("Deny", others.effect());
        assertEquals(Map.of("AWS", List.of("*")), others.principal());
        assertEquals(List.of("sns:Publish"), others.actions());
        assertEquals(List.of(TOPIC_ARN), others.resources());
        assertEquals(List.of("false"), others.condition("Bool", "aws:PrincipalIsAWSService"));

        var tls = Policies.statement(policy, "DenyInsecureTransport");
        assertEquals("Deny", tls.effect());
        assertEquals(Map.of("AWS", List.of("*")), tls.principal());
        assertEquals(List.of("sns:*"), tls.actions());
        assertEquals(List.of(TOPIC_ARN), tls.resources());
        assertEquals(List.of("false"), tls.condition("Bool", "aws:SecureTransport"));
    }

    @Test
    void anEmailSubscriptionOnlyWhenConfigured() {
        assertEquals(List.of(), run.ofType("aws:sns/topicSubscription:TopicSubscription"));

        var withEmail = Stacks.mlWith(Map.of("alarmEmail", "ops@example.com"));
        assertTrue(withEmail.succeeded(), withEmail.errorText());
        var subscription = withEmail.one("aws:sns/topicSubscription:TopicSubscription", s -> true);
        assertEquals(TOPIC_ARN, subscription.string("topic"));
        assertEquals("email", subscription.string("protocol"));
        assertEquals("ops@example.com", subscription.string("endpoint"));
    }

    @Test
    void alarmsOffMeansNoAlarmNoTopicAndNoKey() {
        var quiet = Stacks.mlWith(Map.of("alarmsEnabled", "false"));
        assertTrue(quiet.succeeded(), quiet.errorText());
        assertEquals(List.of(), quiet.ofType(ALARM));
        assertEquals(List.of(), quiet.ofType("aws:sns/topic:Topic"));
        assertEquals(Set.of("ml-use1-logs", "ml-use1-audit-trail"), quiet.ofType("aws:kms/key:Key").stream()
                .map(MockResource::name).collect(Collectors.toSet()), "the logs and trail keys only");
        assertEquals(1, quiet.ofType("aws:cloudwatch/dashboard:Dashboard").size(), "the dashboard does not need alarms");
    }

    @Test
    void theDashboardIsOnByDefaultAndOffWhenConfigured() {
        var dashboard = run.one("aws:cloudwatch/dashboard:Dashboard", d -> true);
        assertEquals("ml-use1-bedrock-stream", dashboard.string("dashboardName"));
        var without = Stacks.mlWith(Map.of("dashboardEnabled", "false"));
        assertTrue(without.succeeded(), without.errorText());
        assertEquals(List.of(), without.ofType("aws:cloudwatch/dashboard:Dashboard"));
        assertEquals(run.ofType(ALARM).size(), without.ofType(ALARM).size(), "the alarms do not need the dashboard");
    }

    @Test
    void theFunctionPublishesUnderTheNamespaceAndServiceTheAlarmsRead() {
        var environment = (Map<?, ?>) run.named("aws:lambda/function:Function", FUNCTION)
                .input("environment.variables").orElseThrow();
        var handler = MetricDefinitions.load().handler();
        assertEquals(handler.namespace(), environment.get("POWERTOOLS_METRICS_NAMESPACE"));
        assertEquals(handler.service(), environment.get("POWERTOOLS_SERVICE_NAME"));
    }
}
