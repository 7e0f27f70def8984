package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.ComponentTypes;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/** A CloudWatch dashboard whose body is built from typed widgets, never written by hand. */
public final class Dashboard extends ComponentResource {
    static final int WIDTH = 12;
    static final int HEIGHT = 6;

    public Dashboard(String name, DashboardArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("monitoring", Dashboard.class), name, options);
        var dashboard = new com.pulumi.aws.cloudwatch.Dashboard(name, com.pulumi.aws.cloudwatch.DashboardArgs.builder()
                .dashboardName(args.dashboardName())
                .dashboardBody(body(args.scope().region(), args.widgets()))
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("dashboardArn", dashboard.dashboardArn()));
    }

    /** The dashboard body CloudWatch reads (its "Dashboard Body Structure and Syntax"). */
    public static String body(String region, List<Widget> widgets) {
        var array = new JsonArray();
        for (int i = 0; i < widgets.size(); i++) {
            array.add(widget(widgets.get(i), region, (i % 2) * WIDTH, (i / 2) * HEIGHT));
        }
        var root = new JsonObject();
        root.add("widgets", array);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(root);
    }

    private static JsonObject widget(Widget widget, String region, int x, int y) {
        var properties = new JsonObject();
        properties.addProperty("title", widget.title());
        properties.addProperty("region", region);
        properties.addProperty("view", "timeSeries");
        properties.addProperty("stacked", false);
        properties.addProperty("period", widget.periodSeconds());
        var metrics = new JsonArray();
        int searches = 0;
        for (Widget.Line line : widget.lines()) {
            var options = new JsonObject();
            options.addProperty("label", line.label());
            var row = new JsonArray();
            if (line instanceof Widget.Series series) {
                row.add(series.metric().namespace());
                row.add(series.metric().name());
                series.metric().dimensions().forEach((key, value) -> {
                    row.add(key);
                    row.add(value);
                });
                options.addProperty("stat", series.stat());
            } else if (line instanceof Widget.Search search) {
                options.addProperty("expression", search.expression(widget.periodSeconds()));
                options.addProperty("id", "search" + ++searches);
            }
            row.add(options);
            metrics.add(row);
        }
        properties.add("metrics", metrics);
        if (!widget.horizontal().isEmpty()) {
            var horizontal = new JsonArray();
            for (Widget.Threshold threshold : widget.horizontal()) {
                var annotation = new JsonObject();
                annotation.addProperty("label", threshold.label());
                annotation.addProperty("value", threshold.value());
                horizontal.add(annotation);
            }
            var annotations = new JsonObject();
            annotations.add("horizontal", horizontal);
            properties.add("annotations", annotations);
        }
        var out = new JsonObject();
        out.addProperty("type", "metric");
        out.addProperty("x", x);
        out.addProperty("y", y);
        out.addProperty("width", WIDTH);
        out.addProperty("height", HEIGHT);
        out.add("properties", properties);
        return out;
    }
}
