package com.example.bedrockstream.offline;

import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The offline preview as the spokes grow: the committed stacks plus 0, 4, 8 and 16 generated spokes (one per further
 * AWS region, GeneratedSpokes), each previewed one stack at a time and side by side, in this JVM. Prints figures only.
 * Run it with {@code ./mvnw -q -DskipTests compile exec:java@scale-bench}.
 */
public final class ScaleBench {
    private static final List<Integer> SPOKES = List.of(0, 4, 8, 16);
    private static final int COMMITTED = 3;

    private ScaleBench() {
    }

    public static void main(String[] args) throws IOException {
        System.out.printf("scale bench: %d cores; Pulumi's tasks run on %s (common pool parallelism %d); side by side is"
                        + " --threads %d%n", Runtime.getRuntime().availableProcessors(),
                new CompletableFuture<Void>().defaultExecutor().getClass().getSimpleName(),
                ForkJoinPool.getCommonPoolParallelism(), OfflinePreview.SIDE_BY_SIDE);
        Path dir = Files.createTempDirectory("scale-bench-");
        try {
            GeneratedSpokes.write(dir.resolve("16"), 16);
            // The first preview in a JVM loads and compiles the program: what the main job pays after JVM start.
            System.out.printf("first preview in this JVM, 16 extra spokes side by side: %.2f s%n",
                    seconds(dir.resolve("16"), OfflinePreview.SIDE_BY_SIDE));
            System.out.printf("%nspokes stacks | one at a time: s  s/stack | side by side: s  s/stack | side by side / one at a"
                    + " time%n");
            for (int extra : SPOKES) {
                Path stacks = dir.resolve(String.valueOf(extra));
                GeneratedSpokes.write(stacks, extra);
                int count = COMMITTED + extra;
                double sequential = seconds(stacks, 1);
                double sideBySide = seconds(stacks, OfflinePreview.SIDE_BY_SIDE);
                System.out.printf("%6d %6d | %16.2f %8.3f | %15.2f %8.3f | x%.2f%n", 1 + extra, count, sequential,
                        sequential / count, sideBySide, sideBySide / count, sideBySide / sequential);
            }
        } finally {
            delete(dir);
        }
    }

    /** One whole preview (rules, paths and all) of the committed stacks plus the spoke files in {@code extra}. */
    private static double seconds(Path extra, int threads) {
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        long started = System.nanoTime();
        int exit = new CommandLine(new OfflinePreview(quiet)).execute("--extra-stacks", extra.toString(),
                "--threads", String.valueOf(threads));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("the preview with the spokes in " + extra + " failed; run it with"
                    + " --extra-stacks " + extra + " to see why");
        }
        return seconds;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
