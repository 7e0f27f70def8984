package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.monitoring.AlarmSpec.Comparison;
import com.example.bedrockstream.monitoring.AlarmSpec.MissingData;
import com.example.bedrockstream.monitoring.AlarmSpec.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an application stack watches in its own region, as data: the canary's alarm and graphs, and the Application
 * Lambda's graphs. Each application stack owns its region's view, because the hub never reads its spokes: a new region
 * is a new spoke stack file and brings its own dashboard, with no change to the hub.
 *
 * @param appFunctionName   the region's Application Lambda, when the stack runs one
 * @param canaryRateMinutes minutes between canary runs, when the canary runs
 */
public record RegionMonitoring(MetricDefinitions definitions, String region, Optional<String> appFunctionName,
                               Optional<Integer> canaryRateMinutes) {
    /** Failed or missing runs in a row that raise the alarm: one may be a blip, two are a broken path. */
    static final int FAILED_RUNS = 2;

    public List<AlarmSpec> alarms() {
        return canaryRateMinutes.map(rate -> List.of(new AlarmSpec("canary-" + region,
                "The last " + FAILED_RUNS + " canary runs in " + region + " failed or did not report: a caller in"
                        + " this region cannot stream from the ML function (route, peering, zone association,"
                        + " endpoint or key policy, invoker trust, the function or Bedrock). The Application Lambda's"
                        + " log names the error.",
                MetricRef.canary(definitions.canary(), "Success", region), "Minimum",
                Window.every(rate * 60).breaching(FAILED_RUNS).outOf(FAILED_RUNS),
                Comparison.LESS_THAN, 1, MissingData.BREACHING,
                "a run that never reported (schedule stopped, function crashed or timed out) is as bad as a failed"
                        + " one."))).orElse(List.of());
    }

    public List<Widget> widgets() {
        var widgets = new ArrayList<Widget>();
        canaryRateMinutes.ifPresent(rate -> {
            var canary = definitions.canary();
            widgets.add(new Widget("Canary success, " + region, List.of(
                    new Widget.Series(MetricRef.canary(canary, "Success", region), "Minimum", "worst run"),
                    new Widget.Series(MetricRef.canary(canary, "Success", region), "SampleCount", "runs")),
                    rate * 60, List.of()).withThreshold("all runs succeeded", 1));
            widgets.add(new Widget("Canary time to first byte (ms), " + region, List.of(
                    new Widget.Series(MetricRef.canary(canary, "TimeToFirstByte", region), "Average", "average"),
                    new Widget.Series(MetricRef.canary(canary, "TimeToFirstByte", region), "Maximum", "max")),
                    rate * 60, List.of()));
        });
        appFunctionName.ifPresent(function -> {
            widgets.add(Widget.of("Application Lambda, " + region,
                    new Widget.Series(MetricRef.lambda("Invocations", function), "Sum", "invocations"),
                    new Widget.Series(MetricRef.lambda("Errors", function), "Sum", "errors"),
                    new Widget.Series(MetricRef.lambda("Throttles", function), "Sum", "throttles")));
            widgets.add(Widget.of("Application Lambda duration (ms), " + region,
                    new Widget.Series(MetricRef.lambda("Duration", function), "p50", "p50"),
                    new Widget.Series(MetricRef.lambda("Duration", function), "p99", "p99")));
        });
        return List.copyOf(widgets);
    }
}
