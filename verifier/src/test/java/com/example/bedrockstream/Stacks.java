package com.example.bedrockstream;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.offline.OfflineEngine;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.StackFiles;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test harness: the real program, the real stack files, test secrets, realistic mock ids. */
public final class Stacks {
    public static final String NS = "bedrock-stream:";
    public static final String TEST_EXTERNAL_ID = "test-external-id-3f9a0c1b7d2e4f58";
    public static final Map<String, String> SECRETS = Map.of(NS + "externalId", TEST_EXTERNAL_ID);

    private Stacks() {
    }

    /** The committed stack files, read once per test JVM: no test changes them, and every run and request reads them. */
    private static final StackFiles FILES = new StackFiles(Path.of("").toAbsolutePath());

    public static StackFiles files() {
        return FILES;
    }

    public static OfflineEngine engine() {
        return new OfflineEngine(files());
    }

    /**
     * Runs of the real program by their inputs and project root. The program is deterministic under the mocks, so a
     * test asking for a run another test already made (the same stack, config and upstream exports) gets that run:
     * each configuration runs once per test JVM. Runs are unmodifiable. One run at a time: the mock engine keeps its
     * deployment per thread and every run ends with its cleanup.
     */
    private static final Map<List<Object>, OfflineRun> RUNS = new HashMap<>();

    /** {@code stackFile}'s config with {@code overrides} (full keys) run as {@code stack} by {@code engine}, or its earlier run. */
    public static synchronized OfflineRun run(OfflineEngine engine, String stack, String stackFile,
                                              Map<String, String> overrides, Map<String, String> secrets) {
        var inputs = engine.inputs(stack, stackFile, overrides, secrets);
        var key = List.<Object>of(engine.files().root(), inputs);
        var run = RUNS.get(key);
        if (run == null) {
            run = engine.run(inputs, ctx -> Program.run(ctx, new LambdaArtifacts(engine.files().root())));
            RUNS.put(key, run);
        }
        return run;
    }

    private static OfflineRun run(OfflineEngine engine, String stack, Map<String, String> overrides,
                                  Map<String, String> secrets) {
        return run(engine, stack, stack, overrides, secrets);
    }

    /** ml-use1 exactly as committed, with the test external id. */
    public static OfflineRun ml() {
        return run(engine(), "ml-use1", Map.of(), SECRETS);
    }

    /** ml-use1 with some values replaced ({@code null} removes a key); keys without ':' are in the project namespace. */
    public static OfflineRun mlWith(Map<String, String> overrides) {
        return runWith("ml-use1", overrides, SECRETS);
    }

    /** app-use1 as committed, after ml-use1, whose exports (changed by {@code mlExports}) answer its StackReference. */
    public static OfflineRun hub(Map<String, String> overrides, UnaryOperator<Map<String, Object>> mlExports) {
        var engine = engine();
        var ml = run(engine, "ml-use1", Map.of(), SECRETS);
        if (!ml.succeeded()) {
            throw new AssertionError("ml-use1 failed: " + ml.errorText());
        }
        engine.publish("ml-use1", mlExports.apply(new HashMap<>(ml.outputs())), ml.secretOutputs());
        return run(engine, "app-use1", qualified(overrides), Map.of());
    }

    /** ml-use1's config run as the stack {@code name}. */
    public static OfflineRun mlNamed(String name) {
        return run(engine(), name, "ml-use1", Map.of(), SECRETS);
    }

    /** app-use1's config run as the stack {@code name}, after ml-use1 as committed. */
    public static OfflineRun hubNamed(String name) {
        var engine = engine();
        engine.publish(run(engine, "ml-use1", Map.of(), SECRETS));
        return run(engine, name, "app-use1", Map.of(), Map.of());
    }

    public static OfflineRun hub() {
        return hub(Map.of(), exports -> exports);
    }

    /** Further stack files that only the tests use, such as a second spoke. */
    public static final Path FIXTURE_STACKS = Path.of("verifier/src/test/resources/stacks");

    /** Runs in deploy order: ML, hub, then each spoke with the hub's exports. */
    public record Chain(OfflineEngine engine, OfflineRun ml, OfflineRun hub, OfflineRun spoke) {
    }

    /**
     * ml-use1 and app-use1 as committed, then {@code spoke} (committed or fixture) with {@code overrides}, after the
     * hub's exports were changed by {@code hubExports}; the spokes in {@code before} run first.
     */
    public static Chain spoke(String spoke, Map<String, String> overrides, UnaryOperator<Map<String, Object>> hubExports,
                              String... before) {
        var engine = new OfflineEngine(new StackFiles(Path.of("").toAbsolutePath(), List.of(FIXTURE_STACKS)));
        var ml = run(engine, "ml-use1", Map.of(), SECRETS);
        var hub = run(engine.publish(ml), "app-use1", Map.of(), Map.of());
        if (!ml.succeeded() || !hub.succeeded()) {
            throw new AssertionError("upstream stacks failed: " + ml.errorText() + hub.errorText());
        }
        engine.publish("app-use1", hubExports.apply(new HashMap<>(hub.outputs())), hub.secretOutputs());
        for (String earlier : before) {
            engine.publish(run(engine, earlier, Map.of(), Map.of()));
        }
        return new Chain(engine, ml, hub, run(engine, spoke, qualified(overrides), Map.of()));
    }

    public static Chain spoke() {
        return spoke("app-apse1", Map.of(), exports -> exports);
    }

    public static OfflineRun runWith(String stack, Map<String, String> overrides, Map<String, String> secrets) {
        return run(engine(), stack, qualified(overrides), secrets);
    }

    /** The run stopped before registering any AWS resource, with a message holding every fragment and no stack trace. */
    public static void assertRefused(OfflineRun run, String... fragments) {
        assertFalse(run.succeeded(), "the run should fail");
        assertEquals(List.of(), run.awsResources().stream().map(r -> r.type() + " " + r.name()).toList(),
                "nothing may be registered before the config is valid");
        String message = run.errorText();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "message lacks <" + fragment + ">:\n" + message);
        }
        assertFalse(message.contains("\tat "), "no stack trace:\n" + message);
    }

    /** Keys without a namespace are the project's; a null value removes the key. */
    private static Map<String, String> qualified(Map<String, String> overrides) {
        var full = new HashMap<String, String>();
        overrides.forEach((k, v) -> full.put(k.contains(":") ? k : NS + k, v));
        return full;
    }
}
