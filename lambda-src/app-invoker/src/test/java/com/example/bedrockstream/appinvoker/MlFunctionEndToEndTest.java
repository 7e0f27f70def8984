package com.example.bedrockstream.appinvoker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Application Lambda's reader (real SDK v2 async client, assumed-role wiring with a mocked STS) against the
 * whole stream path: Bedrock mock, the real ML bundle under the response-streaming stand-in, and an endpoint speaking
 * InvokeWithResponseStream's wire format (see {@link MlStreamEndpoint}).
 */
class MlFunctionEndToEndTest {

    private static final long MiB = 1024 * 1024;
    private static MlStreamEndpoint endpoint;

    @BeforeAll
    static void startEndpoint() throws Exception {
        endpoint = MlStreamEndpoint.start(Path.of("target", "e2e-server.log"));
    }

    @AfterAll
    static void stopEndpoint() throws Exception {
        endpoint.close();
    }

    private static StreamingInvoker invoker(Map<String, String> env) {
        return StreamingInvoker.create(endpoint.config(env),
                AwsClientsTest.stsReturning(AwsClientsTest.credentials("ASIAE2E", Duration.ofHours(1))));
    }

    private static Handler handler(Map<String, String> env) {
        StreamingInvoker invoker = invoker(env);
        return new Handler(() -> invoker);
    }

    @Test
    void relaysTheMlFunctionsAnswerWhole() throws Exception {
        int n = endpoint.started() + 1;

        Map<String, Object> result = handler(Map.of()).handleRequest(
                MlStreamEndpoint.request(Map.of("chunks", 40, "bytes", 12)), null);

        assertEquals(MlStreamEndpoint.expectedText(40, 12), result.get("text"));
        assertEquals(40, result.get("chunks"));
        assertEquals("ok", endpoint.awaitRecord(n).get("outcome"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"modelStreamErrorException", "throttlingException"})
    void errorMidStreamSurfacesAsTypedErrorNamingTheMlFunctionsError(String bedrockError) {
        Handler handler = handler(Map.of());
        Map<String, Object> request = MlStreamEndpoint.request(
                Map.of("chunks", 10, "failAfter", 4, "failWith", bedrockError));

        MlFunctionException e = assertThrows(MlFunctionException.class, () -> handler.handleRequest(request, null));

        String name = Character.toUpperCase(bedrockError.charAt(0)) + bedrockError.substring(1);
        assertEquals(name, e.errorCode());
        assertTrue(e.errorDetails().contains(name), e.errorDetails());
        assertTrue(e.getMessage().contains("errorCode=" + name), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"end", "reset"})
    void streamCutBeforeInvokeCompleteIsAnErrorNotAShortAnswer(String cut) throws Exception {
        Handler handler = handler(Map.of());
        int n = endpoint.started() + 1;
        Map<String, Object> request = MlStreamEndpoint.request(Map.of("chunks", 10, "cutAfter", 4, "cut", cut));

        InvocationFailedException e = assertThrows(InvocationFailedException.class,
                () -> handler.handleRequest(request, null));

        if (cut.equals("end")) {
            assertEquals("Response stream ended without InvokeComplete after 4 chunks", e.getMessage());
        }
        assertEquals("cut", endpoint.awaitRecord(n).get("outcome"));
    }

    @Test
    void slowReaderHoldsTheMlFunctionBackAndGetsEveryByteInOrder() throws Exception {
        int chunks = 2560;
        int bytes = 4096;
        int n = endpoint.started() + 1;
        StringBuilder heads = new StringBuilder();
        AtomicLong received = new AtomicLong();
        AtomicReference<Map<String, Object>> whilePaused = new AtomicReference<>();

        // The reader stops at its first piece until the ML function has to wait for it, then reads on.
        StreamResult result = invoker(Map.of()).stream(
                MlStreamEndpoint.request(Map.of("chunks", chunks, "bytes", bytes)), OptionalLong.empty(), piece -> {
                    if (received.getAndAdd(piece.length()) == 0) {
                        whilePaused.set(awaitUnchecked(n, r -> Boolean.TRUE.equals(r.get("waitingForReader"))));
                    }
                    String text = piece.toString();
                    for (int at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) {
                        heads.append(text, at, text.indexOf(']', at) + 1);
                    }
                });

        assertEquals((long) chunks * bytes, received.get());
        assertEquals(IntStream.range(0, chunks).mapToObj(i -> "[" + i + "]").collect(Collectors.joining()),
                heads.toString(), "every chunk, in order");
        assertEquals(chunks, result.chunks());
        assertEquals("", result.text(), "streamed text is not kept");
        assertTrue((Integer) whilePaused.get().get("bytes") < chunks * bytes / 2,
                "the ML function was held back early: " + whilePaused.get());
        Map<String, Object> record = endpoint.awaitRecord(n);
        assertEquals("ok", record.get("outcome"));
        assertTrue((Integer) record.get("handlerStalls") > 0, "the ML function waited for the reader: " + record);
        assertTrue((Integer) record.get("maxQueuedBytes") < MiB, "the endpoint did not pile up the answer: " + record);
    }

    private static Map<String, Object> awaitUnchecked(int n, Predicate<Map<String, Object>> condition) {
        try {
            return endpoint.await(n, condition, "wait for the reader");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void collectingPastTheCapFailsClearlyAndStopsTheMlFunction() throws Exception {
        Handler handler = handler(Map.of(Config.MAX_ANSWER_BYTES, "65536"));
        int n = endpoint.started() + 1;
        Map<String, Object> request = MlStreamEndpoint.request(Map.of("chunks", 4000, "bytes", 1024));

        AnswerTooLargeException e = assertThrows(AnswerTooLargeException.class,
                () -> handler.handleRequest(request, null));

        assertTrue(e.getMessage().startsWith("The ML function's answer exceeded MAX_ANSWER_BYTES (65536 bytes): "
                + "66560 bytes had arrived"), e.getMessage());
        Map<String, Object> record = endpoint.awaitRecord(n);
        assertEquals("caller-gone", record.get("outcome"));
        assertTrue((Integer) record.get("chunks") < 4000, "the ML function stopped early: " + record);
    }

    @Test
    void streamingReaderMemoryIsFlatInTheAnswersLength() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> samples = new ArrayList<>();
        AtomicLong received = new AtomicLong();
        AtomicInteger mib = new AtomicInteger();

        invoker(Map.of()).stream(MlStreamEndpoint.request(Map.of("chunks", 2560, "bytes", 4096)),
                OptionalLong.empty(), piece -> {
                    if (received.addAndGet(piece.length()) / MiB > mib.get()) {
                        mib.incrementAndGet();
                        System.gc();
                        samples.add(memory.getHeapMemoryUsage().getUsed());
                    }
                });

        assertEquals(10, samples.size());
        // Medians of the first and last three samples ride out what the SDK and netty hold transiently;
        // keeping the answer would add about 10 MiB.
        long growth = median3(samples.subList(7, 10)) - median3(samples.subList(0, 3));
        assertTrue(growth < 3 * MiB, "heap grew by " + growth / MiB + " MiB while streaming 10 MiB");
    }

    private static long median3(List<Long> xs) {
        return xs.stream().sorted().toList().get(1);
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
