package com.example.bedrockstream.monitoring;

import java.util.Set;

/**
 * The metrics AWS publishes that this project reads, by namespace. Named here once, from AWS's documentation, so a
 * misspelt name fails the program's tests instead of giving an alarm that never sees data.
 */
public final class AwsMetrics {
    public static final String LAMBDA = "AWS/Lambda";
    public static final String BEDROCK = "AWS/Bedrock";

    /** Lambda developer guide, "Types of metrics for Lambda functions" (dimension FunctionName). */
    static final Set<String> LAMBDA_METRICS = Set.of("Invocations", "Errors", "Throttles", "Duration",
            "ConcurrentExecutions");

    /** Bedrock user guide, "Monitor bedrock-runtime inference using CloudWatch metrics" (dimension ModelId). */
    static final Set<String> BEDROCK_METRICS = Set.of("Invocations", "InvocationThrottles", "InvocationLatency",
            "InvocationClientErrors", "InvocationServerErrors");

    private AwsMetrics() {
    }

    static String lambdaMetric(String name) {
        return known(LAMBDA, LAMBDA_METRICS, name);
    }

    static String bedrockMetric(String name) {
        return known(BEDROCK, BEDROCK_METRICS, name);
    }

    /** Whether {@code namespace} is AWS's and publishes {@code name}. */
    public static boolean publishes(String namespace, String name) {
        return LAMBDA.equals(namespace) && LAMBDA_METRICS.contains(name)
                || BEDROCK.equals(namespace) && BEDROCK_METRICS.contains(name);
    }

    private static String known(String namespace, Set<String> names, String name) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException(namespace + " publishes no metric " + name + "; known: " + names);
        }
        return name;
    }
}
