package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.domain.FunctionLimits;
import com.example.bedrockstream.domain.MonitoringSettings;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dashboard body is built from typed widgets into the structure CloudWatch reads. */
class DashboardTest {
    private static final MetricRef ERRORS = MetricRef.lambda("Errors", "fn");

    @Test
    void widgetsAreLaidOutTwoPerRowInTheStacksRegion() {
        var widgets = List.of(Widget.of("a", new Widget.Series(ERRORS, "Sum", "errors")),
                Widget.of("b", new Widget.Series(ERRORS, "Sum", "errors")),
                Widget.of("c", new Widget.Series(ERRORS, "Sum", "errors")));
        var body = JsonParser.parseString(Dashboard.body("eu-west-1", widgets)).getAsJsonObject();
        var placed = body.getAsJsonArray("widgets");
        assertEquals(3, placed.size());
        int[][] positions = {{0, 0}, {12, 0}, {0, 6}};
        for (int i = 0; i < 3; i++) {
            var w = placed.get(i).getAsJsonObject();
            assertEquals("metric", w.get("type").getAsString());
            assertEquals(positions[i][0], w.get("x").getAsInt());
            assertEquals(positions[i][1], w.get("y").getAsInt());
            assertEquals(12, w.get("width").getAsInt());
            assertEquals(6, w.get("height").getAsInt());
            assertEquals("eu-west-1", w.getAsJsonObject("properties").get("region").getAsString());
        }
    }

    @Test
    void aSeriesIsNamespaceNameDimensionPairsAndItsOptions() {
        var failures = new MetricRef("NS", "Failures", new LinkedHashMap<>(Map.of("service", "svc")));
        var widget = Widget.of("w", new Widget.Series(failures, "p99", "label")).withThreshold("alarm", 3);
        var properties = JsonParser.parseString(Dashboard.body("us-east-1", List.of(widget))).getAsJsonObject()
                .getAsJsonArray("widgets").get(0).getAsJsonObject().getAsJsonObject("properties");
        assertEquals(JsonParser.parseString("[[\"NS\",\"Failures\",\"service\",\"svc\",{\"label\":\"label\",\"stat\":\"p99\"}]]"),
                properties.get("metrics"));
        assertEquals(JsonParser.parseString("{\"horizontal\":[{\"label\":\"alarm\",\"value\":3.0}]}"),
                properties.get("annotations"));
        assertEquals(300, properties.get("period").getAsInt());
    }

    @Test
    void aSearchFindsEverySeriesWithExactlyTheGivenDimensions() {
        var search = new Widget.Search("BedrockStream", List.of("service", "modelId", "api"), "Invocations", "Sum", "");
        assertEquals("SEARCH('{BedrockStream,api,modelId,service} MetricName=\"Invocations\"', 'Sum', 300)",
                search.expression(300));
        var row = JsonParser.parseString(Dashboard.body("us-east-1", List.of(Widget.of("w", search))))
                .getAsJsonObject().getAsJsonArray("widgets").get(0).getAsJsonObject().getAsJsonObject("properties")
                .getAsJsonArray("metrics").get(0).getAsJsonArray();
        assertEquals(1, row.size());
        assertEquals(search.expression(300), row.get(0).getAsJsonObject().get("expression").getAsString());
        assertEquals("search1", row.get(0).getAsJsonObject().get("id").getAsString());
    }

    @Test
    void theCommittedDashboardsStayWithinTheFreeTiersFiftyMetrics() {
        var ml = new MlMonitoring(MetricDefinitions.load(), new MonitoringSettings.MlThresholds(5, 80, 80, 10_000, 3, 5), "fn",
                new FunctionLimits(1024, 300, 20, 6_291_456, 4096), List.of("a", "b", "c"));
        int lines = ml.widgets().stream().mapToInt(w -> w.lines().size()).sum();
        assertTrue(lines <= 50, lines + " graph lines in the ML dashboard with three models (a search counted once)");
    }
}
