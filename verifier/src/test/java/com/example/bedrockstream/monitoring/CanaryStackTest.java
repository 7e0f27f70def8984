package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.rules.Finding;
import com.example.bedrockstream.offline.rules.Plan;
import com.example.bedrockstream.offline.rules.PlanRules;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.bedrockstream.monitoring.MlAlarmsTest.assertAlarm;
import static com.example.bedrockstream.monitoring.MlAlarmsTest.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canary of each application region: off by default; when on, it may invoke its region's function and no other. */
class CanaryStackTest {
    static final String APP_ACCOUNT = "111122223333";
    static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
    static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    static OfflineRun hubWithCanary(Map<String, String> more) {
        var overrides = new HashMap<>(Map.of("canaryEnabled", "true"));
        overrides.putAll(more);
        var hub = Stacks.hub(overrides, exports -> exports);
        assertTrue(hub.succeeded(), hub.errorText());
        return hub;
    }

    @Test
    void offByDefaultSoNoScheduleRoleAlarmOrTopic() {
        var chain = Stacks.spoke();
        for (OfflineRun run : List.of(chain.hub(), chain.spoke())) {
            assertEquals(List.of(), run.ofType(SCHEDULE), run.stack());
            assertEquals(List.of(), run.ofType("aws:scheduler/scheduleGroup:ScheduleGroup"), run.stack());
            assertEquals(List.of(), run.ofType(ALARM), run.stack());
            assertEquals(List.of(), run.ofType("aws:sns/topic:Topic"), run.stack());
            assertTrue(run.ofType("aws:iam/role:Role").stream().noneMatch(r -> r.string("name").endsWith("-canary")));
        }
    }

    @Test
    void theScheduleInvokesThisRegionsApplicationLambdaWithTheFixedPromptAtTheConfiguredRate() {
        var hub = hubWithCanary(Map.of("canaryRateMinutes", "15"));
        var schedule = hub.named(SCHEDULE, "app-use1-canary");
        assertEquals("app-use1-canary", schedule.string("name"));
        assertEquals("app-use1-canary", schedule.string("groupName"));
        assertEquals("rate(15 minutes)", schedule.string("scheduleExpression"));
        assertEquals("OFF", schedule.string("flexibleTimeWindow.mode"));
        assertEquals("ENABLED", schedule.string("state"));
        assertEquals("arn:aws:lambda:us-east-1:" + APP_ACCOUNT + ":function:app-use1-app-invoker",
                schedule.string("target.arn"));
        assertEquals("arn:aws:iam::" + APP_ACCOUNT + ":role/app-use1-canary", schedule.string("target.roleArn"));
        assertEquals(0, number(schedule, "target.retryPolicy.maximumRetryAttempts"));
        assertEquals(60, number(schedule, "target.retryPolicy.maximumEventAgeInSeconds"));
        assertTrue(schedule.input("target.deadLetterConfig").isEmpty(), "a lost run is a missing datapoint, not a DLQ message");

        // The exact text, field order included: another text would replace the schedule's input on every update.
        assertEquals("{\"canary\":true,\"modelId\":\"us.anthropic.claude-haiku-4-5-20251001-v1:0\","
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Reply with the single word OK.\"}]}],"
                + "\"inferenceConfig\":{\"maxTokens\":5}}", schedule.string("target.input"));

        var retries = hub.one("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", c -> true);
        assertEquals("app-use1-app-invoker", retries.string("functionName"));
        assertEquals(0, number(retries, "maximumRetryAttempts"));
        assertEquals("rate(1 minute)", hubWithCanary(Map.of("canaryRateMinutes", "1")).named(SCHEDULE,
                "app-use1-canary").string("scheduleExpression"));
    }

    @Test
    void theCanaryRoleIsAssumedOnlyBySchedulerForItsGroupAndMayOnlyInvokeThatOneFunction() {
        var hub = hubWithCanary(Map.of());
        var role = hub.one("aws:iam/role:Role", r -> r.string("name").equals("app-use1-canary"));
        var trust = Policies.parse(role.string("assumeRolePolicy"));
        assertEquals(1, trust.size());
        var assume = trust.get(0);
        assertEquals("Allow", assume.effect());
        assertEquals(Map.of("Service", List.of("scheduler.amazonaws.com")), assume.principal());
        assertEquals(List.of("sts:AssumeRole"), assume.actions());
        assertEquals(List.of(APP_ACCOUNT), assume.condition("StringEquals", "aws:SourceAccount"));
        assertEquals(List.of("arn:aws:scheduler:us-east-1:" + APP_ACCOUNT + ":schedule-group/app-use1-canary"),
                assume.condition("ArnEquals", "aws:SourceArn"));

        var policies = hub.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().startsWith("app-use1-canary-")).toList();
        assertEquals(1, policies.size(), "one inline policy, nothing attached");
        var statements = Policies.parse(policies.get(0).string("policy"));
        assertEquals(1, statements.size());
        var invoke = statements.get(0);
        assertEquals("Allow", invoke.effect());
        assertEquals(List.of("lambda:InvokeFunction"), invoke.actions());
        assertEquals(List.of("arn:aws:lambda:us-east-1:" + APP_ACCOUNT + ":function:app-use1-app-invoker"),
                invoke.resources());
        assertEquals(List.of(), hub.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> a.string("role").equals("app-use1-canary")).toList());
    }

    @Test
    void twoFailedOrMissingRunsInTheHubRegionRaiseItsAlarm() {
        var hub = hubWithCanary(Map.of("canaryRateMinutes", "10"));
        assertAlarm(hub, "app-use1-canary-us-east-1", new MlAlarmsTest.Expected("BedrockStream/Canary", "Success",
                Map.of("Region", "us-east-1"), "Minimum", 600, 2, 2, "LessThanThreshold", 1, "breaching"));
        String topic = "arn:aws:sns:us-east-1:" + APP_ACCOUNT + ":app-use1-alarms";
        var alarm = hub.named(ALARM, "app-use1-canary-us-east-1");
        assertEquals(List.of(topic), alarm.list("alarmActions"));
        assertEquals(List.of(topic), alarm.list("okActions"));
        assertEquals(1, hub.ofType(ALARM).size(), "an application stack watches its canary only");
        var key = hub.named("aws:kms/key:Key", "app-use1-alarms");
        assertEquals(List.of("arn:aws:cloudwatch:us-east-1:" + APP_ACCOUNT + ":alarm:*"),
                Policies.statement(key.string("policy"), "CloudWatchAlarmsUseKey").condition("ArnLike", "aws:SourceArn"));
    }

    @Test
    void aSpokeRunsItsOwnCanaryAlarmAndTopicInItsOwnRegion() {
        var spoke = Stacks.spoke("app-apse1", Map.of("canaryEnabled", "true", "alarmEmail", "ops@example.com"),
                exports -> exports).spoke();
        assertTrue(spoke.succeeded(), spoke.errorText());
        var schedule = spoke.named(SCHEDULE, "app-apse1-canary");
        assertEquals("arn:aws:lambda:ap-southeast-1:" + APP_ACCOUNT + ":function:app-apse1-app-invoker",
                schedule.string("target.arn"));
        assertTrue(spoke.explicitProvider(schedule).isEmpty(), "the spoke's own region, not the hub's");
        assertAlarm(spoke, "app-apse1-canary-ap-southeast-1", new MlAlarmsTest.Expected("BedrockStream/Canary",
                "Success", Map.of("Region", "ap-southeast-1"), "Minimum", 300, 2, 2, "LessThanThreshold", 1,
                "breaching"));
        String topic = "arn:aws:sns:ap-southeast-1:" + APP_ACCOUNT + ":app-apse1-alarms";
        assertEquals(List.of(topic), spoke.named(ALARM, "app-apse1-canary-ap-southeast-1").list("alarmActions"));
        var subscription = spoke.one("aws:sns/topicSubscription:TopicSubscription", s -> true);
        assertEquals(topic, subscription.string("topic"));
        assertEquals("ops@example.com", subscription.string("endpoint"));
    }

    @Test
    void withAlarmsOffTheCanaryStillRunsAndReportsButNothingAlarms() {
        var hub = hubWithCanary(Map.of("alarmsEnabled", "false"));
        assertEquals(1, hub.ofType(SCHEDULE).size());
        assertEquals(List.of(), hub.ofType(ALARM));
        assertEquals(List.of(), hub.ofType("aws:sns/topic:Topic"));
    }

    @Test
    void eachApplicationStackOwnsTheDashboardOfItsRegion() {
        var chain = Stacks.spoke();
        assertEquals("app-use1-bedrock-stream", chain.hub().one("aws:cloudwatch/dashboard:Dashboard", d -> true)
                .string("dashboardName"));
        var spokeDashboard = chain.spoke().one("aws:cloudwatch/dashboard:Dashboard", d -> true);
        assertEquals("app-apse1-bedrock-stream", spokeDashboard.string("dashboardName"));
        var body = JsonParser.parseString(spokeDashboard.string("dashboardBody")).getAsJsonObject();
        body.getAsJsonArray("widgets").forEach(w -> assertEquals("ap-southeast-1",
                w.getAsJsonObject().getAsJsonObject("properties").get("region").getAsString()));

        var noFunction = Stacks.spoke("app-apse1", Map.of("appFunctionEnabled", "false"), e -> e).spoke();
        assertTrue(noFunction.succeeded(), noFunction.errorText());
        assertEquals(List.of(), noFunction.ofType("aws:cloudwatch/dashboard:Dashboard"), "nothing to show");
        var off = Stacks.hub(Map.of("dashboardEnabled", "false"), e -> e);
        assertEquals(List.of(), off.ofType("aws:cloudwatch/dashboard:Dashboard"));
    }

    @Test
    void theMonitoringResourcesPassEveryOfflineRule() {
        var ml = Stacks.mlWith(Map.of("alarmEmail", "ops@example.com"));
        var hub = hubWithCanary(Map.of("alarmEmail", "ops@example.com", "canaryRateMinutes", "1"));
        var spoke = Stacks.spoke("app-apse1", Map.of("canaryEnabled", "true"), exports -> exports).spoke();
        assertEquals(List.of(), PlanRules.check(Plan.of(ml, hub, spoke)).stream().map(Finding::line).toList());
    }
}
