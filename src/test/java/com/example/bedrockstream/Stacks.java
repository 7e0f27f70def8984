package com.example.bedrockstream;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.offline.OfflineEngine;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.StackFiles;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The test harness: the real program, the real stack files, test secrets, realistic mock ids. */
public final class Stacks {
    public static final String NS = "bedrock-stream:";
    public static final String TEST_EXTERNAL_ID = "test-external-id-3f9a0c1b7d2e4f58";
    public static final Map<String, String> SECRETS = Map.of(NS + "externalId", TEST_EXTERNAL_ID);

    private Stacks() {
    }

    public static StackFiles files() {
        return new StackFiles(Path.of("").toAbsolutePath());
    }

    public static OfflineEngine engine() {
        return new OfflineEngine(files());
    }

    /** ml-use1 exactly as committed, with the test external id. */
    public static OfflineRun ml() {
        return engine().run("ml-use1", SECRETS);
    }

    /** ml-use1 with some values replaced ({@code null} removes a key); keys without ':' are in the project namespace. */
    public static OfflineRun mlWith(Map<String, String> overrides) {
        return runWith("ml-use1", overrides, SECRETS);
    }

    /** app-use1 as committed, after ml-use1, whose exports (changed by {@code mlExports}) answer its StackReference. */
    public static OfflineRun hub(Map<String, String> overrides, UnaryOperator<Map<String, Object>> mlExports) {
        var engine = engine();
        var ml = engine.run("ml-use1", SECRETS);
        if (!ml.succeeded()) {
            throw new AssertionError("ml-use1 failed: " + ml.errorText());
        }
        engine.publish("ml-use1", mlExports.apply(new HashMap<>(ml.outputs())), ml.secretOutputs());
        return engine.run("app-use1", qualified(overrides), Map.of(),
                ctx -> Program.run(ctx, new LambdaArtifacts(engine.files().root())));
    }

    public static OfflineRun hub() {
        return hub(Map.of(), exports -> exports);
    }

    public static OfflineRun runWith(String stack, Map<String, String> overrides, Map<String, String> secrets) {
        var engine = engine();
        return engine.run(stack, qualified(overrides), secrets,
                ctx -> Program.run(ctx, new LambdaArtifacts(engine.files().root())));
    }

    /** Keys without a namespace are the project's; a null value removes the key. */
    private static Map<String, String> qualified(Map<String, String> overrides) {
        var full = new HashMap<String, String>();
        overrides.forEach((k, v) -> full.put(k.contains(":") ? k : NS + k, v));
        return full;
    }
}
