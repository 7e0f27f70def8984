package com.example.bedrockstream.compute;

import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.FileArchive;
import com.pulumi.asset.FileAsset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The built outputs of {@code lambda-src/}, which the Maven build produces before the program runs.
 * A missing output is reported with the command that builds it instead of deploying a function without code.
 */
public final class LambdaArtifacts {
    public static final Path ML_STREAM_BUNDLE = Path.of("lambda-src", "ml-stream", "dist", "index.mjs");
    public static final Path APP_INVOKER_JAR = Path.of("lambda-src", "app-invoker", "target", "app-invoker.jar");
    private static final String BUILD_COMMAND = "./mvnw -q -DskipTests generate-resources";

    /** Lambda's Node.js and Java runtimes this provider version accepts and this project uses. */
    public static final String NODE_RUNTIME = "nodejs22.x";
    public static final String JAVA_RUNTIME = "java21";

    private final Path projectRoot;

    public LambdaArtifacts(Path projectRoot) {
        this.projectRoot = projectRoot;
    }

    /** A sentence naming the missing artifact and how to build it, or empty when it is there. */
    public Optional<String> missing(Path artifact) {
        Path full = projectRoot.resolve(artifact);
        if (Files.isRegularFile(full)) {
            return Optional.empty();
        }
        return Optional.of("the built Lambda code " + artifact + " is missing (looked in " + projectRoot.toAbsolutePath()
                + "); build it with: " + BUILD_COMMAND);
    }

    /** The streaming ML function: one esbuild bundle, uploaded as index.mjs. */
    public FunctionCode mlStream() {
        return new FunctionCode(NODE_RUNTIME, "index.handler", new AssetArchive(
                Map.of("index.mjs", new FileAsset(projectRoot.resolve(ML_STREAM_BUNDLE).toString()))));
    }

    /** The Application Lambda: one shaded jar. */
    public FunctionCode appInvoker() {
        return new FunctionCode(JAVA_RUNTIME, "com.example.bedrockstream.appinvoker.Handler::handleRequest",
                new FileArchive(projectRoot.resolve(APP_INVOKER_JAR).toString()));
    }
}
