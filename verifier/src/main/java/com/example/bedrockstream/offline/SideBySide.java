package com.example.bedrockstream.offline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs each stack as soon as the stack it reads has run and published its exports, up to {@code threads} stacks at
 * once: the spokes read only the hub, never each other, so once the hub ran they all run side by side.
 *
 * <p>Pulumi's Java SDK keeps the current deployment per thread and carries it with each task it schedules, so runs on
 * separate threads do not see each other's deployment. Each run has its own plain thread here, never a ForkJoinPool
 * worker: a worker that waits on a future may run another run's task meanwhile (and the SDK clears the worker's
 * deployment afterwards), a plain thread only waits.
 */
final class SideBySide implements AutoCloseable {
    /** A finished run and how long it took on its thread. */
    record Timed(OfflineRun run, long millis) {
    }

    private final ExecutorService executor;

    SideBySide(int threads) {
        var count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            var thread = new Thread(task, "offline-preview-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts every stack of {@code ordered} (deploy order) after the stack it {@code reads}; {@code run} runs one
     * stack and {@code publish} makes a finished run's exports what later stacks read.
     *
     * @return each stack's run, in deploy order
     */
    List<CompletableFuture<Timed>> start(List<String> ordered, Map<String, Optional<String>> reads,
                                         Function<String, OfflineRun> run, Consumer<OfflineRun> publish) {
        var started = new HashMap<String, CompletableFuture<Timed>>();
        for (String stack : ordered) {
            CompletableFuture<?> after = reads.getOrDefault(stack, Optional.empty())
                    .<CompletableFuture<?>>map(started::get)
                    .orElse(CompletableFuture.completedFuture(null));
            started.put(stack, after.thenApplyAsync(upstreamRan -> {
                long runStarted = System.nanoTime();
                var finished = run.apply(stack);
                publish.accept(finished);
                return new Timed(finished, (System.nanoTime() - runStarted) / 1_000_000);
            }, executor));
        }
        return ordered.stream().map(started::get).toList();
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
