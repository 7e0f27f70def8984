package com.example.bedrockstream.build;

import com.example.bedrockstream.compute.LambdaArtifacts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The build step that makes both Lambda artifacts, run by Maven right after the program compiles. When tests run
 * ({@code ./mvnw test}) both are always rebuilt, so their own test suites run too. When tests are skipped (the
 * offline preview, {@code package}), an artifact whose stamp shows it matches its sources is kept as it is: the
 * rebuild costs about 12 s and would change nothing, since both builds are reproducible. Then both are stamped.
 *
 * <p>Maven passes its settings as {@code lambdaBuild.*} system properties.
 */
public final class LambdaBuild {
    private LambdaBuild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        build(Path.of(System.getProperty("lambdaBuild.root")), System.getProperty("lambdaBuild.npm"),
                System.getProperty("lambdaBuild.mvn"), System.getProperty("lambdaBuild.localRepository"),
                Boolean.parseBoolean(System.getProperty("lambdaBuild.skipTests")));
    }

    /** Builds what needs building, then stamps both artifacts. */
    public static void build(Path projectRoot, String npm, String mvn, String localRepository, boolean skipTests)
            throws IOException, InterruptedException {
        Path root = projectRoot.toAbsolutePath();
        var artifacts = new LambdaArtifacts(root);

        if (!skipTests || artifacts.unusable(LambdaArtifacts.ML_STREAM_BUNDLE).isPresent()) {
            Path dir = root.resolve("lambda-src/ml-stream");
            run(dir, npm, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            run(dir, npm, "run", "--silent", "build");
        } else {
            System.out.println("lambda-src/ml-stream: " + LambdaArtifacts.ML_STREAM_BUNDLE + " matches its sources, kept");
        }
        if (!skipTests || artifacts.unusable(LambdaArtifacts.APP_INVOKER_JAR).isPresent()) {
            run(root, mvn, "-B", "-q", "-f", root.resolve("lambda-src/app-invoker/pom.xml").toString(),
                    "-Dmaven.repo.local=" + localRepository, "-DskipTests=" + skipTests, "package");
        } else {
            System.out.println("lambda-src/app-invoker: " + LambdaArtifacts.APP_INVOKER_JAR + " matches its sources, kept");
        }
        artifacts.stamp(LambdaArtifacts.ML_STREAM_BUNDLE);
        artifacts.stamp(LambdaArtifacts.APP_INVOKER_JAR);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        int exit = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + " (exit " + exit + ")");
        }
    }
}
