package com.example.bedrockstream.appinvoker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The real SDK clients (netty, SigV4, event-stream parsing) against a local server that answers
 * in Lambda's wire format. Only STS is a mock.
 */
class EndToEndTest {

    private static final Map<String, Object> REQUEST = Map.of(
            "modelId", "us.anthropic.claude-3-5-haiku-20241022-v1:0",
            "body", Map.of("max_tokens", 64, "messages", List.of(Map.of("role", "user", "content", "Grüß dich"))));

    private HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Consumer<HttpExchange> responder;

    record Recorded(String path, String authorization, String securityToken, byte[] body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Recorded(
                        URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"),
                        exchange.getRequestBody().readAllBytes()));
                responder.accept(exchange);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Handler handler(StsClient sts) {
        Map<String, String> env = TestConfigs.env();
        env.put("LAMBDA_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort());
        Config config = Config.fromEnv(env);
        return new Handler(() -> StreamingInvoker.create(config, sts));
    }

    @Test
    void streamsTextThroughTheRealClientWithAssumedRoleCredentialsCachedAcrossInvocations() throws Exception {
        byte[] tail = "ß!".getBytes(StandardCharsets.UTF_8); // ß is two bytes: split it across two events
        responder = exchange -> stream(exchange,
                chunk("Grü".getBytes(StandardCharsets.UTF_8)),
                chunk(new byte[] {tail[0]}),
                chunk(new byte[] {tail[1], tail[2]}),
                complete(null, null));
        StsClient sts = AwsClientsTest.stsReturning(AwsClientsTest.credentials("ASIAE2E", Duration.ofHours(1)));
        Handler handler = handler(sts);

        Map<String, Object> first = handler.handleRequest(REQUEST, null);
        Map<String, Object> second = handler.handleRequest(REQUEST, null);

        assertEquals("Grüß!", first.get("text"));
        assertEquals(3, first.get("chunks"));
        assertTrue((Long) first.get("timeToFirstByteMs") >= 0);
        assertTrue((Long) first.get("totalMs") >= (Long) first.get("timeToFirstByteMs"));
        assertEquals("Grüß!", second.get("text"));

        verify(sts, times(1)).assumeRole(any(AssumeRoleRequest.class));
        assertEquals(2, requests.size());
        for (Recorded r : requests) {
            assertEquals("/2021-11-15/functions/" + TestConfigs.FUNCTION_ARN + "/response-streaming-invocations", r.path());
            assertTrue(r.authorization().startsWith("AWS4-HMAC-SHA256 Credential=ASIAE2E/"), r.authorization());
            assertTrue(r.authorization().contains("/us-east-1/lambda/aws4_request"), r.authorization());
            assertEquals("token-ASIAE2E", r.securityToken());
            assertEquals(REQUEST, new ObjectMapper().readValue(r.body(), Map.class));
        }
    }

    @Test
    void functionErrorOnTheWireFailsTheInvocation() {
        responder = exchange -> stream(exchange,
                chunk("partial".getBytes(StandardCharsets.UTF_8)),
                complete("Unhandled", "ModelStreamErrorException: stream broke"));
        Handler handler = handler(AwsClientsTest.stsReturning(AwsClientsTest.credentials("ASIAE2E", Duration.ofHours(1))));

        MlFunctionException e = assertThrows(MlFunctionException.class, () -> handler.handleRequest(REQUEST, null));

        assertEquals("Unhandled", e.errorCode());
        assertEquals("ModelStreamErrorException: stream broke", e.errorDetails());
    }

    @Test
    void throttlingOnTheWireIsRetriedThenReported() {
        responder = exchange -> respond(exchange, 429, "TooManyRequestsException",
                "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\","
                        + "\"message\":\"Rate Exceeded.\"}");
        Handler handler = handler(AwsClientsTest.stsReturning(AwsClientsTest.credentials("ASIAE2E", Duration.ofHours(1))));

        ThrottledException e = assertThrows(ThrottledException.class, () -> handler.handleRequest(REQUEST, null));

        assertTrue(e.getMessage().startsWith("Throttled: Lambda returned TooManyRequestsException (HTTP 429, reason "
                + "ReservedFunctionConcurrentInvocationLimitExceeded)"), e.getMessage());
        assertTrue(requests.size() > 1, "the SDK retries throttling before giving up: " + requests.size());
    }

    private static Message chunk(byte[] payload) {
        return event("PayloadChunk", "application/octet-stream", payload);
    }

    private static Message complete(String errorCode, String errorDetails) {
        Map<String, String> body = new LinkedHashMap<>();
        if (errorCode != null) {
            body.put("ErrorCode", errorCode);
            body.put("ErrorDetails", errorDetails);
        }
        body.put("LogResult", "");
        try {
            return event("InvokeComplete", "application/json", new ObjectMapper().writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message event(String type, String contentType, byte[] payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString(contentType));
        return new Message(headers, payload);
    }

    /** Sends each event as its own flushed HTTP chunk, as Lambda does while the function writes. */
    private static void stream(HttpExchange exchange, Message... events) {
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (Message event : events) {
                event.encode(out);
                out.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String errorType, String json) {
        try {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
