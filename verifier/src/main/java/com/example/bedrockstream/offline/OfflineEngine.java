package com.example.bedrockstream.offline;

import com.example.bedrockstream.Program;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.pulumi.Context;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
    /** Published as each run ends, read as the next starts: runs of stacks that do not read each other overlap. */
    private final Map<String, MockCloud.StackOutputs> upstream = new ConcurrentHashMap<>();
    private final Map<String, List<String>> endpointServiceZones = new ConcurrentHashMap<>();

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

    /** The resource options the program gave a resource: what the engine sees but the mocks are not told. */
    private record SeenOptions(Optional<String> version, List<String> dependsOn, List<String> ignoreChanges,
                               boolean retainOnDelete, Optional<Duration> deleteTimeout) {
        static final SeenOptions NONE = new SeenOptions(Optional.empty(), List.of(), List.of(), false, Optional.empty());

        static SeenOptions of(ResourceOptions options) {
            // dependsOn holds resources the program already has, so its value is known when the resource is built.
            List<Resource> dependsOn = Internal.of(options.getDependsOn()).getValueNullable().getNow(null);
            return new SeenOptions(options.getVersion(),
                    dependsOn == null ? List.of() : dependsOn.stream().map(Resource::pulumiResourceName).toList(),
                    List.copyOf(options.getIgnoreChanges()), options.isRetainOnDelete(),
                    options.getCustomTimeouts().flatMap(CustomTimeouts::getDelete));
        }
    }

    /** From now on AWS offers {@code serviceName} (com.amazonaws.region.service) only in {@code zones}. */
    public OfflineEngine offerEndpointService(String serviceName, List<String> zones) {
        endpointServiceZones.put(serviceName, List.copyOf(zones));
        return this;
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
        return run(stack, stack, overrides, secrets, program);
    }

    /** Runs {@code stackFile}'s config as the stack {@code stack}: how names derived from the stack name are tried. */
    public OfflineRun run(String stack, String stackFile, Map<String, String> overrides, Map<String, String> secrets,
                          Consumer<Context> program) {
        return run(inputs(stack, stackFile, overrides, secrets), program);
    }

    /**
     * Everything a run of the program depends on besides the program itself: the program is deterministic under the
     * mocks, so two runs of equal inputs register and export the same (the tests share such runs).
     *
     * @param config   full key to value, secrets included
     * @param upstream the exports earlier stacks published, by qualified stack name
     */
    public record Inputs(String stack, Map<String, String> config, Set<String> secretKeys,
                         Map<String, MockCloud.StackOutputs> upstream, Map<String, List<String>> endpointServiceZones) {
    }

    /** The inputs of running {@code stackFile}'s config, changed by {@code overrides}, as {@code stack} now. */
    public Inputs inputs(String stack, String stackFile, Map<String, String> overrides, Map<String, String> secrets) {
        var config = new LinkedHashMap<>(files.config(stackFile));
        overrides.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        config.putAll(secrets);
        return new Inputs(stack, Collections.unmodifiableMap(config), Set.copyOf(secrets.keySet()), Map.copyOf(upstream),
                Map.copyOf(endpointServiceZones));
    }

    /** Runs {@code program} with {@code inputs}; the run's collections are unmodifiable, so runs can be shared. */
    public OfflineRun run(Inputs inputs, Consumer<Context> program) {
        String stack = inputs.stack();
        var config = inputs.config();
        var registered = Collections.synchronizedList(new ArrayList<MockCloud.Registration>());
        var options = new ConcurrentHashMap<String, SeenOptions>();
        ResourceTransformation recordOptions = args -> {
            options.put(args.resource().pulumiResourceType() + "::" + args.resource().pulumiResourceName(),
                    SeenOptions.of(args.options()));
            return Optional.empty();
        };
        var mocks = new MockCloud(config.getOrDefault(files.project() + ":accountId", "000000000000"),
                config.getOrDefault("aws:region", "us-east-1"), inputs.upstream(), registered,
                inputs.endpointServiceZones());
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .organizationName(ORGANIZATION)
                            .projectName(files.project())
                            .stackName(stack)
                            .resourceTransformations(List.of(recordOptions))
                            .build())
                    .mocks(mocks)
                    .standardLogger(QUIET)
                    .config(config, inputs.secretKeys())
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
                resources = registered.stream().map(r -> {
                    var seen = options.getOrDefault(r.args().type + "::" + r.args().name, SeenOptions.NONE);
                    return new MockResource(
                            r.args().type, r.args().name,
                            r.args().inputs == null ? Map.of() : Collections.unmodifiableMap(r.args().inputs),
                            Collections.unmodifiableMap(r.state()),
                            Optional.ofNullable(r.args().provider).filter(p -> !p.isEmpty()),
                            seen.version(), seen.dependsOn(), seen.ignoreChanges(), seen.retainOnDelete(),
                            seen.deleteTimeout());
                }).toList();
            }
            return new OfflineRun(stack, resources, Collections.unmodifiableMap(outputs),
                    Collections.unmodifiableSet(secretOutputs), List.copyOf(errors));
        } finally {
            PulumiTest.cleanup();
        }
    }
}
