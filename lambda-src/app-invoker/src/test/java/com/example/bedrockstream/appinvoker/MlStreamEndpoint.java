package com.example.bedrockstream.appinvoker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The whole stream path on 127.0.0.1: {@code ml-stream/bench/e2e-server.mjs} (Bedrock mock speaking the real
 * event-stream codec, the real ML bundle under the Lambda response-streaming stand-in, and an endpoint speaking
 * InvokeWithResponseStream's wire format) in a Node process. The answer is scripted by the prompt; see
 * {@code ml-stream/test/support/lambda-endpoint.mjs}.
 */
final class MlStreamEndpoint implements AutoCloseable {

    /** On the ML function's allow-list in the e2e server, a Claude model so the mock streams Claude deltas. */
    static final String MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process node;
    private final URI url;
    private final HttpClient http = HttpClient.newHttpClient();

    private MlStreamEndpoint(Process node, URI url) {
        this.node = node;
        this.url = url;
    }

    /** The ml-stream folder: the build passes it; run from app-invoker/ it is the sibling folder. */
    static Path mlStreamDir() {
        return Path.of(System.getProperty("mlStream.dir", "../ml-stream")).toAbsolutePath().normalize();
    }

    static MlStreamEndpoint start(Path log) throws IOException {
        Path dir = mlStreamDir();
        if (!Files.isRegularFile(dir.resolve("dist/index.mjs")) || !Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("The end-to-end endpoint runs the built ML bundle: run `npm ci && npm run "
                    + "build` in " + dir + " first (the root Maven build does)");
        }
        Files.createDirectories(log.getParent());
        Process node = new ProcessBuilder("node", "bench/e2e-server.mjs")
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            node.destroy();
            throw new IllegalStateException("e2e-server.mjs exited before listening; see " + log);
        }
        return new MlStreamEndpoint(node, URI.create((String) JSON.readValue(line, Map.class).get("url")));
    }

    /** Where it listens: the Lambda API, and STS AssumeRole on {@code POST /}. */
    URI url() {
        return url;
    }

    /** The application's config pointed at this endpoint, with {@code extra} variables on top. */
    Config config(Map<String, String> extra) {
        Map<String, String> env = TestConfigs.env();
        env.put(Config.LAMBDA_ENDPOINT, url.toString());
        env.putAll(extra);
        return Config.fromEnv(env);
    }

    /** A valid ML-function request whose prompt is the mock's script, e.g. {@code chunks}, {@code failAfter}. */
    static Map<String, Object> request(Map<String, Object> script) {
        try {
            return Map.of("modelId", MODEL_ID, "body", Map.of(
                    "anthropic_version", "bedrock-2023-05-31",
                    "max_tokens", 1000,
                    "messages", List.of(Map.of("role", "user", "content", JSON.writeValueAsString(script)))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text the mock model streams for a script without {@code stamp}: "[i]" padded with x to {@code bytes}. */
    static String expectedText(int chunks, int bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            String head = "[" + i + "]";
            text.append(head).append("x".repeat(Math.max(0, bytes - head.length())));
        }
        return text.toString();
    }

    /** How many invocations the endpoint has begun; the next one will be number {@code started() + 1}. */
    int started() throws IOException, InterruptedException {
        return (Integer) get().get("started");
    }

    /**
     * What the endpoint sees of invocation number {@code n} right now (null before it began): outcome
     * ({@code running}, then {@code ok}, {@code error}, {@code cut} or {@code caller-gone}), errorName, chunks and
     * bytes framed, waitingForReader, readerStalls, maxQueuedBytes (bytes waiting for the reader's socket), and once
     * finished handlerStalls (writes the ML function had to wait on) and durationMs.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> record(int n) throws IOException, InterruptedException {
        for (Map<String, Object> record : (List<Map<String, Object>>) get().get("records")) {
            if (((Integer) record.get("n")) == n) {
                return record;
            }
        }
        return null;
    }

    /** Waits (up to 10 s) for invocation number {@code n} to finish at the endpoint, and returns its record. */
    Map<String, Object> awaitRecord(int n) throws IOException, InterruptedException {
        return await(n, record -> !"running".equals(record.get("outcome")), "finish");
    }

    /** Waits (up to 10 s) until invocation number {@code n}'s record satisfies {@code condition}, and returns it. */
    Map<String, Object> await(int n, Predicate<Map<String, Object>> condition, String what)
            throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            Map<String, Object> record = record(n);
            if (record != null && condition.test(record)) {
                return record;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < until);
        throw new AssertionError("invocation " + n + " did not " + what + " at the endpoint within 10 s: " + record(n));
    }

    private Map<String, Object> get() throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(url.resolve("/records")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(res.body(), new TypeReference<>() { });
    }

    @Override
    public void close() throws InterruptedException, IOException {
        node.getOutputStream().close(); // the server exits when its stdin closes
        if (!node.waitFor(5, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }
}
