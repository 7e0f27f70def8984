package com.example.bedrockstream.build;

import com.example.bedrockstream.compute.LambdaArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds each Lambda artifact a second time, from the same sources, into a temporary place and requires the very
 * bytes the program uploads: a rebuild that changes them would make every `pulumi up` redeploy the function.
 */
class ReproducibleArtifactsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void theMlBundleIsReproducible(@TempDir Path out) throws Exception {
        Path again = out.resolve("index.mjs");
        run(ROOT.resolve("lambda-src/ml-stream"), Map.of(), "node", "build.mjs", again.toString());

        assertArrayEquals(Files.readAllBytes(ROOT.resolve(LambdaArtifacts.ML_STREAM_BUNDLE)), Files.readAllBytes(again),
                "a second build of " + LambdaArtifacts.ML_STREAM_BUNDLE + " differs");
    }

    @Test
    void theApplicationLambdaJarIsReproducible(@TempDir Path lambdaSrc) throws Exception {
        Path sources = ROOT.resolve("lambda-src/app-invoker");
        Path copy = Files.createDirectories(lambdaSrc.resolve("app-invoker"));
        Files.copy(sources.resolve("pom.xml"), copy.resolve("pom.xml"));
        copyTree(sources.resolve("src/main"), copy.resolve("src/main"));
        // The jar carries the shared metric definition from beside the ML function.
        Files.createDirectories(lambdaSrc.resolve("ml-stream"));
        Files.copy(ROOT.resolve("lambda-src/ml-stream/metrics.json"), lambdaSrc.resolve("ml-stream/metrics.json"));
        Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        // The build's own JVM options (.mvn/jvm.config, which a copy outside the project does not find) and no test
        // compilation: neither changes a byte of the jar, both halve the time.
        String jvmOptions = String.join(" ", Files.readAllLines(ROOT.resolve(".mvn/jvm.config")));
        run(copy, Map.of("MAVEN_OPTS", jvmOptions), mvn.toString(), "-B", "-q", "-o",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"), "-Dmaven.test.skip=true", "package");

        Path uploaded = ROOT.resolve(LambdaArtifacts.APP_INVOKER_JAR);
        Path again = copy.resolve("target/app-invoker.jar");
        assertEquals(List.of(), differingEntries(uploaded, again),
                "entries of a second build of " + LambdaArtifacts.APP_INVOKER_JAR + " that differ");
        assertArrayEquals(Files.readAllBytes(uploaded), Files.readAllBytes(again),
                "a second build of " + LambdaArtifacts.APP_INVOKER_JAR + " differs (entry times, order or metadata)");
    }

    private static void run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("build", ".log");
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        var process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.delete(log);
        assertTrue(finished && process.exitValue() == 0, String.join(" ", command) + " failed:\n" + output);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static List<String> differingEntries(Path a, Path b) throws IOException {
        Map<String, byte[]> left = entries(a);
        Map<String, byte[]> right = entries(b);
        var differing = new ArrayList<String>();
        for (String name : left.keySet()) {
            if (!right.containsKey(name) || !Arrays.equals(left.get(name), right.get(name))) {
                differing.add(name);
            }
        }
        right.keySet().stream().filter(name -> !left.containsKey(name)).forEach(differing::add);
        return differing;
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        var entries = new TreeMap<String, byte[]>();
        try (var zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                try (var in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }
}
