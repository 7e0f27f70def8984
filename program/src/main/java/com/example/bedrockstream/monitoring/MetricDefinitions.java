package com.example.bedrockstream.monitoring;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The metrics the ML function and the canary emit, as {@code lambda-src/ml-stream/metrics.json} defines them: the
 * same file the function's bundle is built with and the Application Lambda's jar carries. The build packages it in
 * this program's jar, so alarms and dashboards can only name what the handler emits.
 */
public record MetricDefinitions(Handler handler, Canary canary) {
    /** Where the build puts the file on the classpath (pom.xml, resources). */
    static final String RESOURCE = "/ml-stream/metrics.json";

    /** The dimension Powertools adds to every set: the function's service name. */
    public static final String SERVICE_DIMENSION = "service";

    public record Metric(String name, String unit) {
    }

    /** @param callersFault a failure the caller caused (a bad request), not one of the platform */
    public record ErrorName(String name, boolean callersFault) {
    }

    /**
     * The failure count by error name, a metric of its own because its dimension differs.
     *
     * @param otherErrorName what the handler counts an error name outside {@code errorNames} as
     */
    public record Failures(Metric metric, List<String> dimensions, String otherErrorName, List<ErrorName> errorNames) {
    }

    /** @param service the value of the {@code service} dimension, which the program gives the function */
    public record Handler(String namespace, String service, List<List<String>> dimensionSets, List<Metric> metrics,
                          Failures failures) {

        public Metric metric(String name) {
            return metrics.stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("metrics.json defines no handler metric " + name));
        }
    }

    public record Canary(String namespace, List<String> dimensions, List<Metric> metrics) {

        public Metric metric(String name) {
            return metrics.stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("metrics.json defines no canary metric " + name));
        }
    }

    private static final MetricDefinitions LOADED = read();

    /** The definitions packaged with this program. */
    public static MetricDefinitions load() {
        return LOADED;
    }

    private static MetricDefinitions read() {
        try (InputStream in = MetricDefinitions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build the program with "
                        + "./mvnw -q -DskipTests package, which copies lambda-src/ml-stream/metrics.json into it");
            }
            var parsed = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), MetricDefinitions.class);
            if (parsed == null || parsed.handler() == null || parsed.canary() == null) {
                throw new IllegalStateException(RESOURCE + " has no handler or canary section");
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException e) {
            throw new IllegalStateException(RESOURCE + " is not the expected JSON: " + e.getMessage(), e);
        }
    }
}
