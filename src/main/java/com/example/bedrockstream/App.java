package com.example.bedrockstream;

import com.pulumi.Pulumi;

import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/** Entry point the Pulumi CLI runs: {@code java -jar target/bedrock-stream.jar} (see Pulumi.yaml). */
public final class App {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private App() {
    }

    public static void main(String[] args) {
        commonPoolProblem().ifPresent(problem -> {
            System.err.println(problem);
            System.exit(1);
        });
        Pulumi.run(Program::run);
    }

    /**
     * pulumi-java 1.36.x livelocks on JDK 25+ when the common fork/join pool has parallelism 1, the default on one
     * or two CPUs (pulumi/pulumi-java#2270, fixed by #2314 after the newest release here). Raises it to 2 before
     * anything starts the pool, which reads the property once; explains and refuses when that is not possible.
     */
    static Optional<String> commonPoolProblem() {
        if (Runtime.version().feature() < 25) {
            return Optional.empty();
        }
        if (System.getProperty(PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(PARALLELISM, "2");
        }
        int parallelism = ForkJoinPool.getCommonPoolParallelism();
        if (parallelism >= 2) {
            return Optional.empty();
        }
        return Optional.of("The program would hang: on JDK " + Runtime.version().feature()
                + " the Pulumi Java SDK 1.36.x livelocks when the common fork/join pool has parallelism "
                + parallelism + " (pulumi/pulumi-java#2270). Run it with JDK 17 or 21, or allow at least 2, e.g. "
                + "JAVA_TOOL_OPTIONS=-D" + PARALLELISM + "=2.");
    }
}
