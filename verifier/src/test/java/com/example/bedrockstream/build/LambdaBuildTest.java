package com.example.bedrockstream.build;

import com.example.bedrockstream.compute.LambdaArtifacts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build step's choice: with tests skipped, an artifact that matches its sources is kept and a stale one rebuilt;
 * with tests running, both are rebuilt. npm and mvn are stand-ins that only record how they were called.
 */
class LambdaBuildTest {
    @TempDir
    Path root;
    private Path calls;
    private String npm;
    private String mvn;

    @BeforeEach
    void project() throws Exception {
        write("lambda-src/ml-stream/src/index.mjs", "export const handler = () => 1;\n");
        write("lambda-src/ml-stream/package.json", "{}\n");
        write("lambda-src/ml-stream/package-lock.json", "{}\n");
        write("lambda-src/ml-stream/build.mjs", "\n");
        write(LambdaArtifacts.ML_STREAM_BUNDLE.toString(), "bundle\n");
        write("lambda-src/app-invoker/src/main/java/Handler.java", "class Handler {}\n");
        write("lambda-src/app-invoker/pom.xml", "<project/>\n");
        write(LambdaArtifacts.APP_INVOKER_JAR.toString(), "jar\n");
        calls = root.resolve("calls.txt");
        npm = recorder("npm");
        mvn = recorder("mvn");
        build(true);
        Files.deleteIfExists(calls);
    }

    @Test
    void freshArtifactsAreKeptWhenTestsAreSkipped() throws Exception {
        build(true);
        assertEquals(List.of(), recorded());
        var artifacts = new LambdaArtifacts(root);
        assertTrue(artifacts.unusable(LambdaArtifacts.ML_STREAM_BUNDLE).isEmpty());
        assertTrue(artifacts.unusable(LambdaArtifacts.APP_INVOKER_JAR).isEmpty());
    }

    @Test
    void aStaleArtifactIsRebuiltAndOnlyThatOne() throws Exception {
        write("lambda-src/ml-stream/src/index.mjs", "export const handler = () => 2;\n");
        build(true);
        assertEquals(List.of("npm ci --no-audit --no-fund --loglevel=error", "npm run --silent build"), recorded());
    }

    @Test
    void bothAreRebuiltAndTestedWhenTestsRun() throws Exception {
        build(false);
        var recorded = recorded();
        assertEquals(3, recorded.size(), recorded::toString);
        assertTrue(recorded.get(2).startsWith("mvn -B -q -f ") && recorded.get(2).endsWith(" -DskipTests=false package"),
                recorded::toString);
    }

    private void build(boolean skipTests) throws Exception {
        LambdaBuild.build(root, npm, mvn, root.resolve("m2").toString(), skipTests);
    }

    private List<String> recorded() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls).stream()
                .map(line -> line.replaceAll("-Dmaven.repo.local=\\S+ ", "")).toList() : List.of();
    }

    private String recorder(String name) throws IOException {
        Path script = root.resolve("bin").resolve(name);
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
