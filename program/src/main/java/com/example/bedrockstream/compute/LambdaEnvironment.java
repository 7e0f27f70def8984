package com.example.bedrockstream.compute;

import com.pulumi.core.Output;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment variables the program and its Lambdas share, declared once on the program's side: what it sets on
 * each function, and what each function reads but the program leaves to the function's default. The Lambdas read
 * them in lambda-src/ml-stream/src/config.mjs (and Powertools) and in the Application Lambda's Config.java;
 * LambdaEnvironmentTest holds the two sides together.
 */
public final class LambdaEnvironment {
    private LambdaEnvironment() {
    }

    /** What the streaming ML function is given (lambda-src/ml-stream/README.md). */
    public enum MlStream {
        BEDROCK_REGION,
        ALLOWED_MODEL_IDS,
        MAX_REQUEST_BYTES,
        MAX_OUTPUT_TOKENS,
        // Read by Powertools: the service and namespace the alarms and dashboard read (metrics.json), the log level.
        POWERTOOLS_SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL
    }

    /** Read by the ML function, never set: their defaults suit a deployment; tests and benchmarks point them elsewhere. */
    public static final List<String> ML_STREAM_DEFAULTS = List.of("BEDROCK_ENDPOINT", "DEADLINE_MARGIN_MS");

    /** What the Application Lambda is given: the ML function and how to assume the invoker role. */
    public enum AppInvoker {
        ML_FUNCTION_ARN,
        INVOKER_ROLE_ARN,
        EXTERNAL_ID,
        ML_REGION
    }

    /** Read by the Application Lambda, never set: defaults that suit a deployment, changed by tests and benchmarks. */
    public static final List<String> APP_INVOKER_DEFAULTS = List.of("ROLE_SESSION_NAME", "LAMBDA_ENDPOINT", "STS_ENDPOINT",
            "MAX_ANSWER_BYTES");

    /** A function's variables by name; every variable of {@code names} must have its value. */
    public static <V extends Enum<V>> Map<String, Output<String>> of(Class<V> names, Map<V, Output<String>> values) {
        var missing = EnumSet.allOf(names);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for " + missing);
        }
        return values.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
    }
}
