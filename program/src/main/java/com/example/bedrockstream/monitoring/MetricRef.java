package com.example.bedrockstream.monitoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CloudWatch metric series as an alarm or a dashboard reads it: namespace, name and the exact dimension values.
 * Alarms and widgets are built from these, so a test can hold every one to what is emitted. Dimensions keep their
 * order, so a dashboard body is the same text on every run.
 */
public record MetricRef(String namespace, String name, Map<String, String> dimensions) {

    public MetricRef {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    /** A metric the ML function emits, over all models and APIs (its service-only dimension set). */
    public static MetricRef handler(MetricDefinitions.Handler handler, String name) {
        return new MetricRef(handler.namespace(), handler.metric(name).name(),
                Map.of(MetricDefinitions.SERVICE_DIMENSION, handler.service()));
    }

    /** The ML function's failures with one error name. */
    public static MetricRef failures(MetricDefinitions.Handler handler, String errorName) {
        var dimensions = new LinkedHashMap<String, String>();
        dimensions.put(MetricDefinitions.SERVICE_DIMENSION, handler.service());
        dimensions.put("errorName", errorName);
        return new MetricRef(handler.namespace(), handler.failures().metric().name(), dimensions);
    }

    /** A canary metric of one region. */
    public static MetricRef canary(MetricDefinitions.Canary canary, String name, String region) {
        return new MetricRef(canary.namespace(), canary.metric(name).name(), Map.of("Region", region));
    }

    /** A metric Lambda publishes for one function (AWS/Lambda, dimension FunctionName). */
    public static MetricRef lambda(String name, String functionName) {
        return new MetricRef(AwsMetrics.LAMBDA, AwsMetrics.lambdaMetric(name), Map.of("FunctionName", functionName));
    }

    /** A metric Bedrock publishes for one model or inference profile id (AWS/Bedrock, dimension ModelId). */
    public static MetricRef bedrock(String name, String modelId) {
        return new MetricRef(AwsMetrics.BEDROCK, AwsMetrics.bedrockMetric(name), Map.of("ModelId", modelId));
    }
}
