package com.example.bedrockstream.build;

import com.example.bedrockstream.compute.LambdaArtifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The build step that makes both Lambda artifacts, run by Maven right after the program compiles. An artifact whose
 * stamp shows it matches its sources is kept as it is: the rebuild costs seconds and would change nothing, since both
 * builds are reproducible. {@code -DrebuildLambdas} rebuilds both. The two Lambdas build side by side: one is mostly
 * npm and node, the other a second Maven. Their own test suites are not run here but beside the program's tests
 * ({@link LambdaTests}); this step only installs what the Node suite needs when it is going to run.
 *
 * <p>Maven passes its settings as {@code lambdaBuild.*} system properties.
 */
public final class LambdaBuild {
    private LambdaBuild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        build(Path.of(System.getProperty("lambdaBuild.root")), System.getProperty("lambdaBuild.npm"),
                System.getProperty("lambdaBuild.mvn"), System.getProperty("lambdaBuild.localRepository"),
                Boolean.parseBoolean(System.getProperty("lambdaBuild.skipTests")),
                Boolean.parseBoolean(System.getProperty("lambdaBuild.force")));
    }

    /** Builds what needs it, then stamps both artifacts. */
    public static void build(Path projectRoot, String npm, String mvn, String localRepository, boolean skipTests,
                             boolean force) throws IOException, InterruptedException {
        Path root = projectRoot.toAbsolutePath();
        var artifacts = new LambdaArtifacts(root);
        var suites = LambdaTests.suites(root, npm, mvn, localRepository);
        boolean buildMl = force || artifacts.unusable(LambdaArtifacts.ML_STREAM_BUNDLE).isPresent();
        boolean buildApp = force || artifacts.unusable(LambdaArtifacts.APP_INVOKER_JAR).isPresent();
        boolean testMl = !skipTests
                && (buildMl || !LambdaTests.passed(root, LambdaTests.of(suites, LambdaArtifacts.ML_STREAM_BUNDLE)));
        // The Application Lambda's suite runs the ML bundle too: a new bundle runs it again.
        boolean testApp = !skipTests
                && (buildApp || buildMl || !LambdaTests.passed(root, LambdaTests.of(suites, LambdaArtifacts.APP_INVOKER_JAR)));
        // Now, not when a suite starts: `npm ci` reinstalls node_modules, which the Application Lambda's suite reads
        // too (its end-to-end tests run the ML bundle under ml-stream's test support).
        boolean install = buildMl || testMl
                || testApp && !Files.isDirectory(root.resolve("lambda-src/ml-stream/node_modules"));
        var mlStream = Executors.newSingleThreadExecutor();
        try {
            Future<?> ml = mlStream.submit(() -> {
                mlStream(root, artifacts, npm, install, buildMl);
                report(LambdaArtifacts.ML_STREAM_BUNDLE, buildMl, testMl, skipTests);
                return null;
            });
            appInvoker(root, artifacts, mvn, localRepository, buildApp);
            report(LambdaArtifacts.APP_INVOKER_JAR, buildApp, testApp, skipTests);
            ml.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            mlStream.shutdownNow();
        }
    }

    private static void mlStream(Path root, LambdaArtifacts artifacts, String npm, boolean install, boolean build)
            throws IOException, InterruptedException {
        Path dir = root.resolve("lambda-src/ml-stream");
        if (install) {
            // The lockfile pins every package by integrity: a cached one needs no look-up in the registry.
            run(dir, npm, "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error");
        }
        if (build) {
            run(dir, npm, "run", "--silent", "build");
        }
        artifacts.stamp(LambdaArtifacts.ML_STREAM_BUNDLE);
    }

    private static void appInvoker(Path root, LambdaArtifacts artifacts, String mvn, String localRepository,
                                   boolean build) throws IOException, InterruptedException {
        if (build) {
            // Its tests are not even compiled here: its suite compiles them when it runs.
            run(root, mvn, "-B", "-q", "-f", root.resolve("lambda-src/app-invoker/pom.xml").toString(),
                    "-Dmaven.repo.local=" + localRepository, "-Dmaven.test.skip=true", "package");
        }
        artifacts.stamp(LambdaArtifacts.APP_INVOKER_JAR);
    }

    private static void report(Path artifact, boolean built, boolean tested, boolean skipTests) {
        if (!built && !tested) {
            System.out.println(artifact + " matches its sources" + (skipTests ? "" : " and passed its tests")
                    + ", kept (-DrebuildLambdas rebuilds it)");
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            // The other Lambda's build failed: this one stops too.
            process.destroy();
            throw e;
        }
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + " (exit " + exit + ")");
        }
    }
}
