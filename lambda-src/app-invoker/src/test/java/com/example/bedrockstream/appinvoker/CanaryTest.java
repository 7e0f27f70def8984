package com.example.bedrockstream.appinvoker;

import static com.example.bedrockstream.appinvoker.Events.chunk;
import static com.example.bedrockstream.appinvoker.Events.complete;
import static com.example.bedrockstream.appinvoker.Events.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;

/** A canary run reports its result as EMF with the shared definition's names, and never the prompt or the answer. */
@ExtendWith(MockitoExtension.class)
class CanaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "ap-southeast-1";
    private static final Map<String, Object> RUN = Map.of("canary", true, "modelId", "m",
            "messages", List.of(Map.of("role", "user", "content", List.of(Map.of("text", "SECRET-PROMPT")))));

    /** The canary section of lambda-src/ml-stream/metrics.json, read from the source file, not the jar. */
    private static JsonNode definition;

    @Mock
    private LambdaAsyncClient lambda;

    private final List<String> logged = new ArrayList<>();

    @BeforeAll
    static void readDefinition() throws Exception {
        Path file = Path.of(System.getProperty("mlStream.dir", "../ml-stream"), "metrics.json");
        definition = JSON.readTree(file.toFile()).path("canary");
    }

    private Handler handler() {
        return new Handler(() -> new StreamingInvoker(TestConfigs.config(), lambda, System::nanoTime), REGION);
    }

    @Test
    void aRunThatStreamsReportsSuccessAndTimeToFirstByteUnderTheSharedNames() throws Exception {
        FakeLambda.streams(lambda, chunk("SECRET-COMPLETION"), complete());
        long before = System.currentTimeMillis();

        Map<String, Object> result = handler().handleRequest(RUN, context());

        assertEquals(Map.of("canary", true, "success", true), Map.of("canary", result.get("canary"),
                "success", result.get("success")));
        assertFalse(result.containsKey("text"), "a canary run returns no text");
        JsonNode emf = emf();
        JsonNode directive = emf.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(definition.path("namespace").asText(), directive.path("Namespace").asText());
        assertEquals(JSON.createArrayNode().add(definition.path("dimensions")), directive.path("Dimensions"));
        var expected = JSON.createArrayNode();
        definition.path("metrics").forEach(m -> expected.addObject().put("Name", m.path("name").asText())
                .put("Unit", m.path("unit").asText()));
        assertEquals(expected, directive.path("Metrics"), "names and units as metrics.json has them");
        assertEquals(REGION, emf.path(definition.path("dimensions").get(0).asText()).asText());
        assertEquals(1, emf.path("Success").asInt());
        assertTrue(emf.path("TimeToFirstByte").asLong() >= 0);
        assertEquals(result.get("timeToFirstByteMs"), emf.path("TimeToFirstByte").asLong());
        assertTrue(emf.path("_aws").path("Timestamp").asLong() >= before);
        assertNoContentLogged();
    }

    @Test
    void theCanaryMarkIsNotSentToTheMlFunction() throws Exception {
        FakeLambda.streams(lambda, chunk("OK"), complete());

        handler().handleRequest(RUN, context());

        var sent = ArgumentCaptor.forClass(InvokeWithResponseStreamRequest.class);
        verify(lambda).invokeWithResponseStream(sent.capture(), any());
        var payload = JSON.readValue(sent.getValue().payload().asByteArray(), Map.class);
        assertFalse(payload.containsKey("canary"), payload.toString());
        assertEquals(RUN.get("messages"), payload.get("messages"));
    }

    @Test
    void aFailedRunIsReportedAsZeroSuccessNotThrown() throws Exception {
        FakeLambda.streams(lambda, failed("ThrottlingException", "SECRET-DETAILS"));

        Map<String, Object> result = handler().handleRequest(RUN, context());

        assertEquals(false, result.get("success"));
        JsonNode emf = emf();
        assertEquals(0, emf.path("Success").asInt());
        assertFalse(emf.has("TimeToFirstByte"), "no first byte to report");
        assertEquals(List.of("Success"), names(emf));
        assertTrue(logged.contains("canary failed: ML function errorCode=ThrottlingException\n"), logged.toString());
        assertNoContentLogged();
    }

    @Test
    void aRunWithNoTextIsAFailure() throws Exception {
        FakeLambda.streams(lambda, complete());

        Map<String, Object> result = handler().handleRequest(RUN, context());

        assertEquals(false, result.get("success"));
        assertEquals(0, emf().path("Success").asInt());
    }

    @Test
    void aFunctionThatCannotStartStillReportsTheRun() throws Exception {
        Map<String, String> env = TestConfigs.env();
        env.remove("EXTERNAL_ID");
        Handler handler = new Handler(() -> StreamingInvoker.create(Config.fromEnv(env)), REGION);

        Map<String, Object> result = handler.handleRequest(RUN, context());

        assertEquals(false, result.get("success"));
        assertEquals(0, emf().path("Success").asInt());
        assertTrue(logged.contains("canary failed: IllegalStateException\n"), logged.toString());
        verifyNoInteractions(lambda);
    }

    @Test
    void aDefinitionWithoutAMetricTheCanaryWritesIsRefused() {
        var incomplete = definition.deepCopy();
        ((ArrayNode) incomplete.path("metrics")).remove(1);

        var e = assertThrows(IllegalStateException.class, () -> CanaryMetrics.from(incomplete));

        assertEquals("metrics.json defines no canary metric TimeToFirstByte", e.getMessage());
    }

    @Test
    void theJarCarriesTheSameDefinition() {
        CanaryMetrics packaged = CanaryMetrics.load();
        String fromJar = packaged.failure(REGION, 1L);
        String fromSource = CanaryMetrics.from(definition).failure(REGION, 1L);

        assertEquals(fromSource, fromJar);
    }

    private JsonNode emf() throws Exception {
        var lines = logged.stream().filter(l -> l.startsWith("{")).toList();
        assertEquals(1, lines.size(), "one EMF line per run: " + logged);
        return JSON.readTree(lines.get(0));
    }

    private static List<String> names(JsonNode emf) {
        var out = new ArrayList<String>();
        emf.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").forEach(m -> out.add(m.path("Name").asText()));
        return out;
    }

    private void assertNoContentLogged() {
        assertFalse(String.join("", logged).contains("SECRET"), logged.toString());
    }

    private Context context() {
        Context context = mock(Context.class);
        when(context.getLogger()).thenReturn(new LambdaLogger() {
            @Override
            public void log(String message) {
                logged.add(message);
            }

            @Override
            public void log(byte[] message) {
                logged.add(new String(message, StandardCharsets.UTF_8));
            }
        });
        return context;
    }
}
