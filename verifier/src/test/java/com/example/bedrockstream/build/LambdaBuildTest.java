package com.example.bedrockstream.build;

import com.example.bedrockstream.compute.LambdaArtifacts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build step's choice: an artifact that matches its sources is kept and a stale one rebuilt; with tests running,
 * a Lambda's suite runs (in the background, awaited after the program's tests) unless it passed on exactly these
 * sources; a failing suite fails the build and runs again next time; -DrebuildLambdas rebuilds both. npm and mvn are
 * stand-ins that only record how they were called (the two Lambdas build side by side and their suites run side by
 * side, so order is not compared across them); npm's suite fails while the file FAIL exists, and is killed with its
 * shell while KILL does.
 */
class LambdaBuildTest {
    private static final String NPM_CI = "npm ci --prefer-offline --no-audit --no-fund --loglevel=error";

    @TempDir
    Path root;
    private Path calls;
    private String npm;
    private String mvn;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void project() throws Exception {
        write("lambda-src/ml-stream/src/index.mjs", "export const handler = () => 1;\n");
        write("lambda-src/ml-stream/package.json", "{}\n");
        write("lambda-src/ml-stream/package-lock.json", "{}\n");
        write("lambda-src/ml-stream/build.mjs", "\n");
        write("lambda-src/ml-stream/node_modules/.package-lock.json", "{}\n"); // as `npm ci` leaves it
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
        assertEquals(List.of(NPM_CI, "npm run --silent build"), recorded());
    }

    @Test
    void untestedArtifactsAreTestedWithoutRebuildingEitherThenKept() throws Exception {
        buildAndTest();
        assertEquals(Set.of(NPM_CI, "npm test",
                mvnTest()),
                Set.copyOf(recorded()));
        assertEquals(3, recorded().size());

        Files.delete(calls);
        buildAndTest();
        assertEquals(List.of(), recorded(), "both passed their tests on these sources");
    }

    @Test
    void aChangedLambdaIsRebuiltAndTestedAgainAndOnlyThatOne() throws Exception {
        buildAndTest();
        Files.delete(calls);
        write("lambda-src/ml-stream/src/index.mjs", "export const handler = () => 2;\n");
        buildAndTest();
        assertEquals(List.of(NPM_CI, "npm run --silent build", "npm test"),
                recorded());
    }

    @Test
    void aChangedTestRunsItsSuiteAgainWithoutARebuild() throws Exception {
        buildAndTest();
        Files.delete(calls);
        write("lambda-src/ml-stream/test/suite.mjs", "test('another');\n");
        buildAndTest();
        assertEquals(List.of(NPM_CI, "npm test"), recorded());

        Files.delete(calls);
        write("lambda-src/app-invoker/src/test/java/HandlerTest.java", "class HandlerTest {}\n");
        buildAndTest();
        assertEquals(List.of(mvnTest()),
                recorded(), "node_modules is there: no reinstall for the Application Lambda's suite");

        Files.delete(calls);
        Files.delete(root.resolve("lambda-src/ml-stream/node_modules/.package-lock.json"));
        Files.delete(root.resolve("lambda-src/ml-stream/node_modules"));
        write("lambda-src/app-invoker/src/test/java/HandlerTest.java", "class HandlerTest { }\n");
        buildAndTest();
        assertEquals(List.of(NPM_CI,
                mvnTest()), recorded(),
                "without node_modules it is installed first: the suite's end-to-end tests run the ML function");
    }

    @Test
    void theApplicationLambdasSuiteRunsAgainWhenTheMlFunctionItRunsChanges() throws Exception {
        buildAndTest();
        Files.delete(calls);
        write("lambda-src/ml-stream/test/support/lambda-endpoint.mjs", "export const changed = true;\n");
        buildAndTest();
        assertEquals(Set.of(NPM_CI, "npm test",
                mvnTest()),
                Set.copyOf(recorded()));
    }

    @Test
    void aFailingSuiteFailsTheBuildNamingItsArtifactAndRunsAgainNextTime() throws Exception {
        write("FAIL", "");
        var failure = assertThrows(IllegalStateException.class, this::buildAndTest);
        assertEquals("the Lambdas' own tests failed: " + LambdaArtifacts.ML_STREAM_BUNDLE + " (exit 3)",
                failure.getMessage());
        assertTrue(printed.toString().contains("---- lambda-tests/ml-stream.log, its last 80 lines ----\nnot ok 1\n"),
                "the failing suite's log is shown: " + printed);
        assertTrue(passed(LambdaArtifacts.APP_INVOKER_JAR), "the other suite passed");

        Files.delete(root.resolve("FAIL"));
        Files.delete(calls);
        buildAndTest();
        assertEquals(List.of(NPM_CI, "npm test"), recorded());
    }

    @Test
    void rebuildLambdasRebuildsBothWhoseStampsMatch() throws Exception {
        LambdaBuild.build(root, npm, mvn, root.resolve("m2").toString(), true, true);
        assertEquals(Set.of(NPM_CI, "npm run --silent build",
                "mvn -B -q -f " + root.resolve("lambda-src/app-invoker/pom.xml") + " -Dmaven.test.skip=true package"),
                Set.copyOf(recorded()));
    }

    @Test
    void aSuiteStoppedBeforeItEndedFailsTheBuildInsteadOfWaiting() throws Exception {
        write("KILL", "");
        var failure = assertThrows(IllegalStateException.class, this::buildAndTest);
        assertEquals("the Lambdas' own tests failed: " + LambdaArtifacts.ML_STREAM_BUNDLE
                + " (stopped before it ended, or still running after 20 minutes)", failure.getMessage());
        assertFalse(passed(LambdaArtifacts.ML_STREAM_BUNDLE));
        assertTrue(passed(LambdaArtifacts.APP_INVOKER_JAR), "the other suite was awaited");
    }

    private String mvnTest() {
        return "mvn -B -q -f " + root.resolve("lambda-src/app-invoker/pom.xml") + " -DskipTests=false test";
    }

    private boolean passed(Path artifact) throws IOException {
        return LambdaTests.passed(root, LambdaTests.of(LambdaTests.suites(root, npm, mvn, ""), artifact));
    }

    private void build(boolean skipTests) throws Exception {
        LambdaBuild.build(root, npm, mvn, root.resolve("m2").toString(), skipTests, false);
    }

    /** What `./mvnw test` runs: the build step, the suites started, then awaited after the program's tests. */
    private void buildAndTest() throws Exception {
        build(false);
        Path work = root.resolve("lambda-tests");
        printed.reset();
        var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        LambdaTests.start(root, work, LambdaTests.suites(root, npm, mvn, root.resolve("m2").toString()), false, out);
        LambdaTests.await(root, work, out);
    }

    private List<String> recorded() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls).stream()
                .map(line -> line.replaceAll("-Dmaven.repo.local=\\S+ ", "")).toList() : List.of();
    }

    private String recorder(String name) throws IOException {
        Path script = root.resolve("bin").resolve(name);
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\n"
                + "if [ \"$1\" = test ] && [ -e '" + root.resolve("FAIL") + "' ]; then echo 'not ok 1'; exit 3; fi\n"
                + "if [ \"$1\" = test ] && [ -e '" + root.resolve("KILL") + "' ]; then kill -9 $PPID; fi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
