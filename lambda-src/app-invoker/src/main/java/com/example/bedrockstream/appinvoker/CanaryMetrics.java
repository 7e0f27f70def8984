package com.example.bedrockstream.appinvoker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a canary run's result as one CloudWatch embedded-metric-format (EMF) line: Success (1 or 0) and, when a byte
 * arrived, TimeToFirstByte, with the region as the only dimension. Namespace, names, units and dimension come from the
 * canary section of metrics.json, the file the Pulumi program builds the canary's alarm and graphs from; the build
 * packages it in this jar.
 */
final class CanaryMetrics {
    static final String RESOURCE = "/ml-stream/metrics.json";
    static final String SUCCESS = "Success";
    static final String TIME_TO_FIRST_BYTE = "TimeToFirstByte";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespace;
    private final String dimension;
    private final Map<String, String> units;

    private CanaryMetrics(String namespace, String dimension, Map<String, String> units) {
        this.namespace = namespace;
        this.dimension = dimension;
        this.units = units;
    }

    /** The canary section of the packaged metrics.json; fails if it lacks a metric this class writes. */
    static CanaryMetrics load() {
        try (InputStream in = CanaryMetrics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the function's jar");
            }
            return from(JSON.readTree(in).path("canary"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CanaryMetrics from(JsonNode canary) {
        if (canary.path("dimensions").size() != 1) {
            throw new IllegalStateException("the canary metrics have exactly one dimension, the region");
        }
        Map<String, String> units = new LinkedHashMap<>();
        for (JsonNode metric : canary.path("metrics")) {
            units.put(metric.path("name").asText(), metric.path("unit").asText());
        }
        for (String name : new String[] {SUCCESS, TIME_TO_FIRST_BYTE}) {
            if (!units.containsKey(name)) {
                throw new IllegalStateException("metrics.json defines no canary metric " + name);
            }
        }
        return new CanaryMetrics(canary.path("namespace").asText(), canary.path("dimensions").get(0).asText(), units);
    }

    /** A run that streamed: its first byte came {@code timeToFirstByteMs} after the call. */
    String success(String region, long timeToFirstByteMs, long epochMillis) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put(SUCCESS, 1L);
        values.put(TIME_TO_FIRST_BYTE, timeToFirstByteMs);
        return line(region, values, epochMillis);
    }

    /** A run that failed or streamed nothing: no time to first byte to report. */
    String failure(String region, long epochMillis) {
        return line(region, Map.of(SUCCESS, 0L), epochMillis);
    }

    private String line(String region, Map<String, Long> values, long epochMillis) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", epochMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        directive.putArray("Dimensions").addArray().add(dimension);
        ArrayNode metrics = directive.putArray("Metrics");
        values.keySet().forEach(name -> metrics.addObject().put("Name", name).put("Unit", units.get(name)));
        root.put(dimension, region);
        values.forEach(root::put);
        return root.toString();
    }
}
