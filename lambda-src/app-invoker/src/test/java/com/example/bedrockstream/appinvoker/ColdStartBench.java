package com.example.bedrockstream.appinvoker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Application Lambda's cold start, measured locally: fresh JVMs running the deployed jar
 * ({@code target/app-invoker.jar}, as the program uploads it) through {@link ColdStartProbe}, against the local
 * STS and InvokeWithResponseStream endpoint of {@code ../ml-stream/bench/e2e-server.mjs}. Each JVM flag set is run
 * {@value #RUNS} times, alternating. Run: {@code mvn -f lambda-src/app-invoker/pom.xml package
 * exec:exec@cold-start-bench}, or {@code npm run bench:cold} in {@code lambda-src/ml-stream}.
 *
 * <p>Figures, medians over the runs, from {@code System.nanoTime()} (CLOCK_MONOTONIC in both processes): JVM start
 * (process launched) to {@code main}; init ({@code new Handler()}: class loading, static init, constructor); the
 * first invocation's first byte (client set-up, AssumeRole, connection, request, first chunk); and the same for the
 * second invocation in the same JVM, the warm peer of the first.
 */
public final class ColdStartBench {

    private static final int RUNS = 5;
    /** What Lambda's java17 and java21 runtimes run with by default (C1 only), and a plain JVM. */
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("Lambda's default (-XX:TieredStopAtLevel=1)", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        FLAGS.put("plain JVM (C1 and C2)", "");
    }

    /** One fresh JVM's readings, in ms from its launch. */
    record Run(double toMain, double init, double firstByte, double firstInvokeToFirstByte, double warmTtfb,
            double cpu, int classes) {
    }

    /**
     * Runs the deployed jar; with {@code -DcoldStart.peer=<jar>} (e.g. a copy built from an earlier commit) that jar
     * too, as the peer the deployed one is compared with.
     */
    public static void main(String[] args) throws Exception {
        Path deployed = Path.of("target", "app-invoker.jar");
        String peerJar = System.getProperty("coldStart.peer", "");
        List<Path> jars = (peerJar.isBlank() ? List.of(deployed) : List.of(Path.of(peerJar), deployed)).stream()
                .map(Path::toAbsolutePath).toList();
        Path probe = Path.of("target", "test-classes").toAbsolutePath();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it first (mvn package)");
            }
        }
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (Path jar : jars) {
            FLAGS.keySet().forEach(k -> runs.put(row(jars, jar, k), new ArrayList<>()));
        }
        try (MlStreamEndpoint endpoint = MlStreamEndpoint.start(Path.of("target", "e2e-server.log"))) {
            Map<String, String> env = new HashMap<>(TestConfigs.env());
            env.put(Config.LAMBDA_ENDPOINT, endpoint.url().toString());
            env.put(Config.STS_ENDPOINT, endpoint.url().toString());
            // The execution role's credentials, as Lambda sets them; no profile files.
            env.put("AWS_ACCESS_KEY_ID", "AKIDCOLDSTART");
            env.put("AWS_SECRET_ACCESS_KEY", "cold-start-secret");
            env.put("AWS_SESSION_TOKEN", "cold-start-token");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_CONFIG_FILE", "/nonexistent/config");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
            for (Path jar : jars) {
                launch(jar, probe, env, ""); // the page cache, so the first measured run does not read the jar from disk
            }
            for (int i = 0; i < RUNS; i++) {
                for (Path jar : jars) {
                    for (var flags : FLAGS.entrySet()) {
                        runs.get(row(jars, jar, flags.getKey())).add(launch(jar, probe, env, flags.getValue()));
                    }
                }
            }
        }

        System.out.printf("%nApplication Lambda cold start: fresh JVMs running the jar as deployed against the local "
                + "STS and ML endpoint%n(Java %s, %d cores; medians of %d runs per row, alternating; ms from the "
                + "JVM's launch unless said)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), RUNS);
        for (Path jar : jars) {
            System.out.printf("  %s: %s, %,d bytes%n", label(jars, jar), jar, Files.size(jar));
        }
        System.out.printf("%n  %-50s %8s %8s %10s %10s %8s %9s %9s %7s%n", "jar, JVM flags", "to main", "init",
                "1st invoke", "first byte", "warm", "cold/warm", "CPU", "classes");
        Map<String, Run> peer = new HashMap<>();
        for (var e : runs.entrySet()) {
            List<Run> r = e.getValue();
            double invoke = median(r, Run::firstInvokeToFirstByte);
            double warm = median(r, Run::warmTtfb);
            Run m = new Run(median(r, Run::toMain), median(r, Run::init), median(r, Run::firstByte), invoke, warm,
                    median(r, Run::cpu), (int) median(r, x -> x.classes()));
            String flags = e.getKey().substring(e.getKey().indexOf(", ") + 2);
            peer.putIfAbsent(flags, m);
            Run p = peer.get(flags);
            String vsPeer = p == m ? "" : String.format("   vs %s: init x%.2f, first byte x%.2f, CPU x%.2f",
                    label(jars, jars.get(0)), m.init() / p.init(), m.firstByte() / p.firstByte(), m.cpu() / p.cpu());
            System.out.printf("  %-50s %8s %8s %10s %10s %8s x%-8.0f %9s %7d%s%n", e.getKey(), ms(m.toMain()),
                    ms(m.init()), ms(invoke), ms(m.firstByte()), ms(warm), invoke / warm, ms(m.cpu()), m.classes(),
                    vsPeer);
        }
        System.out.println("""

                  to main: JVM launch -> main; init: new Handler() (what Lambda's init phase runs); 1st invoke: \
                handleRequest -> first byte
                  first byte: JVM launch -> first byte of the first invocation; warm: the second invocation's \
                handleRequest -> first byte
                  CPU: the JVM's CPU time (all threads) from launch to the end of the first invocation
                """);
        System.exit(0);
    }

    private static String label(List<Path> jars, Path jar) {
        return jars.size() == 1 ? "jar" : "jar " + (char) ('A' + jars.indexOf(jar));
    }

    private static String row(List<Path> jars, Path jar, String flags) {
        return label(jars, jar) + ", " + flags;
    }

    private static Run launch(Path jar, Path probe, Map<String, String> env, String flags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + ":" + probe, ColdStartProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (!flags.isEmpty()) {
            pb.environment().put("JAVA_TOOL_OPTIONS", flags);
        }
        long launched = System.nanoTime();
        Process p = pb.start();
        String line;
        try (var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.lines().filter(l -> l.startsWith("main=")).findFirst().orElse(null);
        }
        if (p.waitFor() != 0 || line == null) {
            throw new IllegalStateException("the cold-start probe failed (exit " + p.exitValue() + ")");
        }
        Map<String, Double> v = new HashMap<>();
        for (String kv : line.split(" ")) {
            String[] parts = kv.split("=", 2);
            v.put(parts[0], Double.parseDouble(parts[1]));
        }
        double nanosPerMs = 1e6;
        // The first invocation's first byte: its end less what came after the first byte (ms resolution).
        double firstByte = v.get("firstDone") - (v.get("firstTotalMs") - v.get("firstTtfbMs")) * nanosPerMs;
        double secondStart = v.get("firstDone");
        double warm = (v.get("secondDone") - secondStart) / nanosPerMs - (v.get("secondTotalMs") - v.get("secondTtfbMs"));
        return new Run((v.get("main") - launched) / nanosPerMs, (v.get("init") - v.get("main")) / nanosPerMs,
                (firstByte - launched) / nanosPerMs, (firstByte - v.get("init")) / nanosPerMs, warm, v.get("cpuMs"),
                v.get("classes").intValue());
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] xs = runs.stream().mapToDouble(f).sorted().toArray();
        return xs[xs.length / 2];
    }

    private static String ms(double v) {
        return String.format("%.0f ms", v);
    }
}
