package com.example.bedrockstream.verify;

import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.preflight.AwsClients;
import com.example.bedrockstream.preflight.PlannedStack;
import com.example.bedrockstream.preflight.SignedJsonCall;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether an alarm's notification reaches its topic. A denial by the topic's key or policy shows nowhere but in the
 * alarm's history, so: set one of the stack's alarms to ALARM, wait until its history holds the Action item of the
 * notification to its topic, and set it back to OK whatever happened (the next evaluation gives it its real state).
 * An alarm already in ALARM is set to OK first, since only a change of state notifies.
 */
final class AlarmNotification {
    static final String NAME = "alarm notification";
    static final String TEST_REASON = "verify: does the notification reach the alarm topic? Set back to OK right after";
    static final String RESET_REASON = "verify: reset after the notification test; the next evaluation sets the real state";
    /** CloudWatch's history summary of an action it ran, and of one that failed. */
    static final String DELIVERED = "Successfully executed action ";
    static final String NOT_DELIVERED = "Failed to execute action ";

    private final AwsClients aws;
    private final Duration wait;

    AlarmNotification(AwsClients aws, Duration wait) {
        this.aws = aws;
        this.wait = wait;
    }

    Hop run(PlannedStack planned) {
        var alarms = planned.ofType(AwsTypes.METRIC_ALARM).stream().map(a -> a.string("name")).sorted().toList();
        if (alarms.isEmpty()) {
            return Hop.skip(NAME, "Pulumi." + planned.stack() + ".yaml defines no alarm"
                    + (planned.config().common().role() == Role.ML ? " (alarmsEnabled is false)"
                    : " (an application stack's only alarm is its canary's: canaryEnabled or alarmsEnabled is off);"
                    + " the ML stack's verify proves that alarm topics deliver"));
        }
        String alarm = alarms.get(0);
        String hop = NAME + " " + alarm;
        String region = planned.region();
        var cloudWatch = aws.cloudWatch(region);
        try {
            var described = describe(cloudWatch, alarm);
            if (described.isEmpty()) {
                return Hop.fail(hop, "no alarm " + alarm + " in " + region, "deploy the stack first (pulumi up --stack "
                        + planned.stack() + "), with the credentials of account " + planned.config().common().accountId());
            }
            var topics = new ArrayList<String>();
            var actions = described.get().getAsJsonArray("AlarmActions");
            (actions == null ? new JsonArray() : actions).forEach(a -> {
                if (a.getAsString().contains(":sns:")) {
                    topics.add(a.getAsString());
                }
            });
            if (!described.get().get("ActionsEnabled").getAsBoolean() || topics.isEmpty()) {
                return Hop.fail(hop, "the alarm notifies no topic on ALARM (actions enabled: "
                        + described.get().get("ActionsEnabled") + ", actions: " + described.get().get("AlarmActions") + ")",
                        "pulumi up --stack " + planned.stack() + " restores the alarm's actions");
            }
            String before = "";
            if ("ALARM".equals(described.get().get("StateValue").getAsString())) {
                setState(cloudWatch, alarm, "OK", TEST_REASON);
                before = "it was in ALARM, so it was set to OK first; ";
            }
            Instant set = Instant.now();
            setState(cloudWatch, alarm, "ALARM", TEST_REASON);
            double since = describe(cloudWatch, alarm).orElseThrow().get("StateUpdatedTimestamp").getAsDouble();
            Optional<JsonObject> action;
            String resetProblem = "";
            try {
                action = awaitAction(cloudWatch, alarm, topics, since);
            } finally {
                try {
                    setState(cloudWatch, alarm, "OK", RESET_REASON);
                } catch (SignedJsonCall.AwsCallException | UncheckedIOException e) {
                    resetProblem = e.getMessage();
                }
            }
            long seconds = Duration.between(set, Instant.now()).toSeconds();
            Hop result;
            if (action.isEmpty()) {
                result = Hop.fail(hop, before + "no notification to " + topics + " in the alarm's history within "
                        + wait.toSeconds() + " s of setting it to ALARM", "read the alarm's history (aws cloudwatch"
                        + " describe-alarm-history --region " + region + " --alarm-name " + alarm + " --history-item-type"
                        + " Action); an action CloudWatch has not run yet shows later: run verify with a longer --alarm-wait");
            } else {
                String summary = action.get().get("HistorySummary").getAsString();
                result = summary.startsWith(DELIVERED)
                        ? Hop.pass(hop, before + "CloudWatch notified " + topicOf(summary, topics) + " (" + seconds
                        + " s); set back to OK")
                        : Hop.fail(hop, before + "CloudWatch could not notify " + topicOf(summary, topics) + ": " + summary,
                        "the topic's key must let cloudwatch.amazonaws.com use it for this alarm (policy/AlarmTopicPolicies:"
                                + " aws:SourceAccount, aws:SourceArn) and the topic policy must let the alarm publish");
            }
            if (!resetProblem.isEmpty()) {
                return Hop.fail(hop, result.detail() + "; setting it back to OK failed: " + resetProblem,
                        "aws cloudwatch set-alarm-state --region " + region + " --alarm-name " + alarm
                                + " --state-value OK --state-reason reset");
            }
            return result;
        } catch (SignedJsonCall.AwsCallException | UncheckedIOException e) {
            return Hop.fail(hop, "CloudWatch refused: " + e.getMessage(), "allow the credentials cloudwatch:DescribeAlarms,"
                    + " cloudwatch:SetAlarmState and cloudwatch:DescribeAlarmHistory on " + alarm
                    + " (docs/deploy-roles/, statement VerifyAfterUpNotifies)");
        }
    }

    private static Optional<JsonObject> describe(SignedJsonCall cloudWatch, String alarm) {
        var request = new JsonObject();
        var names = new JsonArray();
        names.add(alarm);
        request.add("AlarmNames", names);
        var found = cloudWatch.call("DescribeAlarms", request).getAsJsonArray("MetricAlarms");
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getAsJsonObject());
    }

    private static void setState(SignedJsonCall cloudWatch, String alarm, String state, String reason) {
        var request = new JsonObject();
        request.addProperty("AlarmName", alarm);
        request.addProperty("StateValue", state);
        request.addProperty("StateReason", reason);
        cloudWatch.call("SetAlarmState", request);
    }

    /** The newest Action item since the change to ALARM that names one of the alarm's topics, polled until found. */
    private Optional<JsonObject> awaitAction(SignedJsonCall cloudWatch, String alarm, List<String> topics, double since) {
        Instant deadline = Instant.now().plus(wait);
        Duration poll = wait.dividedBy(10).compareTo(Duration.ofSeconds(5)) < 0 ? wait.dividedBy(10) : Duration.ofSeconds(5);
        while (true) {
            var request = new JsonObject();
            request.addProperty("AlarmName", alarm);
            request.addProperty("HistoryItemType", "Action");
            request.addProperty("StartDate", since);
            request.addProperty("ScanBy", "TimestampDescending");
            var items = cloudWatch.call("DescribeAlarmHistory", request).getAsJsonArray("AlarmHistoryItems");
            for (JsonElement element : items == null ? new JsonArray() : items) {
                var item = element.getAsJsonObject();
                String summary = item.get("HistorySummary").getAsString();
                if (item.get("Timestamp").getAsDouble() >= since && topics.stream().anyMatch(summary::contains)) {
                    return Optional.of(item);
                }
            }
            if (!Instant.now().isBefore(deadline)) {
                return Optional.empty();
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static String topicOf(String summary, List<String> topics) {
        return topics.stream().filter(summary::contains).findFirst().orElseThrow();
    }
}
