package com.example.bedrockstream.build;

import com.example.bedrockstream.compute.LambdaArtifacts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Lambdas' own test suites, run beside the program's tests instead of before them: the Node suite spends most of
 * its time waiting on timers and retries, and the Application Lambda's is a Maven of its own, so on two cores they
 * cost little wall time while surefire runs. {@code start} (after the verifier compiles, when tests run) launches
 * each suite that has not passed on exactly its artifact's sources and bytes and its own tests, or every suite with
 * {@code -DrebuildLambdas}; {@code await} (after surefire) waits for them, marks the artifacts that passed as tested
 * and fails the build, with the end of the suite's log, if one did not.
 *
 * <p>Each suite runs under {@code sh}, which writes its exit status to a file when it ends: the two steps are separate
 * Maven executions, so the status, the log and the stamp the suite ran against are files in
 * {@code verifier/target/lambda-tests}. Maven passes its settings as {@code lambdaTests.*} system properties.
 */
public final class LambdaTests {
    private static final Duration LONGEST = Duration.ofMinutes(20);
    private static final int LOG_TAIL_LINES = 80;

    /**
     * One suite: the artifact it vouches for, where it runs, how, and what else it reads besides the artifact's own
     * sources (its tests, and what they run), so that changing a test runs the suite again.
     */
    record Suite(String name, Path artifact, Path dir, List<String> command, List<Path> inputs) {
    }

    private LambdaTests() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("lambdaTests.root")).toAbsolutePath();
        Path work = Path.of(System.getProperty("lambdaTests.dir")).toAbsolutePath();
        switch (System.getProperty("lambdaTests.step")) {
            case "start" -> start(root, work, suites(root, System.getProperty("lambdaTests.npm"),
                    System.getProperty("lambdaTests.mvn"), System.getProperty("lambdaTests.localRepository")),
                    Boolean.parseBoolean(System.getProperty("lambdaTests.force")), System.out);
            case "await" -> await(root, work, System.out);
            default -> throw new IllegalArgumentException("lambdaTests.step is start or await");
        }
    }

    /** The ML function's suite and the Application Lambda's. */
    static List<Suite> suites(Path root, String npm, String mvn, String localRepository) {
        return List.of(
                new Suite("ml-stream", LambdaArtifacts.ML_STREAM_BUNDLE, root.resolve("lambda-src/ml-stream"),
                        List.of(npm, "test"), List.of(Path.of("lambda-src/ml-stream/test"))),
                // `test`, not `package`: the jar the build step made and stamped is left as it is.
                new Suite("app-invoker", LambdaArtifacts.APP_INVOKER_JAR, root,
                        List.of(mvn, "-B", "-q", "-f", root.resolve("lambda-src/app-invoker/pom.xml").toString(),
                                "-Dmaven.repo.local=" + localRepository, "-DskipTests=false", "test"),
                        List.of(Path.of("lambda-src/app-invoker/src/test"), LambdaArtifacts.ML_STREAM_BUNDLE,
                                Path.of("lambda-src/ml-stream/test/support"),
                                Path.of("lambda-src/ml-stream/bench/e2e-server.mjs"),
                                Path.of("lambda-src/ml-stream/package-lock.json"))));
    }

    /** The suite that vouches for {@code artifact}. */
    static Suite of(List<Suite> suites, Path artifact) {
        return suites.stream().filter(s -> s.artifact().equals(artifact)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no suite tests " + artifact));
    }

    /** The mark beside an artifact that its suite passed: the key it had then. */
    static Path markOf(Path artifact) {
        return artifact.resolveSibling(artifact.getFileName() + ".tested");
    }

    /** What a pass vouches for: the artifact's stamp (its sources and its bytes) and the suite's other inputs. */
    static String key(Path root, Suite suite) throws IOException {
        Path stamp = root.resolve(LambdaArtifacts.stampOf(suite.artifact()));
        return (Files.isRegularFile(stamp) ? Files.readString(stamp) : "unstamped\n")
                + "tests " + new LambdaArtifacts(root).digestOf(suite.inputs()) + "\n";
    }

    /** Whether the suite passed on exactly this artifact, its sources and its other inputs. */
    static boolean passed(Path root, Suite suite) throws IOException {
        Path mark = root.resolve(markOf(suite.artifact()));
        return new LambdaArtifacts(root).unusable(suite.artifact()).isEmpty() && Files.isRegularFile(mark)
                && Files.readString(mark).equals(key(root, suite));
    }

    /** Launches the suites that need to run, in the background, after stopping any left over from an earlier build. */
    static void start(Path root, Path work, List<Suite> suites, boolean force, PrintStream out) throws IOException {
        Files.createDirectories(work);
        for (Suite suite : suites) {
            Path pid = work.resolve(suite.name() + ".pid");
            Path exit = work.resolve(suite.name() + ".exit");
            leftOver(pid, exit).ifPresent(LambdaTests::stop);
            for (String suffix : List.of(".pid", ".started", ".exit", ".exit.tmp", ".log")) {
                Files.deleteIfExists(work.resolve(suite.name() + suffix));
            }
            if (!force && passed(root, suite)) {
                continue;
            }
            List<String> command = new ArrayList<>(List.of("sh", "-c",
                    "\"$@\"; echo $? > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"", exit.toString()));
            command.addAll(suite.command());
            Process process = new ProcessBuilder(command).directory(suite.dir().toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve(suite.name() + ".log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            Files.writeString(pid, Long.toString(process.pid()));
            // What the suite runs against: only these bytes and sources count as tested when it passes.
            Files.writeString(work.resolve(suite.name() + ".started"), key(root, suite));
            out.println(suite.artifact() + ": its own tests run beside the program's (log "
                    + root.relativize(work.resolve(suite.name() + ".log")) + ")");
        }
    }

    /** Waits for the suites {@link #start} launched; marks those that passed; fails naming those that did not. */
    static void await(Path root, Path work, PrintStream out) throws IOException, InterruptedException {
        List<String> failed = new ArrayList<>();
        for (Suite suite : suites(root, "npm", "mvn", "")) { // only each suite's name and artifact are read here
            Path started = work.resolve(suite.name() + ".started");
            if (!Files.isRegularFile(started)) {
                continue;
            }
            Optional<Integer> status = exitStatus(work.resolve(suite.name() + ".pid"), work.resolve(suite.name() + ".exit"));
            Path log = work.resolve(suite.name() + ".log");
            if (status.isEmpty() || status.get() != 0) {
                failed.add(suite.artifact() + status.map(code -> " (exit " + code + ")")
                        .orElse(" (stopped before it ended, or still running after " + LONGEST.toMinutes() + " minutes)"));
                out.println("---- " + root.relativize(log) + ", its last " + LOG_TAIL_LINES + " lines ----");
                try (Stream<String> lines = Files.lines(log)) {
                    List<String> all = lines.toList();
                    all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()).forEach(out::println);
                }
                continue;
            }
            String ranOn = Files.readString(started);
            if (new LambdaArtifacts(root).unusable(suite.artifact()).isEmpty() && key(root, suite).equals(ranOn)) {
                Files.writeString(root.resolve(markOf(suite.artifact())), ranOn);
                out.println(suite.artifact() + ": its own tests passed (log " + root.relativize(log) + ")");
            } else {
                out.println(suite.artifact() + ": its own tests passed, but it or its sources changed while "
                        + "they ran, so it is not marked tested");
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the Lambdas' own tests failed: " + String.join(", ", failed));
        }
    }

    /** The suite's exit status; empty when its shell was stopped before it could write one, or it ran too long. */
    private static Optional<Integer> exitStatus(Path pid, Path exit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(LONGEST);
        long id = Long.parseLong(Files.readString(pid).strip());
        while (!Files.isRegularFile(exit)) {
            // The shell writes the status before it ends: gone without one, it was stopped.
            boolean gone = !ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
            if (gone && !Files.isRegularFile(exit) || Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            Thread.sleep(100);
        }
        return Optional.of(Integer.parseInt(Files.readString(exit).strip()));
    }

    /**
     * A suite's shell that an earlier build left running: the process of the recorded id, if its command line still
     * names the status file (so that an id taken since by another process is left alone).
     */
    private static Optional<ProcessHandle> leftOver(Path pid, Path exit) throws IOException {
        if (!Files.isRegularFile(pid)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                .filter(p -> p.info().commandLine().map(c -> c.contains(exit.toString())).orElse(false));
    }

    /** Stops a suite left running by a build that ended early, with whatever it started. */
    private static void stop(ProcessHandle suite) {
        suite.descendants().forEach(ProcessHandle::destroy);
        suite.destroy();
    }
}
