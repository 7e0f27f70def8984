package com.example.bedrockstream;

import com.pulumi.Pulumi;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Logger;

/** Entry point the Pulumi CLI runs: {@code java -jar program/target/bedrock-stream.jar} (see Pulumi.yaml). */
public final class App {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /**
     * The SDK's engine logger prints each message it sends to the engine on stderr as well, and the Java language host
     * shows a failed program's stderr: every configuration error would be said twice. Held here because the log
     * manager keeps loggers only weakly, and a filter on a collected logger is lost.
     */
    static final Logger ENGINE_LOG_ECHO = Logger.getLogger("com.pulumi.deployment.internal.DeploymentImpl");
    /** The engine logger's methods that send to the engine; its other records (no engine to send to) still print. */
    private static final Set<String> SENT_TO_ENGINE = Set.of("debugAsync", "infoAsync", "warnAsync", "errorAsync");

    private App() {
    }

    public static void main(String[] args) {
        commonPoolProblem().ifPresent(problem -> {
            System.err.println(problem);
            System.exit(1);
        });
        sayEachMessageOnce();
        Pulumi.run(Program::run);
    }

    static void sayEachMessageOnce() {
        ENGINE_LOG_ECHO.setFilter(record -> !(record.getSourceClassName() != null
                && record.getSourceClassName().endsWith("$DefaultEngineLogger")
                && SENT_TO_ENGINE.contains(record.getSourceMethodName())));
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
