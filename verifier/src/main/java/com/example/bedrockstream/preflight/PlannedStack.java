package com.example.bedrockstream.preflight;

import com.example.bedrockstream.Program;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.offline.DeployOrder;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineEngine;
import com.example.bedrockstream.offline.OfflinePreview;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.StackFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stack as the preflight sees it: its config, parsed by the program's own parser, and what `pulumi up` would
 * create, from the offline engine (the stacks it reads run first, offline, so their exports answer its
 * StackReferences). What the stack consumes in the account (reservations, endpoints, gateways, notebooks) is
 * counted from that plan rather than worked out a second time.
 */
public record PlannedStack(StackConfig config, OfflineRun run) {

    /**
     * The stack file under {@code root}, planned; a file the program refuses is one FAIL line on {@code out}, which
     * both commands that ask the account (preflight before `up`, verify after it) print first.
     */
    public static Optional<PlannedStack> read(Path root, String stack, PrintStream out) {
        try {
            return Optional.of(of(new StackFiles(root.toAbsolutePath()), stack));
        } catch (IllegalArgumentException e) {
            out.println("FAIL  stack file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Plans by project root, stack and every stack file's config: the plan of unchanged files is the same, and the
     * tests run preflight and verify many times in one JVM.
     */
    private static final Map<List<Object>, PlannedStack> PLANNED = new HashMap<>();

    public static PlannedStack of(StackFiles files, String stack) {
        List<Object> configs = files.stacks().stream().<Object>map(name -> List.of(name, files.config(name))).toList();
        synchronized (PLANNED) {
            var planned = PLANNED.get(List.of(files.root(), stack, configs));
            if (planned == null) {
                planned = plan(files, stack, configs);
            }
            return planned;
        }
    }

    /** Plans the stacks {@code stack} reads, in deploy order, then {@code stack}; each one planned is kept. */
    private static PlannedStack plan(StackFiles files, String stack, List<Object> configs) {
        var engine = new OfflineEngine(files);
        var captured = new AtomicReference<StackConfig>();
        for (String name : DeployOrder.of(files)) {
            var known = PLANNED.get(List.of(files.root(), name, configs));
            if (known != null && !name.equals(stack)) {
                engine.publish(known.run());
                continue;
            }
            // Only the ML stack holds the secret, which the preflight never needs: the offline placeholder stands in.
            boolean ml = Role.ML.configValue().equals(files.config(name).get(files.project() + ":role"));
            Map<String, String> secrets = ml
                    ? Map.of(files.project() + ":externalId", OfflinePreview.PLACEHOLDER_EXTERNAL_ID) : Map.of();
            boolean target = name.equals(stack);
            captured.set(null);
            var run = engine.run(name, Map.of(), secrets, ctx -> {
                captured.set(Program.config(ctx));
                Program.run(ctx, new LambdaArtifacts(files.root()));
            });
            boolean planned = run.succeeded() && captured.get() != null;
            if (planned) {
                PLANNED.put(List.of(files.root(), name, configs), new PlannedStack(captured.get(), run));
            }
            if (target) {
                if (!planned) {
                    throw new IllegalArgumentException("stack '" + stack + "' does not plan offline:\n" + run.errorText()
                            + "\nrun ./mvnw -q -DskipTests compile exec:java@preview for the whole report");
                }
                return PLANNED.get(List.of(files.root(), name, configs));
            }
            if (!run.succeeded()) {
                throw new IllegalArgumentException("stack '" + name + "', which '" + stack + "' reads, does not plan"
                        + " offline:\n" + run.errorText());
            }
            engine.publish(run);
        }
        throw new IllegalArgumentException("no stack file Pulumi." + stack + ".yaml; stacks: " + files.stacks());
    }

    public String stack() {
        return config.common().stack();
    }

    public String region() {
        return config.common().region();
    }

    public List<MockResource> ofType(String type) {
        return run.ofType(type);
    }
}
