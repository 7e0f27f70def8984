package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.OfflineRun;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No alarm or graph can watch a metric nobody emits, and nothing emitted goes unwatched: every metric the stacks'
 * alarms and dashboards read is one lambda-src/ml-stream/metrics.json defines (or one AWS publishes), in a dimension
 * set it is emitted with, and every metric and dimension set the file defines is read somewhere.
 */
class MetricContractTest {
    private static final Pattern SEARCH = Pattern.compile("SEARCH\\('\\{([^}]*)\\} MetricName=\"([^\"]+)\"', '[^']+', \\d+\\)");
    private static final MetricDefinitions DEFINED = MetricDefinitions.load();

    /** A metric as read: namespace, name, dimension names and the values given (none for a search). */
    record Read(String where, String namespace, String name, Map<String, String> dimensions, boolean search) {
    }

    static OfflineRun ml;
    static OfflineRun hub;
    static OfflineRun spoke;

    @BeforeAll
    static void deploy() {
        ml = Stacks.ml();
        hub = Stacks.hub(Map.of("canaryEnabled", "true"), exports -> exports);
        spoke = Stacks.spoke("app-apse1", Map.of("canaryEnabled", "true"), exports -> exports).spoke();
        for (OfflineRun run : List.of(ml, hub, spoke)) {
            assertTrue(run.succeeded(), run.errorText());
        }
    }

    static List<Read> reads(OfflineRun run) {
        var out = new ArrayList<Read>();
        for (var alarm : run.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")) {
            var dimensions = new LinkedHashMap<String, String>();
            ((Map<?, ?>) alarm.input("dimensions").orElseThrow()).forEach((k, v) -> dimensions.put((String) k, (String) v));
            out.add(new Read("alarm " + alarm.name(), alarm.string("namespace"), alarm.string("metricName"),
                    dimensions, false));
        }
        for (var dashboard : run.ofType("aws:cloudwatch/dashboard:Dashboard")) {
            var body = JsonParser.parseString(dashboard.string("dashboardBody")).getAsJsonObject();
            for (JsonElement widget : body.getAsJsonArray("widgets")) {
                var properties = widget.getAsJsonObject().getAsJsonObject("properties");
                String where = "graph '" + properties.get("title").getAsString() + "'";
                for (JsonElement row : properties.getAsJsonArray("metrics")) {
                    out.add(read(where, row.getAsJsonArray()));
                }
            }
        }
        return out;
    }

    private static Read read(String where, JsonArray row) {
        JsonObject options = row.get(row.size() - 1).getAsJsonObject();
        if (options.has("expression")) {
            var search = SEARCH.matcher(options.get("expression").getAsString());
            assertTrue(search.matches(), where + ": an expression other than a metric search: " + options);
            String[] schema = search.group(1).split(",");
            var dimensions = new LinkedHashMap<String, String>();
            for (int i = 1; i < schema.length; i++) {
                dimensions.put(schema[i], "");
            }
            return new Read(where, schema[0], search.group(2), dimensions, true);
        }
        var dimensions = new LinkedHashMap<String, String>();
        for (int i = 2; i + 1 < row.size(); i += 2) {
            dimensions.put(row.get(i).getAsString(), row.get(i + 1).getAsString());
        }
        return new Read(where, row.get(0).getAsString(), row.get(1).getAsString(), dimensions, false);
    }

    /** Why {@code read} cannot be a metric the stack's sources emit, or nothing. */
    static List<String> problems(Read read, String region, String functionName, Set<String> models) {
        var problems = new ArrayList<String>();
        var handler = DEFINED.handler();
        var keys = read.dimensions().keySet();
        if (read.namespace().equals(handler.namespace())) {
            if (read.name().equals(handler.failures().metric().name())) {
                if (!keys.equals(Set.copyOf(handler.failures().dimensions()))) {
                    problems.add("dimensions " + keys + " are not the Failures dimensions");
                }
                String errorName = read.dimensions().get("errorName");
                if (!read.search() && handler.failures().errorNames().stream().noneMatch(e -> e.name().equals(errorName))) {
                    problems.add("error name " + errorName + " is not one the handler counts");
                }
            } else if (handler.metrics().stream().noneMatch(m -> m.name().equals(read.name()))) {
                problems.add("the handler emits no metric " + read.name());
            } else if (handler.dimensionSets().stream().noneMatch(set -> Set.copyOf(set).equals(keys))) {
                problems.add("dimensions " + keys + " are not a set the handler emits: " + handler.dimensionSets());
            }
            if (!read.search() && !handler.service().equals(read.dimensions().get(MetricDefinitions.SERVICE_DIMENSION))) {
                problems.add("service " + read.dimensions().get("service") + " is not " + handler.service());
            }
        } else if (read.namespace().equals(DEFINED.canary().namespace())) {
            var canary = DEFINED.canary();
            if (canary.metrics().stream().noneMatch(m -> m.name().equals(read.name()))) {
                problems.add("the canary emits no metric " + read.name());
            }
            if (!keys.equals(Set.copyOf(canary.dimensions()))) {
                problems.add("dimensions " + keys + " are not the canary's " + canary.dimensions());
            }
            if (!region.equals(read.dimensions().get("Region"))) {
                problems.add("region " + read.dimensions().get("Region") + " is not the stack's " + region);
            }
        } else if (AwsMetrics.publishes(read.namespace(), read.name())) {
            var expected = read.namespace().equals(AwsMetrics.LAMBDA) ? Map.of("FunctionName", functionName) : null;
            if (expected != null && !expected.equals(read.dimensions())) {
                problems.add("dimensions " + read.dimensions() + " are not this stack's function " + expected);
            }
            if (read.namespace().equals(AwsMetrics.BEDROCK)
                    && !(keys.equals(Set.of("ModelId")) && models.contains(read.dimensions().get("ModelId")))) {
                problems.add("dimensions " + read.dimensions() + " are not one allowed model's ModelId");
            }
        } else {
            problems.add("nothing in this project emits to namespace " + read.namespace());
        }
        return problems.stream().map(p -> read.where() + " reads " + read.namespace() + "/" + read.name() + ": " + p)
                .toList();
    }

    @Test
    void everyMetricTheMlStackReadsIsOneTheHandlerOrAwsPublishes() {
        var models = Set.of("us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "amazon.nova-lite-v1:0");
        var problems = reads(ml).stream()
                .flatMap(r -> problems(r, "us-east-1", "ml-use1-ml-stream", models).stream()).toList();
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMetricTheApplicationStacksReadIsTheirRegionsCanaryOrTheirFunction() {
        var problems = new ArrayList<String>();
        reads(hub).forEach(r -> problems.addAll(problems(r, "us-east-1", "app-use1-app-invoker", Set.of())));
        reads(spoke).forEach(r -> problems.addAll(problems(r, "ap-southeast-1", "app-apse1-app-invoker", Set.of())));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMetricAndDimensionSetTheHandlerEmitsIsWatchedOrShown() {
        var handler = DEFINED.handler();
        var read = reads(ml).stream().filter(r -> r.namespace().equals(handler.namespace())).toList();
        var names = read.stream().map(Read::name).collect(Collectors.toSet());
        var expected = new HashSet<String>();
        handler.metrics().forEach(m -> expected.add(m.name()));
        expected.add(handler.failures().metric().name());
        assertEquals(expected, names, "every metric the handler emits");

        var sets = read.stream().filter(r -> !r.name().equals(handler.failures().metric().name()))
                .map(r -> r.dimensions().keySet()).collect(Collectors.toSet());
        for (List<String> set : handler.dimensionSets()) {
            assertTrue(sets.contains(Set.copyOf(set)), "dimension set " + set + " is read: " + sets);
        }
        var errorNames = read.stream().filter(r -> r.name().equals(handler.failures().metric().name()))
                .map(r -> r.dimensions().get("errorName")).collect(Collectors.toSet());
        assertEquals(handler.failures().errorNames().stream().map(MetricDefinitions.ErrorName::name)
                .collect(Collectors.toSet()), errorNames, "every error name the handler counts");
    }

    @Test
    void everyCanaryMetricIsWatchedOrShownInEachRegionThatRunsOne() {
        var canary = DEFINED.canary();
        for (OfflineRun run : List.of(hub, spoke)) {
            var names = reads(run).stream().filter(r -> r.namespace().equals(canary.namespace())).map(Read::name)
                    .collect(Collectors.toSet());
            assertEquals(canary.metrics().stream().map(MetricDefinitions.Metric::name).collect(Collectors.toSet()),
                    names, run.stack());
        }
    }

    @Test
    void theProgramReadsTheVeryFileTheFunctionsAreBuiltWith() throws Exception {
        try (InputStream packaged = MetricDefinitions.class.getResourceAsStream(MetricDefinitions.RESOURCE)) {
            assertNotNull(packaged, "the build packages metrics.json with the program");
            assertArrayEquals(Files.readAllBytes(Path.of("lambda-src/ml-stream/metrics.json")), packaged.readAllBytes());
        }
    }

    @Test
    void theCatchAllErrorNameIsOneTheAlarmsWatch() {
        var failures = DEFINED.handler().failures();
        if (failures.errorNames().stream().noneMatch(e -> e.name().equals(failures.otherErrorName()) && !e.callersFault())) {
            fail("the catch-all " + failures.otherErrorName() + " must be a listed name that is not the caller's fault");
        }
    }
}
