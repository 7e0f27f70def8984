package com.example.bedrockstream.preflight;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account state moto cannot hold, served on loopback in AWS's wire format for the SDK's real clients: Lambda's
 * GetAccountSettings and GetFunctionConcurrency (moto has no concurrency quota to set), Bedrock's foundation models,
 * inference profiles and model availability (moto has none of these), and Service Quotas' lists (moto's are fixed,
 * VPC only). Nothing else: the rest of the account is moto's.
 */
final class AccountApiStub implements AutoCloseable {
    int concurrencyQuota = 1000;
    int unreservedConcurrency = 1000;
    final Map<String, Integer> functionConcurrency = new HashMap<>();
    /** Foundation-model id to its lifecycle status, the same in every region. */
    final Map<String, String> modelStatus = new HashMap<>();
    /** Foundation-model ids offered on demand; the others only through inference profiles. */
    final List<String> onDemand = new java.util.ArrayList<>();
    /** Inference-profile id to its destination regions. */
    final Map<String, List<String>> profiles = new HashMap<>();
    /** Foundation-model id to its agreement status (AVAILABLE when not set). */
    final Map<String, String> agreement = new HashMap<>();
    /** Service code to quota name to value: the applied quotas of the account. */
    final Map<String, Map<String, Double>> quotas = new HashMap<>();

    private final HttpServer server;

    AccountApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** An ordinary account: quota 1000, the committed models Active and agreed to, AWS's default quotas. */
    static AccountApiStub ordinaryAccount() throws IOException {
        var stub = new AccountApiStub();
        List<String> us = List.of("us-east-1", "us-east-2", "us-west-2");
        stub.profiles.put("us.anthropic.claude-haiku-4-5-20251001-v1:0", us);
        stub.profiles.put("us.anthropic.claude-sonnet-4-5-20250929-v1:0", us);
        stub.modelStatus.put("anthropic.claude-haiku-4-5-20251001-v1:0", "ACTIVE");
        stub.modelStatus.put("anthropic.claude-sonnet-4-5-20250929-v1:0", "ACTIVE");
        stub.modelStatus.put("amazon.nova-lite-v1:0", "ACTIVE");
        stub.onDemand.add("amazon.nova-lite-v1:0");
        stub.quotas.put("vpc", new HashMap<>(Map.of("Interface VPC endpoints per VPC", 50.0)));
        stub.quotas.put("ec2", new HashMap<>(Map.of("Transit gateways per account", 5.0)));
        stub.quotas.put("sagemaker", new HashMap<>(Map.of("ml.t3.medium for notebook instance usage", 4.0)));
        return stub;
    }

    /** A new account as AWS opens many now: 10 concurrent executions, none of which may be reserved. */
    AccountApiStub asNewAccount() {
        concurrencyQuota = 10;
        unreservedConcurrency = 10;
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        try {
            if (target != null && target.startsWith("ServiceQuotasV20190624.")) {
                var request = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)).getAsJsonObject();
                var list = new JsonArray();
                if (target.endsWith(".ListServiceQuotas")) {
                    String code = request.get("ServiceCode").getAsString();
                    quotas.getOrDefault(code, Map.of()).forEach((name, value) -> {
                        var quota = new JsonObject();
                        quota.addProperty("ServiceCode", code);
                        quota.addProperty("QuotaName", name);
                        quota.addProperty("Value", value);
                        list.add(quota);
                    });
                }
                var body = new JsonObject();
                body.add("Quotas", list);
                send(exchange, 200, body, null);
            } else if (path.startsWith("/2016-08-19/account-settings")) {
                var limit = new JsonObject();
                limit.addProperty("ConcurrentExecutions", concurrencyQuota);
                limit.addProperty("UnreservedConcurrentExecutions", unreservedConcurrency);
                var body = new JsonObject();
                body.add("AccountLimit", limit);
                send(exchange, 200, body, null);
            } else if (path.startsWith("/2019-09-30/functions/") && path.endsWith("/concurrency")) {
                String function = path.substring("/2019-09-30/functions/".length(), path.length() - "/concurrency".length());
                Integer reserved = functionConcurrency.get(function);
                if (reserved == null) {
                    send(exchange, 404, message("Function not found: " + function), "ResourceNotFoundException");
                } else {
                    var body = new JsonObject();
                    body.addProperty("ReservedConcurrentExecutions", reserved);
                    send(exchange, 200, body, null);
                }
            } else if (path.startsWith("/foundation-models/")) {
                foundationModel(exchange, path.substring("/foundation-models/".length()));
            } else if (path.startsWith("/inference-profiles/")) {
                inferenceProfile(exchange, path.substring("/inference-profiles/".length()));
            } else if (path.startsWith("/foundation-model-availability/")) {
                String id = path.substring("/foundation-model-availability/".length());
                var body = new JsonObject();
                body.addProperty("modelId", id);
                var agreed = new JsonObject();
                agreed.addProperty("status", agreement.getOrDefault(id, "AVAILABLE"));
                body.add("agreementAvailability", agreed);
                body.addProperty("authorizationStatus", "AUTHORIZED");
                body.addProperty("entitlementAvailability", "AVAILABLE");
                body.addProperty("regionAvailability", modelStatus.containsKey(id) ? "AVAILABLE" : "NOT_AVAILABLE");
                send(exchange, 200, body, null);
            } else {
                send(exchange, 400, message("the stub does not serve " + path), "UnknownOperationException");
            }
        } finally {
            exchange.close();
        }
    }

    private void foundationModel(HttpExchange exchange, String id) throws IOException {
        String status = modelStatus.get(id);
        if (status == null) {
            send(exchange, 404, message("The provided model identifier is invalid."), "ResourceNotFoundException");
            return;
        }
        var details = new JsonObject();
        details.addProperty("modelId", id);
        details.addProperty("modelArn", "arn:aws:bedrock:us-east-1::foundation-model/" + id);
        details.addProperty("responseStreamingSupported", true);
        var types = new JsonArray();
        types.add(onDemand.contains(id) ? "ON_DEMAND" : "INFERENCE_PROFILE");
        details.add("inferenceTypesSupported", types);
        var lifecycle = new JsonObject();
        lifecycle.addProperty("status", status);
        details.add("modelLifecycle", lifecycle);
        var body = new JsonObject();
        body.add("modelDetails", details);
        send(exchange, 200, body, null);
    }

    private void inferenceProfile(HttpExchange exchange, String id) throws IOException {
        var regions = profiles.get(id);
        if (regions == null) {
            send(exchange, 404, message("The inference profile " + id + " does not exist."), "ResourceNotFoundException");
            return;
        }
        var models = new JsonArray();
        String model = id.substring(id.indexOf('.') + 1);
        regions.forEach(r -> {
            var m = new JsonObject();
            m.addProperty("modelArn", "arn:aws:bedrock:" + r + "::foundation-model/" + model);
            models.add(m);
        });
        var body = new JsonObject();
        body.addProperty("inferenceProfileId", id);
        body.addProperty("inferenceProfileName", id);
        body.addProperty("inferenceProfileArn", "arn:aws:bedrock:us-east-1:000000000000:inference-profile/" + id);
        body.addProperty("status", "ACTIVE");
        body.addProperty("type", "SYSTEM_DEFINED");
        body.add("models", models);
        send(exchange, 200, body, null);
    }

    private static JsonObject message(String text) {
        var body = new JsonObject();
        body.addProperty("message", text);
        body.addProperty("Message", text);
        return body;
    }

    private static void send(HttpExchange exchange, int status, JsonObject body, String errorType) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            body.addProperty("__type", errorType);
            bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
