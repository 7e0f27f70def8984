package com.example.bedrockstream.appinvoker;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * One cold start, run by {@link ColdStartBench} in a fresh JVM whose class path is the deployed jar
 * ({@code target/app-invoker.jar}) and this class: constructs the handler the way the Lambda runtime does
 * ({@code new Handler()}, the init phase), then invokes it twice against the local endpoint (STS and Lambda).
 * Prints one line of {@code System.nanoTime()} readings (CLOCK_MONOTONIC, the same clock as the parent's) and the
 * invocations' own timings. Touches nothing of the handler's dependencies before the handler does.
 */
final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        long main = System.nanoTime();
        Handler handler = new Handler();
        long init = System.nanoTime();
        Map<String, Object> first = handler.handleRequest(event(), CONTEXT);
        long firstDone = System.nanoTime();
        // All threads' CPU time (JIT and GC included) up to here: what the crowd of other processes moves least.
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        Map<String, Object> second = handler.handleRequest(event(), CONTEXT);
        long secondDone = System.nanoTime();
        System.out.println(String.join(" ", List.of(
                "main=" + main, "init=" + init, "firstDone=" + firstDone, "secondDone=" + secondDone,
                "firstTtfbMs=" + first.get("timeToFirstByteMs"), "firstTotalMs=" + first.get("totalMs"),
                "secondTtfbMs=" + second.get("timeToFirstByteMs"), "secondTotalMs=" + second.get("totalMs"),
                "cpuMs=" + cpuMs,
                "classes=" + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount())));
        System.exit(0); // the SDK's netty threads would keep the JVM alive
    }

    /** One short answer (4 deltas), so the invocation's end is close to its first byte. */
    private static Map<String, Object> event() {
        return Map.of("modelId", MlStreamEndpoint.MODEL_ID, "body", Map.of(
                "anthropic_version", "bedrock-2023-05-31",
                "max_tokens", 100,
                "messages", List.of(Map.of("role", "user", "content", "{\"chunks\":4,\"bytes\":16}"))));
    }

    private static final LambdaLogger QUIET = new LambdaLogger() {
        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
    };

    private static final Context CONTEXT = new Context() {
        @Override
        public String getAwsRequestId() {
            return "cold-start";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/app-invoker";
        }

        @Override
        public String getLogStreamName() {
            return "cold-start";
        }

        @Override
        public String getFunctionName() {
            return "app-invoker";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:111122223333:function:app-invoker";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return QUIET;
        }
    };
}
