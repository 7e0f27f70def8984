package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.domain.FunctionLimits;
import com.example.bedrockstream.domain.MonitoringSettings.MlThresholds;
import com.example.bedrockstream.monitoring.AlarmSpec.Comparison;
import com.example.bedrockstream.monitoring.AlarmSpec.MissingData;
import com.example.bedrockstream.monitoring.AlarmSpec.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * What the ML stack watches, as data: the ML function's alarms and its dashboard's graphs.
 *
 * @param function            its reserved concurrency, which caps it, and its timeout
 * @param modelIds            the allowed model and inference-profile ids, each Bedrock's ModelId dimension value
 */
public record MlMonitoring(MetricDefinitions definitions, MlThresholds thresholds, String functionName,
                           FunctionLimits function, List<String> modelIds) {
    static final int PERIOD = 300;
    /** Sustained slowness, not one slow stream: the percentile alarms need this many slow periods in a row. */
    static final int SLOW_PERIODS = 3;

    private static final String NO_TRAFFIC = "with no invocation there is nothing to measure, and no traffic is not a"
            + " fault (the canaries cover silence).";

    private MetricDefinitions.Handler handler() {
        return definitions.handler();
    }

    /** Concurrent executions that raise the alarm: the configured share of the reservation, rounded up. */
    public int concurrencyThreshold() {
        return Math.max(1, (int) Math.ceil(function.reservedConcurrency() * thresholds.concurrencyPercent() / 100.0));
    }

    /** p99 duration in ms that raises the alarm: the configured share of the timeout. */
    public double durationThresholdMs() {
        return function.timeoutSeconds() * 1000.0 * thresholds.durationPercent() / 100;
    }

    public List<AlarmSpec> alarms() {
        var alarms = new ArrayList<AlarmSpec>();
        alarms.add(new AlarmSpec("ml-function-errors",
                "The ML function failed at least " + thresholds.functionErrors() + " times in 5 minutes (bad requests"
                        + " count too; the failure alarms say which error).",
                MetricRef.lambda("Errors", functionName), "Sum",
                Window.every(PERIOD).breaching(1).outOf(1), Comparison.GREATER_OR_EQUAL,
                thresholds.functionErrors(), MissingData.NOT_BREACHING, NO_TRAFFIC));
        alarms.add(new AlarmSpec("ml-function-throttles",
                "Lambda refused at least one call of the ML function in 5 minutes: it was at its reserved concurrency"
                        + " of " + function.reservedConcurrency() + " and a caller got TooManyRequestsException.",
                MetricRef.lambda("Throttles", functionName), "Sum",
                Window.every(PERIOD).breaching(1).outOf(1), Comparison.GREATER_OR_EQUAL, 1,
                MissingData.NOT_BREACHING, NO_TRAFFIC));
        alarms.add(new AlarmSpec("ml-function-concurrency",
                "The ML function ran " + concurrencyThreshold() + " or more streams at once (" + thresholds
                        .concurrencyPercent() + "% of its reserved " + function.reservedConcurrency()
                        + ") in 3 of 5 minutes:"
                        + " callers will soon be throttled; raise functionReservedConcurrency.",
                MetricRef.lambda("ConcurrentExecutions", functionName), "Maximum",
                Window.every(60).breaching(3).outOf(5),
                Comparison.GREATER_OR_EQUAL, concurrencyThreshold(), MissingData.NOT_BREACHING,
                "Lambda publishes no concurrency while nothing runs."));
        alarms.add(new AlarmSpec("ml-function-duration-p99",
                "The ML function's p99 duration reached " + thresholds.durationPercent() + "% of its "
                        + function.timeoutSeconds() + " s timeout for 15 minutes: long streams are about to be cut"
                        + " (2 s before"
                        + " the timeout).",
                MetricRef.lambda("Duration", functionName), "p99",
                Window.every(PERIOD).breaching(SLOW_PERIODS).outOf(SLOW_PERIODS),
                Comparison.GREATER_OR_EQUAL, durationThresholdMs(), MissingData.NOT_BREACHING, NO_TRAFFIC));
        alarms.add(new AlarmSpec("ml-time-to-first-delta-p99",
                "The p99 time from invocation to the first text delta reached " + thresholds.timeToFirstDeltaMs()
                        + " ms for 15 minutes, over all models: Bedrock is slow to start answering or is retrying"
                        + " throttled calls.",
                MetricRef.handler(handler(), "TimeToFirstDelta"), "p99",
                Window.every(PERIOD).breaching(SLOW_PERIODS).outOf(SLOW_PERIODS),
                Comparison.GREATER_OR_EQUAL, thresholds.timeToFirstDeltaMs(), MissingData.NOT_BREACHING,
                NO_TRAFFIC));
        for (MetricDefinitions.ErrorName error : handler().failures().errorNames()) {
            if (error.callersFault()) {
                continue;
            }
            alarms.add(new AlarmSpec("ml-failures-" + error.name(),
                    "The ML function failed with " + error.name() + " at least " + thresholds.failuresPerErrorName()
                            + " times in 5 minutes" + (error.name().equals(handler().failures().otherErrorName())
                            ? " (an error name metrics.json does not list; the function's log has the real name)."
                            : "."),
                    MetricRef.failures(handler(), error.name()), "Sum",
                    Window.every(PERIOD).breaching(1).outOf(1), Comparison.GREATER_OR_EQUAL,
                    thresholds.failuresPerErrorName(), MissingData.NOT_BREACHING,
                    "the function counts a failure only when one happens."));
        }
        for (String modelId : modelIds) {
            alarms.add(new AlarmSpec("ml-bedrock-throttles-" + modelId,
                    "Bedrock throttled at least " + thresholds.bedrockThrottles() + " calls of " + modelId
                            + " in 5 minutes (SDK retries included): the account's quota for this model is nearly"
                            + " used up.",
                    MetricRef.bedrock("InvocationThrottles", modelId), "Sum",
                    Window.every(PERIOD).breaching(1).outOf(1),
                    Comparison.GREATER_OR_EQUAL, thresholds.bedrockThrottles(), MissingData.NOT_BREACHING,
                    "Bedrock publishes nothing for a model nobody called."));
        }
        return List.copyOf(alarms);
    }

    public List<Widget> widgets() {
        var handler = handler();
        var failures = new ArrayList<Widget.Line>();
        for (MetricDefinitions.ErrorName error : handler.failures().errorNames()) {
            failures.add(new Widget.Series(MetricRef.failures(handler, error.name()), "Sum", error.name()));
        }
        var throttles = new ArrayList<Widget.Line>();
        for (String modelId : modelIds) {
            throttles.add(new Widget.Series(MetricRef.bedrock("InvocationThrottles", modelId), "Sum", modelId));
        }
        var perModel = handler.dimensionSets().stream()
                .filter(set -> !set.equals(List.of(MetricDefinitions.SERVICE_DIMENSION))).findFirst().orElseThrow();
        return List.of(
                Widget.of("Invocations, errors, throttles",
                        new Widget.Series(MetricRef.handler(handler, "Invocations"), "Sum", "invocations"),
                        new Widget.Series(MetricRef.handler(handler, "Errors"), "Sum", "errors (handler)"),
                        new Widget.Series(MetricRef.lambda("Errors", functionName), "Sum", "errors (Lambda)"),
                        new Widget.Series(MetricRef.lambda("Throttles", functionName), "Sum", "throttles (Lambda)"))
                        .withThreshold("errors alarm", thresholds.functionErrors()),
                Widget.of("Time to first delta (ms)",
                        new Widget.Series(MetricRef.handler(handler, "TimeToFirstDelta"), "p50", "p50"),
                        new Widget.Series(MetricRef.handler(handler, "TimeToFirstDelta"), "p99", "p99"))
                        .withThreshold("p99 alarm", thresholds.timeToFirstDeltaMs()),
                Widget.of("Duration (ms)",
                        new Widget.Series(MetricRef.handler(handler, "Duration"), "p50", "p50 (handler)"),
                        new Widget.Series(MetricRef.handler(handler, "Duration"), "p99", "p99 (handler)"),
                        new Widget.Series(MetricRef.lambda("Duration", functionName), "p99", "p99 (Lambda)"))
                        .withThreshold("p99 alarm", durationThresholdMs()),
                Widget.of("Concurrent executions",
                        new Widget.Series(MetricRef.lambda("ConcurrentExecutions", functionName), "Maximum", "max"))
                        .withThreshold("alarm", concurrencyThreshold())
                        .withThreshold("reserved", function.reservedConcurrency()),
                new Widget("Bedrock throttles by model", throttles, PERIOD, List.of())
                        .withThreshold("alarm", thresholds.bedrockThrottles()),
                new Widget("Failures by error name", failures, PERIOD, List.of())
                        .withThreshold("alarm (platform errors)", thresholds.failuresPerErrorName()),
                Widget.of("Invocations by model and API", new Widget.Search(handler.namespace(), perModel,
                        "Invocations", "Sum", "")),
                Widget.of("p99 time to first delta by model and API", new Widget.Search(handler.namespace(),
                        perModel, "TimeToFirstDelta", "p99", "")),
                Widget.of("Stream size",
                        new Widget.Series(MetricRef.handler(handler, "Chunks"), "Sum", "chunks"),
                        new Widget.Series(MetricRef.handler(handler, "ResponseBytes"), "Sum", "bytes")),
                Widget.of("Tokens",
                        new Widget.Series(MetricRef.handler(handler, "InputTokens"), "Sum", "input"),
                        new Widget.Series(MetricRef.handler(handler, "OutputTokens"), "Sum", "output")));
    }
}
