package com.example.bedrockstream.offline;

import com.example.bedrockstream.Program;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.pulumi.Context;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the real program for one stack under Pulumi's mock engine, with the stack's real config files, and
 * returns what it registered and exported. Earlier stacks' exports answer its StackReferences.
 */
public final class OfflineEngine {
    public static final String ORGANIZATION = "organization";
    /** The engine's own logger would print every reported error a second time, as a log record. */
    private static final Logger QUIET = quietLogger();

    private final StackFiles files;
    private final Map<String, MockCloud.StackOutputs> upstream = new HashMap<>();

    public OfflineEngine(StackFiles files) {
        this.files = files;
    }

    public StackFiles files() {
        return files;
    }

    /** The name another stack's config uses to reference {@code stack}. */
    public String qualifiedName(String stack) {
        return ORGANIZATION + "/" + files.project() + "/" + stack;
    }

    private static String message(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static Logger quietLogger() {
        var logger = Logger.getLogger(OfflineEngine.class.getName() + ".engine");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.OFF);
        return logger;
    }

    /** Makes {@code run}'s exports what later StackReferences to its stack see. */
    public OfflineEngine publish(OfflineRun run) {
        return publish(run.stack(), run.outputs(), run.secretOutputs());
    }

    public OfflineEngine publish(String stack, Map<String, Object> outputs, Set<String> secretOutputs) {
        upstream.put(qualifiedName(stack), new MockCloud.StackOutputs(Map.copyOf(outputs), List.copyOf(secretOutputs)));
        return this;
    }

    /** Runs {@code stack} with its files' config, plus {@code secrets} (full key to value) stored as secrets. */
    public OfflineRun run(String stack, Map<String, String> secrets) {
        return run(stack, Map.of(), secrets, ctx -> Program.run(ctx, new LambdaArtifacts(files.root())));
    }

    /**
     * @param overrides full key to value, replacing the file's value; a null value removes the key
     */
    public OfflineRun run(String stack, Map<String, String> overrides, Map<String, String> secrets,
                          Consumer<Context> program) {
        var config = new LinkedHashMap<>(files.config(stack));
        overrides.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        config.putAll(secrets);

        var registered = Collections.synchronizedList(new ArrayList<MockCloud.Registration>());
        var versions = new ConcurrentHashMap<String, String>();
        ResourceTransformation recordVersion = args -> {
            args.options().getVersion().ifPresent(v -> versions.put(
                    args.resource().pulumiResourceType() + "::" + args.resource().pulumiResourceName(), v));
            return Optional.empty();
        };
        var mocks = new MockCloud(config.getOrDefault(files.project() + ":accountId", "000000000000"),
                config.getOrDefault("aws:region", "us-east-1"), upstream, registered);
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .organizationName(ORGANIZATION)
                            .projectName(files.project())
                            .stackName(stack)
                            .resourceTransformations(List.of(recordVersion))
                            .build())
                    .mocks(mocks)
                    .standardLogger(QUIET)
                    .config(config, secrets.keySet())
                    .build()
                    .runTest(program);

            var outputs = new LinkedHashMap<String, Object>();
            var secretOutputs = new LinkedHashSet<String>();
            result.outputs().forEach((name, output) -> {
                var data = PulumiTestInternal.extractOutputData(output);
                outputs.put(name, data.getValueNullable());
                if (data.isSecret()) {
                    secretOutputs.add(name);
                }
            });
            // What the program threw, then anything else it logged as an error; the engine logs a thrown
            // exception again with its class name, which is left out.
            var errors = new ArrayList<String>();
            result.exceptions().stream().map(OfflineEngine::message).distinct().forEach(errors::add);
            result.errors().stream()
                    .filter(logged -> errors.stream().noneMatch(logged::contains))
                    .forEach(errors::add);
            List<MockResource> resources;
            synchronized (registered) {
                resources = registered.stream().map(r -> new MockResource(
                        r.args().type, r.args().name,
                        r.args().inputs == null ? Map.of() : r.args().inputs,
                        r.state(),
                        Optional.ofNullable(r.args().provider).filter(p -> !p.isEmpty()),
                        Optional.ofNullable(versions.get(r.args().type + "::" + r.args().name)))).toList();
            }
            return new OfflineRun(stack, resources, outputs, secretOutputs, errors);
        } finally {
            PulumiTest.cleanup();
        }
    }
}
