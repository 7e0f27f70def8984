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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build step's choice: an artifact that matches its sources is kept and a stale one rebuilt; with tests running,
 * a Lambda is tested unless it passed its tests on exactly these sources; -DrebuildLambdas rebuilds both. npm and mvn
 * are stand-ins that only record how they were called (the two Lambdas build side by side, so order is not compared).
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
        assertEquals(List.of("npm ci --prefer-offline --no-audit --no-fund --loglevel=error", "npm run --silent build"), recorded());
    }

    @Test
    void untestedArtifactsAreTestedWithoutRebuildingTheBundleThenKept() throws Exception {
        build(false);
        assertEquals(Set.of("npm ci --prefer-offline --no-audit --no-fund --loglevel=error", "npm test",
                "mvn -B -q -f " + root.resolve("lambda-src/app-invoker/pom.xml") + " -DskipTests=false package"),
                Set.copyOf(recorded()));
        assertEquals(3, recorded().size());

        Files.delete(calls);
        build(false);
        assertEquals(List.of(), recorded(), "both passed their tests on these sources");
    }

    @Test
    void aChangedLambdaIsRebuiltAndTestedAgainAndOnlyThatOne() throws Exception {
        build(false);
        Files.delete(calls);
        write("lambda-src/ml-stream/src/index.mjs", "export const handler = () => 2;\n");
        build(false);
        assertEquals(List.of("npm ci --prefer-offline --no-audit --no-fund --loglevel=error", "npm run --silent build", "npm test"),
                recorded());
    }

    @Test
    void rebuildLambdasRebuildsBothWhoseStampsMatch() throws Exception {
        LambdaBuild.build(root, npm, mvn, root.resolve("m2").toString(), true, true);
        assertEquals(Set.of("npm ci --prefer-offline --no-audit --no-fund --loglevel=error", "npm run --silent build",
                "mvn -B -q -f " + root.resolve("lambda-src/app-invoker/pom.xml") + " -Dmaven.test.skip=true package"),
                Set.copyOf(recorded()));
    }

    private void build(boolean skipTests) throws Exception {
        LambdaBuild.build(root, npm, mvn, root.resolve("m2").toString(), skipTests, false);
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
