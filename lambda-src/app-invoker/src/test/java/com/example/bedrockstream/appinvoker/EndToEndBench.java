package com.example.bedrockstream.appinvoker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;

/**
 * Figures for the whole stream path (Bedrock mock -> real ML bundle -> InvokeWithResponseStream endpoint -> reader),
 * the Application Lambda's reader beside a bare SDK v2 reader on the same endpoint, measured in the same run.
 * Run: {@code mvn -f lambda-src/app-invoker/pom.xml test-compile exec:exec@e2e-bench}.
 *
 * <p>Per-chunk latency is Bedrock mock write -> reader callback: the mock stamps each delta with
 * {@code process.hrtime}, which on Linux reads the same CLOCK_MONOTONIC as {@link System#nanoTime()}.
 */
public final class EndToEndBench {

    private static final long MiB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP_ROUNDS = 2;
    private static final int PACED_CHUNKS = 250;
    private static final int PACED_INTERVAL_MS = 2;
    private static final int PACED_ROUNDS = 16;
    private static final int BURST_CHUNKS = 10_000;
    private static final int BURST_ROUNDS = 8;
    private static final int STAMPED_BYTES = 32; // a stamp and padding: about a token's worth of text and more
    private static final int TTFB_ROUNDS = 500;
    private static final int BIG_CHUNKS = 2560;
    private static final int BIG_BYTES = 4096; // 2560 x 4 KiB = 10 MiB
    private static final int[][] ORDERS = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};

    /** What one read of one answer measured. */
    record Run(long ttfbNanos, long[] latencyNanos, long bytes, long readNanos) {
    }

    /** Records, per chunk, its arrival time and its stamp; and the first arrival. */
    static final class Clock {
        final long start = System.nanoTime();
        final long[] latencies;
        int count;
        long first = -1;
        long last;
        long bytes;

        Clock(int capacity) {
            latencies = new long[capacity];
        }

        void chunk(long stamp, int length) {
            long now = System.nanoTime();
            if (first < 0) {
                first = now;
            }
            last = now;
            bytes += length;
            if (stamp >= 0 && count < latencies.length) {
                latencies[count++] = now - stamp;
            }
        }

        Run run() {
            return new Run(first - start, Arrays.copyOf(latencies, count), bytes, last - first);
        }
    }

    private final MlStreamEndpoint endpoint;
    private final StreamingInvoker app;
    private final LambdaAsyncClient bare;
    private final LambdaAsyncClient control; // the bare reader again, on a client of its own
    private final Config config;

    private EndToEndBench(MlStreamEndpoint endpoint) {
        this.endpoint = endpoint;
        this.config = endpoint.config(Map.of(Config.MAX_ANSWER_BYTES, String.valueOf(16 * MiB)));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench-secret"));
        // Same HTTP client settings for both; each has its own connection pool.
        this.app = new StreamingInvoker(config, AwsClients.lambdaClient(config, credentials), System::nanoTime);
        this.bare = AwsClients.lambdaClient(config, credentials);
        this.control = AwsClients.lambdaClient(config, credentials);
    }

    /** The Application Lambda's reader, streaming: each decoded piece is one chunk here. */
    Run viaApp(Map<String, Object> script, int capacity) {
        Clock clock = new Clock(capacity);
        app.stream(MlStreamEndpoint.request(script), OptionalLong.empty(),
                piece -> clock.chunk(stampOf(piece), piece.length()));
        return clock.run();
    }

    /** The physical limit: the SDK's own event-stream reading, nothing done with the chunks. */
    Run viaBare(Map<String, Object> script, int capacity) {
        return viaBare(bare, script, capacity);
    }

    private Run viaBare(LambdaAsyncClient client, Map<String, Object> script, int capacity) {
        Clock clock = new Clock(capacity);
        var visitor = InvokeWithResponseStreamResponseHandler.Visitor.builder()
                .onPayloadChunk(c -> {
                    byte[] bytes = c.payload().asByteArrayUnsafe();
                    clock.chunk(stampOf(bytes), bytes.length);
                })
                .build();
        client.invokeWithResponseStream(
                r -> r.functionName(config.mlFunctionArn()).payload(SdkBytes.fromByteArrayUnsafe(
                        json(MlStreamEndpoint.request(script)))),
                InvokeWithResponseStreamResponseHandler.builder().subscriber(visitor).build()).join();
        return clock.run();
    }

    private static long stampOf(CharSequence text) {
        long value = 0;
        int i = 0;
        for (; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return i > 0 && i < text.length() && text.charAt(i) == ' ' ? value : -1;
    }

    private static long stampOf(byte[] text) {
        long value = 0;
        int i = 0;
        for (; i < text.length && text[i] >= '0' && text[i] <= '9'; i++) {
            value = value * 10 + (text[i] - '0');
        }
        return i > 0 && i < text.length && text[i] == ' ' ? value : -1;
    }

    private static byte[] json(Map<String, Object> request) {
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Both readers, {@code rounds} times each after warm-up, alternating which goes first so neither always follows
     * the other; samples pooled per reader.
     */
    String[] compare(String title, Map<String, Object> script, int chunks, int rounds) {
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            viaApp(script, chunks);
            viaBare(script, chunks);
        }
        Run[] apps = new Run[rounds];
        Run[] bares = new Run[rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                apps[i] = viaApp(script, chunks);
                bares[i] = viaBare(script, chunks);
            } else {
                bares[i] = viaBare(script, chunks);
                apps[i] = viaApp(script, chunks);
            }
        }
        long[] appLat = pooled(apps);
        long[] bareLat = pooled(bares);
        double appTtfb = median(Arrays.stream(apps).mapToLong(Run::ttfbNanos).toArray());
        double bareTtfb = median(Arrays.stream(bares).mapToLong(Run::ttfbNanos).toArray());
        double appRate = median(Arrays.stream(apps).mapToLong(r -> rate(r, chunks)).toArray());
        double bareRate = median(Arrays.stream(bares).mapToLong(r -> rate(r, chunks)).toArray());
        // Thousands of samples per reader from rounds that alternate: the pooled p50 is steadier than a median of the
        // few rounds' own p50 ratios (which the time to first byte below has to use, one sample a round).
        double p50 = pct(appLat, 50) / pct(bareLat, 50);
        return new String[] {
            title,
            row(String.format("time to first byte (median of %d)", rounds), ms(appTtfb), ms(bareTtfb), appTtfb / bareTtfb,
                    ""),
            row("per-chunk latency p50", ms(pct(appLat, 50)), ms(pct(bareLat, 50)), p50,
                    "target <= x1.05: " + (p50 <= 1.05 ? "met" : "MISSED")),
            row("per-chunk latency p99", ms(pct(appLat, 99)), ms(pct(bareLat, 99)), pct(appLat, 99) / pct(bareLat, 99), ""),
            row("throughput (median, chunks/s)", String.format("%,.0f /s", appRate), String.format("%,.0f /s", bareRate),
                    appRate / bareRate, ""),
            String.format("  (%d rounds each, %d latency samples per reader; round to round, p50: App Lambda %s-%s, "
                    + "bare %s-%s; throughput: App Lambda %,d-%,d /s, bare %,d-%,d /s)", rounds, appLat.length,
                    ms(roundP50(apps, true)), ms(roundP50(apps, false)), ms(roundP50(bares, true)),
                    ms(roundP50(bares, false)), min(apps, chunks), max(apps, chunks), min(bares, chunks),
                    max(bares, chunks)),
        };
    }

    /**
     * Time to first byte alone, from many short answers (one chunk each) rather than the few long rounds above, whose
     * medians swing by a few ms from run to run; with the quartiles, so the spread is in view. The verdict is the
     * median of the per-round ratios; a second bare reader on a client of its own, measured the same way against the
     * first, shows how small a difference the bench can tell from noise. Each answer's time is
     * also split at the endpoint's stamps (request received, first framed write): the ML side's share (the mock, the
     * ML function, Node's scheduling) is shared by both readers and carries most of the spread; the rest, request
     * built -> on the wire and first write -> the caller holds the byte, is the reader's own.
     */
    String[] ttfb() throws Exception {
        Map<String, Object> script = Map.of("chunks", 1, "bytes", STAMPED_BYTES);
        List<Supplier<Run>> readers = List.of(() -> viaApp(script, 1), () -> viaBare(bare, script, 1),
                () -> viaBare(control, script, 1));
        for (int i = 0; i < WARMUP_ROUNDS * 5; i++) {
            readers.forEach(Supplier::get);
        }
        // [reader][time to first byte, the reader's own part][round]; each round runs the three readers in one of
        // the six orders in turn, so none always follows another.
        long[][][] t = new long[readers.size()][2][TTFB_ROUNDS];
        for (int i = 0; i < TTFB_ROUNDS; i++) {
            for (int r : ORDERS[i % ORDERS.length]) {
                firstByte(t[r], i, readers.get(r));
            }
        }
        long[][] app = t[0];
        long[][] bare = t[1];
        // Rounds i of the readers ran back to back: their difference and their ratio cancel the load that drifts over
        // the run, which the medians of each reader's own rounds do not.
        String added = paired(app[0], bare[0]);
        String addedOwn = paired(app[1], bare[1]);
        Paired ratio = Paired.of(app[0], bare[0]);
        Paired control = Paired.of(t[2][0], bare[0]);
        for (long[][] reader : t) {
            for (long[] xs : reader) {
                Arrays.sort(xs);
            }
        }
        return new String[] {
            row(String.format("time to first byte, %d x 1 chunk", TTFB_ROUNDS), ms(pct(app[0], 50)), ms(pct(bare[0], 50)),
                    pct(app[0], 50) / pct(bare[0], 50), String.format("(quartiles: App Lambda %s-%s, bare %s-%s)",
                            ms(pct(app[0], 25)), ms(pct(app[0], 75)), ms(pct(bare[0], 25)), ms(pct(bare[0], 75)))),
            row("  paired by round", "", "", ratio.median(), "target <= x1.05: " + ratio.verdict()),
            "    App Lambda - bare, paired by round: " + added,
            row("  of it the reader's own", ms(pct(app[1], 50)), ms(pct(bare[1], 50)), pct(app[1], 50) / pct(bare[1], 50),
                    String.format("(quartiles: App Lambda %s-%s, bare %s-%s; the rest is the ML side's)",
                            ms(pct(app[1], 25)), ms(pct(app[1], 75)), ms(pct(bare[1], 25)), ms(pct(bare[1], 75)))),
            "    App Lambda - bare, paired by round: " + addedOwn,
            row("  control: a second bare reader", ms(pct(t[2][0], 50)), ms(pct(bare[0], 50)), control.median(),
                    String.format("(95%% interval x%.3f-x%.3f: the same code on its own client, what this bench "
                            + "can tell apart)", control.low(), control.high())),
        };
    }

    /** The median of the per-round differences (App Lambda - bare), in ms, with its 95% interval. */
    private static String paired(long[] app, long[] bare) {
        double[] d = new double[app.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (app[i] - bare[i]) / 1e6;
        }
        Paired diff = Paired.of(d);
        return String.format("median %+.3f ms, 95%% interval %+.3f to %+.3f ms", diff.median(), diff.low(), diff.high());
    }

    /** One short answer through one reader: its time to first byte, and that time less the ML side's share. */
    private void firstByte(long[][] into, int i, Supplier<Run> reader) throws Exception {
        int n = endpoint.started() + 1;
        long ttfb = reader.get().ttfbNanos();
        Map<String, Object> record = endpoint.awaitRecord(n);
        long mlSide = Long.parseLong((String) record.get("firstWriteNs")) - Long.parseLong((String) record.get("receivedNs"));
        into[0][i] = ttfb;
        into[1][i] = ttfb - mlSide;
    }

    /**
     * The median of per-round values (rounds of the readers run back to back) with its 95% confidence interval, from
     * the sign test's order statistics: no assumption about the spread's shape, which under load has a long tail.
     */
    record Paired(double median, double low, double high) {
        /** Of the per-round ratios, App Lambda over bare. */
        static Paired of(long[] app, long[] bare) {
            double[] ratios = new double[app.length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = (double) app[i] / bare[i];
            }
            return of(ratios);
        }

        static Paired of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int half = (int) Math.ceil(1.96 * Math.sqrt(sorted.length) / 2);
            int mid = sorted.length / 2;
            return new Paired(sorted[mid], sorted[Math.max(0, mid - half)],
                    sorted[Math.min(sorted.length - 1, mid + half)]);
        }

        String verdict() {
            return String.format("%s (95%% interval x%.3f-x%.3f)", median <= 1.05 ? "met" : "MISSED", low, high);
        }
    }

    private static double p50(Run run) {
        long[] sorted = run.latencyNanos().clone();
        Arrays.sort(sorted);
        return pct(sorted, 50);
    }

    private static double roundP50(Run[] runs, boolean lowest) {
        var p50s = Arrays.stream(runs).mapToDouble(EndToEndBench::p50);
        return lowest ? p50s.min().orElse(0) : p50s.max().orElse(0);
    }

    private static long min(Run[] runs, int chunks) {
        return Arrays.stream(runs).mapToLong(r -> rate(r, chunks)).min().orElse(0);
    }

    private static long max(Run[] runs, int chunks) {
        return Arrays.stream(runs).mapToLong(r -> rate(r, chunks)).max().orElse(0);
    }

    /** Chunks per second from the first byte to the last chunk. */
    private static long rate(Run r, int chunks) {
        return r.readNanos() == 0 ? 0 : Math.round((chunks - 1) * 1e9 / r.readNanos());
    }

    private static long[] pooled(Run[] runs) {
        return Arrays.stream(runs).flatMapToLong(r -> Arrays.stream(r.latencyNanos())).sorted().toArray();
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p / 100.0 * sorted.length))];
    }

    private static double median(long[] xs) {
        long[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ms(double nanos) {
        return String.format("%.3f ms", nanos / 1e6);
    }

    private static String row(String what, String app, String bare, double ratio, String verdict) {
        return String.format("  %-32s %-16s %-16s x%-7.3f %s", what, app, bare, ratio, verdict).stripTrailing();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap still in use after reading a 10 MiB answer, the result held, over the heap in use before it. */
    private String heapAfter(String what, Function<Map<String, Object>, Object> read) {
        Map<String, Object> script = Map.of("chunks", BIG_CHUNKS, "bytes", BIG_BYTES);
        attempt(read, script); // warm-up, so class loading is not counted
        long before = usedHeapAfterGc();
        Object held = attempt(read, script);
        long growth = usedHeapAfterGc() - before;
        Reference.reachabilityFence(held); // the result counts: it is what a caller would hold
        String outcome = held instanceof AnswerTooLargeException e
                ? "  -> AnswerTooLargeException: " + e.getMessage().substring(0, e.getMessage().indexOf(". ") + 1)
                : "";
        return String.format("  %-44s %8.2f MiB%s", what, growth / (double) MiB, outcome);
    }

    private static Object attempt(Function<Map<String, Object>, Object> read, Map<String, Object> script) {
        try {
            return read.apply(script);
        } catch (AnswerTooLargeException e) {
            return e;
        }
    }

    /** The ML function's side when the reader sleeps {@code sleepMs} per piece, or once at its first piece. */
    private String slowReader(String what, long sleepMs, boolean onlyFirst) throws Exception {
        int n = endpoint.started() + 1;
        long start = System.nanoTime();
        boolean[] slept = {false};
        long[] bytesWhenResumed = {-1};
        app.stream(MlStreamEndpoint.request(Map.of("chunks", BIG_CHUNKS, "bytes", BIG_BYTES)), OptionalLong.empty(),
                piece -> {
                    if (onlyFirst && slept[0]) {
                        return;
                    }
                    slept[0] = true;
                    try {
                        Thread.sleep(sleepMs);
                        if (onlyFirst) {
                            bytesWhenResumed[0] = ((Number) endpoint.record(n).get("bytes")).longValue();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        long took = System.nanoTime() - start;
        Map<String, Object> r = endpoint.awaitRecord(n);
        return String.format("  %s: read in %.2f s; the ML function waited on its writes %s times (%s for the reader's "
                + "socket), at most %,d bytes queued at the endpoint%s, outcome %s",
                what, took / 1e9, r.get("handlerStalls"), r.get("readerStalls"), r.get("maxQueuedBytes"),
                onlyFirst ? String.format(", %,d of %,d bytes written when the reader resumed", bytesWhenResumed[0],
                        (long) BIG_CHUNKS * BIG_BYTES) : "",
                r.get("outcome"));
    }

    public static void main(String[] args) throws Exception {
        try (MlStreamEndpoint endpoint = MlStreamEndpoint.start(Path.of("target", "e2e-server.log"))) {
            EndToEndBench bench = new EndToEndBench(endpoint);
            StreamingInvoker capped = new StreamingInvoker(endpoint.config(Map.of()),
                    AwsClients.lambdaClient(bench.config, StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIDBENCH", "bench-secret"))), System::nanoTime);

            // The burst first: its 10,000-chunk rounds warm the JIT, so the paced rounds measure steady state.
            String[] burst = bench.compare(String.format("%,d-chunk burst", BURST_CHUNKS),
                    Map.of("chunks", BURST_CHUNKS, "bytes", STAMPED_BYTES, "stamp", true), BURST_CHUNKS, BURST_ROUNDS);
            String[] paced = bench.compare(String.format("%d paced chunks (%d ms apart)", PACED_CHUNKS, PACED_INTERVAL_MS),
                    Map.of("chunks", PACED_CHUNKS, "bytes", STAMPED_BYTES, "intervalMs", PACED_INTERVAL_MS, "stamp", true),
                    PACED_CHUNKS, PACED_ROUNDS);
            String[] ttfb = bench.ttfb();
            List<String> heap = List.of(
                    bench.heapAfter("bare SDK v2 reader (reads, keeps nothing)", s -> bench.viaBare(s, 0)),
                    bench.heapAfter("Application Lambda reader, streaming", s -> bench.viaApp(s, 0)),
                    bench.heapAfter("Application Lambda reader, collecting", s ->
                            bench.app.invoke(MlStreamEndpoint.request(s), OptionalLong.empty())),
                    bench.heapAfter("collecting with the default cap (5 MiB)", s ->
                            capped.invoke(MlStreamEndpoint.request(s), OptionalLong.empty())));
            List<String> slow = List.of(
                    bench.slowReader("reader pausing 2 s at its first piece", 2000, true),
                    bench.slowReader("reader sleeping 1 ms per 4 KiB piece", 1, false));

            System.out.printf("%nEnd-to-end stream path: Bedrock mock -> ML function (dist/index.mjs) -> "
                    + "InvokeWithResponseStream endpoint -> reader%n(Java %s, %s, %d cores, max heap %d MiB; all on "
                    + "127.0.0.1; both readers in one JVM, alternating)%n%n",
                    System.getProperty("java.version"), System.getProperty("os.name"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MiB);
            System.out.printf("  %-32s %-16s %-16s %-8s%n", "", "App Lambda", "bare SDK v2", "ratio");
            for (String line : paced) {
                System.out.println(line);
            }
            for (String line : burst) {
                System.out.println(line);
            }
            System.out.println("short answers");
            for (String line : ttfb) {
                System.out.println(line);
            }
            System.out.println("heap still in use after a 10 MiB answer (2,560 x 4 KiB), over the heap before it");
            heap.forEach(System.out::println);
            System.out.println("slow reader, 10 MiB answer (2,560 x 4 KiB)");
            slow.forEach(System.out::println);
            System.out.println();
        }
        System.exit(0); // the SDK's netty threads would keep the JVM alive
    }
}
