package com.example.bedrockstream.verify;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.preflight.AwsClients;
import com.example.bedrockstream.preflight.MotoServer;
import com.example.bedrockstream.preflight.PlannedStack;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verify command against moto's server (STS, IAM, Lambda without Docker, CloudWatch's alarms) and a stub of the
 * one API moto lacks (CloudWatch's alarm history), through the SDK's real Lambda client and CloudWatch's JSON
 * protocol, with the committed stack files and outputs shaped as `pulumi stack output --json` prints them.
 */
class VerifyTest {
    static final String ML_ACCOUNT = "444455556666";
    static final String APP_ACCOUNT = "111122223333";
    static final List<String> MODELS = List.of("us.anthropic.claude-haiku-4-5-20251001-v1:0",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.nova-lite-v1:0");
    /** What the Application Lambda returns for a streamed answer (lambda-src/app-invoker/README.md). */
    static final String ANSWER = "{\"text\":\"OK\",\"timeToFirstByteMs\":412,\"totalMs\":803,\"chunks\":3}";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    /** Planned once per stack: the offline chain takes a few seconds. */
    private static final Map<String, PlannedStack> PLANS = new HashMap<>();

    AlarmHistoryStub history;

    @BeforeEach
    void emptyAccounts() throws Exception {
        MOTO.reset();
        // Lambda without Docker: every invocation answers what the test queued (or echoes its request).
        moto("/moto-api/config", "{\"lambda\": {\"use_docker\": false}}");
        history = new AlarmHistoryStub(MOTO.endpoint());
    }

    @AfterEach
    void stopStub() {
        history.close();
    }

    AwsClients aws(String account) {
        return new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                Map.of("sts", MOTO.endpoint(), "iam", MOTO.endpoint(), "lambda", MOTO.endpoint(),
                        "monitoring", history.endpoint()),
                Map.of("x-moto-account-id", account));
    }

    static PlannedStack plan(String stack) {
        return PLANS.computeIfAbsent(stack, s -> PlannedStack.of(Stacks.files(), s));
    }

    record Outcome(int exit, String text) {
        List<String> lines() {
            return text.lines().toList();
        }
    }

    Outcome verify(String account, String outputs, String... args) {
        var bytes = new ByteArrayOutputStream();
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var in = new ByteArrayInputStream(outputs.getBytes(StandardCharsets.UTF_8));
        int exit = new CommandLine(new Verify(out, in, aws(account))).execute(args);
        return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    /** The stack's exports as `pulumi stack output --json` prints them after `up`: secrets masked. */
    static Map<String, Object> outputs(String stack) {
        var run = plan(stack).run();
        var outputs = new LinkedHashMap<String, Object>(run.outputs());
        run.secretOutputs().forEach(name -> outputs.put(name, "[secret]"));
        return outputs;
    }

    static String json(Map<String, Object> outputs) {
        return new Gson().toJson(outputs);
    }

    // --- the account moto holds ---

    void function(String account, String region, String name) throws IOException {
        var zip = new ByteArrayOutputStream();
        try (var entries = new ZipOutputStream(zip)) {
            entries.putNextEntry(new ZipEntry("placeholder.txt"));
            entries.write("moto runs no code".getBytes(StandardCharsets.UTF_8));
            entries.closeEntry();
        }
        var aws = aws(account);
        String role;
        try (var iam = aws.iam()) {
            role = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                    .role().arn();
        }
        try (var lambda = aws.lambda(region)) {
            lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA21).role(role)
                    .handler("com.example.bedrockstream.appinvoker.Handler::handleRequest")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))));
        }
    }

    /** What the account's functions in {@code region} answer, one invocation after the other. */
    void answers(String account, String region, String... answers) throws Exception {
        var body = new JsonObject();
        body.addProperty("account_id", account);
        body.addProperty("region", region);
        var results = new JsonArray();
        for (String answer : answers) {
            results.add(answer);
        }
        body.add("results", results);
        moto("/moto-api/static/lambda-simple/response", body.toString());
    }

    /** The stack's first alarm as the plan names it, notifying its topic on ALARM and on OK. */
    String alarm(String stack, String account) {
        var planned = plan(stack);
        MockResource alarm = planned.ofType(AwsTypes.METRIC_ALARM).stream()
                .min((a, b) -> a.string("name").compareTo(b.string("name"))).orElseThrow();
        var request = new JsonObject();
        request.addProperty("AlarmName", alarm.string("name"));
        request.addProperty("Namespace", "AWS/Lambda");
        request.addProperty("MetricName", "Errors");
        request.addProperty("Statistic", "Sum");
        request.addProperty("Period", 300);
        request.addProperty("EvaluationPeriods", 1);
        request.addProperty("Threshold", 1);
        request.addProperty("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        var topics = new JsonArray();
        topics.add(topic(stack, account, planned.region()));
        request.add("AlarmActions", topics);
        request.add("OKActions", topics);
        aws(account).cloudWatch(planned.region()).call("PutMetricAlarm", request);
        return alarm.string("name");
    }

    static String topic(String stack, String account, String region) {
        return "arn:aws:sns:" + region + ":" + account + ":" + stack + "-alarms";
    }

    String state(String account, String region, String alarm) {
        var request = new JsonObject();
        var names = new JsonArray();
        names.add(alarm);
        request.add("AlarmNames", names);
        return aws(account).cloudWatch(region).call("DescribeAlarms", request).getAsJsonArray("MetricAlarms").get(0)
                .getAsJsonObject().get("StateValue").getAsString();
    }

    void setState(String account, String region, String alarm, String state) {
        var request = new JsonObject();
        request.addProperty("AlarmName", alarm);
        request.addProperty("StateValue", state);
        request.addProperty("StateReason", "test");
        aws(account).cloudWatch(region).call("SetAlarmState", request);
    }

    static void moto(String path, String body) throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(MOTO.endpoint().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), path + ": " + answer.body());
    }

    // --- application stacks: the streams ---

    @Test
    void theHubStreamsEveryAllowedModelThroughItsApplicationLambda() throws Exception {
        function(APP_ACCOUNT, "us-east-1", "app-use1-app-invoker");
        answers(APP_ACCOUNT, "us-east-1", ANSWER, ANSWER, ANSWER);
        var outcome = verify(APP_ACCOUNT, json(outputs("app-use1")), "app-use1");
        assertEquals(0, outcome.exit(), outcome.text());
        assertTrue(outcome.text().contains("pass  outputs: 1 Application Lambda(s) [app-use1-app-invoker], 3 allowed"
                + " model(s), us-east-1"), outcome.text());
        assertTrue(outcome.text().contains("pass  account: credentials of arn:aws:sts::" + APP_ACCOUNT), outcome.text());
        for (String model : MODELS) {
            assertTrue(outcome.text().contains("pass  stream app-use1-app-invoker " + model + ": 3 chunk(s), 2 character(s),"
                    + " first byte after 412 ms, 803 ms in all"), outcome.text());
        }
        // The committed hub runs no canary, so it has no alarm: the ML stack's verify proves the alarm topics.
        assertTrue(outcome.text().contains("skip  alarm notification: Pulumi.app-use1.yaml defines no alarm (an application"
                + " stack's only alarm is its canary's: canaryEnabled or alarmsEnabled is off); the ML stack's verify proves"
                + " that alarm topics deliver"), outcome.text());
        assertEquals("6 hop(s), 0 failed: app-use1 works as deployed", outcome.lines().get(outcome.lines().size() - 1));
        assertFalse(outcome.text().contains("\"OK\""), "the answer's text is never printed");
    }

    @Test
    void aSpokeStreamsThroughItsOwnRegionsFunctionAndReadsItsOutputsFromAFile(@TempDir Path dir) throws Exception {
        function(APP_ACCOUNT, "ap-southeast-1", "app-apse1-app-invoker");
        answers(APP_ACCOUNT, "ap-southeast-1", ANSWER, ANSWER, ANSWER);
        Path file = Files.writeString(dir.resolve("outputs.json"), json(outputs("app-apse1")));
        var outcome = verify(APP_ACCOUNT, "", "app-apse1", "--outputs", file.toString());
        assertEquals(0, outcome.exit(), outcome.text());
        for (String model : MODELS) {
            assertTrue(outcome.text().contains("pass  stream app-apse1-app-invoker " + model + ": 3 chunk(s)"), outcome.text());
        }
    }

    @Test
    void theRequestIsTheCanarysWithoutTheCanaryFlagAndAnAnswerWithoutStreamedTextFails() throws Exception {
        // Nothing queued: moto's Lambda answers with the request it was sent, which holds no streamed text.
        function(APP_ACCOUNT, "us-east-1", "app-use1-app-invoker");
        var outcome = verify(APP_ACCOUNT, json(outputs("app-use1")), "app-use1");
        assertEquals(1, outcome.exit(), outcome.text());
        for (String model : MODELS) {
            assertTrue(outcome.text().contains("FAIL  stream app-use1-app-invoker " + model + ": the Application Lambda"
                    + " answered without streamed text (fields: [inferenceConfig, messages, modelId])\n        fix: read the"
                    + " function's log group /aws/lambda/app-use1-app-invoker in us-east-1"), outcome.text());
        }
        assertEquals("6 hop(s), 3 failed: stream app-use1-app-invoker " + String.join("; stream app-use1-app-invoker ",
                MODELS), outcome.lines().get(outcome.lines().size() - 1));
    }

    @Test
    void aFunctionErrorFailsThatModelsHopWithTheErrorAndWhereToReadMore() throws Exception {
        function(APP_ACCOUNT, "us-east-1", "app-use1-app-invoker");
        // moto runs no code, so its one function error is Lambda's own: an answer over the 6 MB a response may carry,
        // reported like any function error (X-Amz-Function-Error with errorType and errorMessage).
        answers(APP_ACCOUNT, "us-east-1", ANSWER, "x".repeat(6_000_001), ANSWER);
        var outcome = verify(APP_ACCOUNT, json(outputs("app-use1")), "app-use1");
        assertEquals(1, outcome.exit(), outcome.text());
        assertTrue(outcome.text().contains("pass  stream app-use1-app-invoker " + MODELS.get(0)), outcome.text());
        assertTrue(outcome.text().contains("FAIL  stream app-use1-app-invoker " + MODELS.get(1) + ": the Application Lambda"
                + " failed: Function.ResponseSizeTooLarge: Response payload size exceeded maximum allowed payload size"
                + " (6291556 bytes).\n        fix: read the function's log group /aws/lambda/app-use1-app-invoker in"
                + " us-east-1; MlFunctionException carries the ML function's or Bedrock's error"), outcome.text());
        assertTrue(outcome.text().contains("pass  stream app-use1-app-invoker " + MODELS.get(2)), outcome.text());
        assertEquals("6 hop(s), 1 failed: stream app-use1-app-invoker " + MODELS.get(1),
                outcome.lines().get(outcome.lines().size() - 1));
    }

    @Test
    void aFunctionTheAccountLacksFails() throws Exception {
        // moto's Lambda without Docker answers for any name; its ordinary backend looks the function up first (and
        // would only then need Docker), refusing a missing one as AWS does.
        moto("/moto-api/config", "{\"lambda\": {\"use_docker\": true}}");
        var outcome = verify(APP_ACCOUNT, json(outputs("app-use1")), "app-use1");
        assertEquals(1, outcome.exit(), outcome.text());
        assertTrue(outcome.text().contains("FAIL  stream app-use1-app-invoker " + MODELS.get(0) + ": no function"
                + " app-use1-app-invoker in us-east-1: "), outcome.text());
        assertTrue(outcome.text().contains("fix: deploy the stack first, or pass its own outputs"), outcome.text());
    }

    // --- what verify reads first ---

    @Test
    void outputsOfAnotherRegionOrWithoutTheContractFailBeforeAnyCall() throws Exception {
        var elsewhere = outputs("app-use1");
        elsewhere.put("hubRegion", "ap-southeast-1");
        var outcome = verify(APP_ACCOUNT, json(elsewhere), "app-use1");
        assertEquals(1, outcome.exit());
        assertEquals(List.of("FAIL  outputs: standard input are of a stack in ap-southeast-1, Pulumi.app-use1.yaml"
                        + " deploys to us-east-1",
                "        fix: pass the outputs of this stack after its `up`: pulumi stack output --stack app-use1 --json"
                        + " | ./mvnw -q -DskipTests compile exec:java@verify -Dexec.args=\"app-use1\"",
                "1 hop(s), 1 failed: outputs"), outcome.lines().subList(1, outcome.lines().size()));

        // A spoke deployed before it exported its models.
        var older = outputs("app-apse1");
        older.remove("spokeModelIds");
        var missing = verify(APP_ACCOUNT, json(older), "app-apse1");
        assertEquals(1, missing.exit());
        assertTrue(missing.text().contains("FAIL  outputs: standard input: no output spokeModelIds (the model and"
                + " inference-profile ids this region's callers may name (the hub's invokeModelIds))"), missing.text());

        var garbage = verify(APP_ACCOUNT, "Current stack is app-use1", "app-use1");
        assertTrue(garbage.text().contains("FAIL  outputs: standard input: not the JSON object `pulumi stack output"
                + " --json` prints"), garbage.text());
    }

    @Test
    void credentialsOfAnotherAccountStopBeforeAnyFunctionIsCalled() throws Exception {
        function(ML_ACCOUNT, "us-east-1", "app-use1-app-invoker");
        var outcome = verify(ML_ACCOUNT, json(outputs("app-use1")), "app-use1");
        assertEquals(1, outcome.exit());
        assertTrue(outcome.text().contains("FAIL  account: the credentials (arn:aws:sts::" + ML_ACCOUNT), outcome.text());
        assertFalse(outcome.text().contains("stream "), "nothing is invoked with another account's credentials");
        assertEquals("2 hop(s), 1 failed: account", outcome.lines().get(outcome.lines().size() - 1));
    }

    // --- the alarm notification: the ML stack, whose alarms the committed files switch on ---

    @Test
    void anAlarmNotifiesItsTopicAndIsSetBackToOk() {
        String alarm = alarm("ml-use1", ML_ACCOUNT);
        var outcome = verify(ML_ACCOUNT, json(outputs("ml-use1")), "ml-use1");
        assertEquals(0, outcome.exit(), outcome.text());
        assertTrue(outcome.text().contains("pass  outputs: the ML stack in us-east-1\n"), outcome.text());
        assertTrue(outcome.text().contains("pass  alarm notification " + alarm + ": CloudWatch notified "
                + topic("ml-use1", ML_ACCOUNT, "us-east-1") + " ("), outcome.text());
        assertEquals("3 hop(s), 0 failed: ml-use1 works as deployed", outcome.lines().get(outcome.lines().size() - 1));
        assertEquals("OK", state(ML_ACCOUNT, "us-east-1", alarm));
        assertEquals(List.of("Alarm updated from OK to ALARM", "Successfully executed action "
                        + topic("ml-use1", ML_ACCOUNT, "us-east-1"), "Alarm updated from ALARM to OK",
                "Successfully executed action " + topic("ml-use1", ML_ACCOUNT, "us-east-1")),
                history.history(alarm).stream().map(i -> i.get("HistorySummary").getAsString()).toList());
    }

    @Test
    void anAlarmAlreadyInAlarmIsSetToOkFirstSinceOnlyAChangeNotifies() {
        String alarm = alarm("ml-use1", ML_ACCOUNT);
        history.delivery = AlarmHistoryStub.Delivery.NONE;
        setState(ML_ACCOUNT, "us-east-1", alarm, "ALARM");
        history.delivery = AlarmHistoryStub.Delivery.DELIVERED;
        var outcome = verify(ML_ACCOUNT, json(outputs("ml-use1")), "ml-use1");
        assertEquals(0, outcome.exit(), outcome.text());
        assertTrue(outcome.text().contains("pass  alarm notification " + alarm + ": it was in ALARM, so it was set to OK"
                + " first; CloudWatch notified "), outcome.text());
        assertEquals("OK", state(ML_ACCOUNT, "us-east-1", alarm));
    }

    @Test
    void aNotificationTheKeyRefusesFailsWithTheHistorysErrorAndTheAlarmIsStillReset() {
        String alarm = alarm("ml-use1", ML_ACCOUNT);
        history.delivery = AlarmHistoryStub.Delivery.DENIED;
        var outcome = verify(ML_ACCOUNT, json(outputs("ml-use1")), "ml-use1");
        assertEquals(1, outcome.exit(), outcome.text());
        assertTrue(outcome.text().contains("FAIL  alarm notification " + alarm + ": CloudWatch could not notify "
                + topic("ml-use1", ML_ACCOUNT, "us-east-1") + ": Failed to execute action "
                + topic("ml-use1", ML_ACCOUNT, "us-east-1") + ". Received error: \"CloudWatch Alarms does not have"
                + " authorization to access the SNS topic encryption key.\"\n        fix: the topic's key must let"
                + " cloudwatch.amazonaws.com use it for this alarm"), outcome.text());
        assertEquals("3 hop(s), 1 failed: alarm notification " + alarm, outcome.lines().get(outcome.lines().size() - 1));
        assertEquals("OK", state(ML_ACCOUNT, "us-east-1", alarm));
    }

    @Test
    void noNotificationWithinTheWaitFailsAndTheAlarmIsStillReset() {
        String alarm = alarm("ml-use1", ML_ACCOUNT);
        history.delivery = AlarmHistoryStub.Delivery.NONE;
        var outcome = verify(ML_ACCOUNT, json(outputs("ml-use1")), "ml-use1", "--alarm-wait", "1");
        assertEquals(1, outcome.exit(), outcome.text());
        assertTrue(outcome.text().contains("FAIL  alarm notification " + alarm + ": no notification to ["
                + topic("ml-use1", ML_ACCOUNT, "us-east-1") + "] in the alarm's history within 1 s of setting it to"
                + " ALARM\n        fix: read the alarm's history (aws cloudwatch describe-alarm-history --region us-east-1"
                + " --alarm-name " + alarm + " --history-item-type Action)"), outcome.text());
        assertEquals("OK", state(ML_ACCOUNT, "us-east-1", alarm));
    }

    @Test
    void anAlarmTheAccountLacksFails() {
        var outcome = verify(ML_ACCOUNT, json(outputs("ml-use1")), "ml-use1");
        assertEquals(1, outcome.exit(), outcome.text());
        var alarms = new ArrayList<String>();
        plan("ml-use1").ofType(AwsTypes.METRIC_ALARM).forEach(a -> alarms.add(a.string("name")));
        String first = alarms.stream().sorted().findFirst().orElseThrow();
        assertTrue(outcome.text().contains("FAIL  alarm notification " + first + ": no alarm " + first + " in us-east-1\n"
                + "        fix: deploy the stack first (pulumi up --stack ml-use1), with the credentials of account "
                + ML_ACCOUNT), outcome.text());
    }
}
