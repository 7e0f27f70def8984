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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;

@ExtendWith(MockitoExtension.class)
class HandlerTest {

    private static final Map<String, Object> REQUEST = Map.of("modelId", "m", "body", Map.of("x", 1));

    @Mock
    private LambdaAsyncClient lambda;

    private final AtomicInteger builds = new AtomicInteger();

    private Handler handler() {
        return new Handler(() -> {
            builds.incrementAndGet();
            return new StreamingInvoker(TestConfigs.config(), lambda, System::nanoTime);
        });
    }

    @Test
    void clientsAreBuiltOnceAndReusedAcrossInvocations() {
        FakeLambda.streams(lambda, chunk("hi"), complete());
        Handler handler = handler();

        Map<String, Object> first = handler.handleRequest(REQUEST, null);
        Map<String, Object> second = handler.handleRequest(REQUEST, null);

        assertEquals(1, builds.get());
        assertEquals("hi", first.get("text"));
        assertEquals("hi", second.get("text"));
        assertEquals(List.of("text", "timeToFirstByteMs", "totalMs", "chunks"), List.copyOf(first.keySet()));
        assertEquals(1, first.get("chunks"));
    }

    @Test
    void logsSizesAndTimingsButNeverThePromptOrTheCompletion() {
        FakeLambda.streams(lambda, chunk("SECRET-COMPLETION"), complete());
        StringBuilder logged = new StringBuilder();
        Context context = recordingContext(logged);

        handler().handleRequest(Map.of("modelId", "m", "body", Map.of("prompt", "SECRET-PROMPT")), context);

        assertTrue(logged.toString().startsWith("invoke ok: chunks=1 textChars=17 timeToFirstByteMs="),
                logged.toString());
        assertFalse(logged.toString().contains("SECRET"), logged.toString());
    }

    @Test
    void functionErrorIsLoggedByCodeOnly() {
        FakeLambda.streams(lambda, failed("Unhandled", "SECRET-DETAILS"));
        StringBuilder logged = new StringBuilder();
        Context context = recordingContext(logged);

        assertThrows(MlFunctionException.class, () -> handler().handleRequest(REQUEST, context));

        assertEquals("invoke failed: ML function errorCode=Unhandled\n", logged.toString());
    }

    @Test
    void tellsTheMlFunctionWhenThisFunctionStopsWaiting() throws Exception {
        FakeLambda.streams(lambda, chunk("hi"), complete());
        Context context = recordingContext(new StringBuilder());
        when(context.getRemainingTimeInMillis()).thenReturn(120_000);

        long before = System.currentTimeMillis();
        handler().handleRequest(REQUEST, context);
        long after = System.currentTimeMillis();

        var sent = ArgumentCaptor.forClass(InvokeWithResponseStreamRequest.class);
        verify(lambda).invokeWithResponseStream(sent.capture(), any());
        var payload = new ObjectMapper().readValue(sent.getValue().payload().asByteArray(), Map.class);
        long deadline = ((Number) payload.get("deadlineMs")).longValue();
        assertTrue(deadline >= before + 120_000 - Handler.DEADLINE_MARGIN_MS
                && deadline <= after + 120_000 - Handler.DEADLINE_MARGIN_MS, "deadlineMs " + deadline);
        assertEquals(Map.of("modelId", "m", "body", Map.of("x", 1)),
                Map.of("modelId", payload.get("modelId"), "body", payload.get("body")), "the request itself is unchanged");
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        Handler handler = handler();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(Map.of("modelId", 7, "body", Map.of()), null));

        assertEquals("Request field 'modelId' must be a string, got Integer", e.getMessage());
        verifyNoInteractions(lambda);
    }

    @Test
    void missingEnvironmentVariableIsNamedOnEveryInvocation() {
        Map<String, String> env = TestConfigs.env();
        env.remove("EXTERNAL_ID");
        Handler handler = new Handler(() -> {
            builds.incrementAndGet();
            return StreamingInvoker.create(Config.fromEnv(env));
        });

        for (int i = 0; i < 2; i++) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> handler.handleRequest(REQUEST, null));
            assertEquals("Environment variable EXTERNAL_ID is required but is not set", e.getMessage());
        }
        assertEquals(2, builds.get());
    }

    private static Context recordingContext(StringBuilder logged) {
        Context context = mock(Context.class);
        when(context.getLogger()).thenReturn(new LambdaLogger() {
            @Override
            public void log(String message) {
                logged.append(message);
            }

            @Override
            public void log(byte[] message) {
                logged.append(new String(message, StandardCharsets.UTF_8));
            }
        });
        return context;
    }
}
