package com.example.bedrockstream.verify;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * CloudWatch's alarm history, which moto has none of: moto keeps the alarms and their states but neither runs an
 * alarm's actions nor serves DescribeAlarmHistory. Served on loopback in CloudWatch's JSON protocol in front of moto:
 * DescribeAlarmHistory is answered here, every other call goes to moto unchanged. When a SetAlarmState passed to moto
 * changes an alarm's state, the stub writes what CloudWatch would: a StateUpdate item and, for each action of the
 * new state, an Action item whose outcome the test chooses.
 */
final class AlarmHistoryStub implements AutoCloseable {
    static final String TARGET = "GraniteServiceVersion20100801.";

    /** What CloudWatch's run of an alarm action leaves in the history. */
    enum Delivery {
        /** SNS accepted the notification. */
        DELIVERED,
        /** The topic's key refused CloudWatch, as AWS words it. */
        DENIED,
        /** The action has not run (yet): no Action item. */
        NONE
    }

    volatile Delivery delivery = Delivery.DELIVERED;
    private final List<JsonObject> history = new ArrayList<>();
    private final URI moto;
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpServer server;

    AlarmHistoryStub(URI moto) throws IOException {
        this.moto = moto;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The items of one alarm, oldest first. */
    synchronized List<JsonObject> history(String alarm) {
        return history.stream().filter(i -> i.get("AlarmName").getAsString().equals(alarm)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (target.equals(TARGET + "DescribeAlarmHistory")) {
                answer(exchange, 200, describeHistory(JsonParser.parseString(new String(body, StandardCharsets.UTF_8))
                        .getAsJsonObject()).toString().getBytes(StandardCharsets.UTF_8), List.of());
            } else if (target.equals(TARGET + "SetAlarmState")) {
                var request = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                String alarm = request.get("AlarmName").getAsString();
                var before = alarm(exchange, alarm);
                var response = toMoto(exchange, body);
                if (response.statusCode() == 200 && before != null) {
                    recordChange(before, request.get("StateValue").getAsString());
                }
                forward(exchange, response);
            } else {
                forward(exchange, toMoto(exchange, body));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 500, new byte[0], List.of());
        } finally {
            exchange.close();
        }
    }

    private synchronized void recordChange(JsonObject alarm, String state) {
        String old = alarm.get("StateValue").getAsString();
        if (old.equals(state)) {
            return;
        }
        String name = alarm.get("AlarmName").getAsString();
        double now = Instant.now().toEpochMilli() / 1000.0;
        history.add(item(name, now, "StateUpdate", "Alarm updated from " + old + " to " + state));
        String actions = switch (state) {
            case "ALARM" -> "AlarmActions";
            case "OK" -> "OKActions";
            default -> "InsufficientDataActions";
        };
        if (delivery == Delivery.NONE || !alarm.has(actions)) {
            return;
        }
        alarm.getAsJsonArray(actions).forEach(topic -> history.add(item(name, now, "Action",
                delivery == Delivery.DELIVERED ? "Successfully executed action " + topic.getAsString()
                        : "Failed to execute action " + topic.getAsString() + ". Received error: \"CloudWatch Alarms"
                        + " does not have authorization to access the SNS topic encryption key.\"")));
    }

    private static JsonObject item(String alarm, double timestamp, String type, String summary) {
        var item = new JsonObject();
        item.addProperty("AlarmName", alarm);
        item.addProperty("AlarmType", "MetricAlarm");
        item.addProperty("Timestamp", timestamp);
        item.addProperty("HistoryItemType", type);
        item.addProperty("HistorySummary", summary);
        item.addProperty("HistoryData", "{}");
        return item;
    }

    private synchronized JsonObject describeHistory(JsonObject request) {
        var items = history.stream()
                .filter(i -> !request.has("AlarmName") || i.get("AlarmName").equals(request.get("AlarmName")))
                .filter(i -> !request.has("HistoryItemType") || i.get("HistoryItemType").equals(request.get("HistoryItemType")))
                .filter(i -> !request.has("StartDate")
                        || i.get("Timestamp").getAsDouble() >= request.get("StartDate").getAsDouble())
                .sorted(Comparator.comparingDouble((JsonObject i) -> i.get("Timestamp").getAsDouble()))
                .toList();
        var array = new JsonArray();
        var ordered = new ArrayList<>(items);
        if (request.has("ScanBy") && request.get("ScanBy").getAsString().equals("TimestampDescending")) {
            Collections.reverse(ordered);
        }
        ordered.forEach(array::add);
        var answer = new JsonObject();
        answer.add("AlarmHistoryItems", array);
        return answer;
    }

    /** The alarm as moto holds it, asked with the caller's own credentials and account. */
    private JsonObject alarm(HttpExchange exchange, String alarm) throws IOException, InterruptedException {
        var names = new JsonArray();
        names.add(alarm);
        var request = new JsonObject();
        request.add("AlarmNames", names);
        var response = send(exchange, TARGET + "DescribeAlarms", request.toString().getBytes(StandardCharsets.UTF_8));
        var found = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("MetricAlarms");
        return found == null || found.isEmpty() ? null : found.get(0).getAsJsonObject();
    }

    private HttpResponse<String> toMoto(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        return send(exchange, exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
    }

    private HttpResponse<String> send(HttpExchange exchange, String target, byte[] body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(moto.resolve("/")).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-Amz-Target", target);
        // moto reads the region from the signature's scope and the account from its own header.
        for (String header : List.of("Content-Type", "Authorization", "X-Amz-Date", "x-moto-account-id")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void forward(HttpExchange exchange, HttpResponse<String> response) throws IOException {
        var headers = new ArrayList<String[]>();
        for (String name : List.of("Content-Type", "x-amzn-query-error", "X-Amzn-Errortype")) {
            response.headers().firstValue(name).ifPresent(v -> headers.add(new String[] {name, v}));
        }
        answer(exchange, response.statusCode(), response.body().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body, List<String[]> headers)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        headers.stream().filter(h -> !h[0].equals("Content-Type")).forEach(h -> exchange.getResponseHeaders().add(h[0], h[1]));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
