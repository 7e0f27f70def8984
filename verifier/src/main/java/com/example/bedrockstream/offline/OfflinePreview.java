package com.example.bedrockstream.offline;

import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.offline.path.PathProof;
import com.example.bedrockstream.offline.path.PathTable;
import com.example.bedrockstream.offline.rules.Plan;
import com.example.bedrockstream.offline.rules.PlanRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The main job: previews every stack file offline, in deploy order, under the mock engine. Each stack's exports
 * feed the next stack's StackReferences, and every registered resource is checked against the provider's own
 * validation rules and the security perimeter.
 */
@Command(name = "offline-preview", mixinStandardHelpOptions = true,
        description = "Preview every stack offline: what `pulumi up` would create, with no AWS account.")
public final class OfflinePreview implements Callable<Integer> {
    /** Placeholder for the one secret the committed stack files cannot hold. */
    public static final String PLACEHOLDER_EXTERNAL_ID = "offline-preview-placeholder-external-id";

    @Option(names = "--root", description = "Project directory (default: current directory).")
    Path root = Path.of("");

    @Option(names = "--stack", description = "Only these stacks (their upstream stacks still run first).")
    List<String> only = List.of();

    @Option(names = "--extra-stacks", description = "Also preview the Pulumi.<stack>.yaml files in this directory.")
    List<Path> extraStacks = List.of();

    @Option(names = "--threads", description = "Stacks previewed at once, each as soon as the stack it reads ran"
            + " (default: ${DEFAULT-VALUE}; 1 previews them one at a time).")
    int threads = SIDE_BY_SIDE;

    @Option(names = "--json",
            description = "Also write everything for tools (resources with inputs, outputs, findings) to this file; secrets masked.")
    Path json;

    @Option(names = "--write-docs", description = "Write the architecture document (diagram) to this file, e.g. docs/architecture.md.")
    Path docs;

    @Option(names = "--resources", description = "Also list every resource, with the provider it is created through.")
    boolean resources;

    @Option(names = "--inputs", description = "Also list every resource with its inputs.")
    boolean inputs;

    /**
     * One run per core: a run keeps a core busy even while it waits (the SDK's runner polls its pending tasks), so
     * more runs than cores only share the cores (ScaleBench).
     */
    static final int SIDE_BY_SIDE = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Inputs every provider resource has whatever the stack file says (the SDK fills them in). */
    private static final Set<String> PROVIDER_DEFAULTS = Set.of("region", "version", "skipCredentialsValidation",
            "skipRegionValidation");

    private final PrintStream out;

    OfflinePreview(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OfflinePreview(System.out)).execute(args));
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        var files = new StackFiles(root.toAbsolutePath(), extraStacks);
        var engine = new OfflineEngine(files);
        List<String> ordered;
        Map<String, Optional<String>> reads;
        try {
            reads = DeployOrder.reads(files);
            ordered = DeployOrder.of(reads);
        } catch (DeployOrder.InvalidReferences e) {
            out.println("Cannot order the stacks for deployment:\n  " + e.getMessage().replace("\n", "\n  "));
            return 1;
        }
        out.printf("Offline preview of %s under Pulumi's mock engine: the real stack files, nothing sent to AWS.%n",
                String.join(" -> ", ordered));
        var runs = new ArrayList<OfflineRun>();
        try (var sideBySide = new SideBySide(threads)) {
            var pending = sideBySide.start(ordered, reads, stack -> {
                // Only the ML stack holds the secret; any other role refuses a key it does not use.
                boolean ml = Role.ML.configValue().equals(files.config(stack).get(files.project() + ":role"));
                return engine.run(stack, ml ? Map.of(files.project() + ":externalId", PLACEHOLDER_EXTERNAL_ID) : Map.of());
            }, run -> {
                if (run.succeeded()) {
                    engine.publish(run);
                }
            });
            // Shown in deploy order, each as soon as it and every stack before it ran.
            for (var timed : pending) {
                var run = timed.join();
                runs.add(run.run());
                if (shown(run.run().stack())) {
                    print(run.run(), run.millis());
                }
            }
        }
        long rulesStarted = System.nanoTime();
        var findings = PlanRules.check(new Plan(runs)).stream().filter(f -> shown(f.stack())).toList();
        out.printf("%nrules: %s checked in %d ms, %s%n", PlanRules.census(), (System.nanoTime() - rulesStarted) / 1_000_000,
                findings.isEmpty() ? "all hold" : findings.size() + " violated:");
        findings.forEach(f -> out.println("  " + f.line()));
        // The private path, hop by hop, for every caller across all stacks: a broken hop fails the preview.
        long proofStarted = System.nanoTime();
        var paths = PathProof.evaluate(runs);
        out.printf("%nprivate path, caller by hop (proven in %d ms):%n%s", (System.nanoTime() - proofStarted) / 1_000_000,
                PathTable.render(paths));
        var users = PathProof.notebookUsers(runs);
        out.printf("%nnotebook users, notebook by hop:%n%s", PathTable.renderNotebookUsers(users));
        out.printf("%nThe external id is the placeholder \"offline-preview-[...]\": the real one is a secret of the ML stack"
                + " that only `pulumi config set --secret` sets.%n");
        if (json != null) {
            PlanJson.write(json, runs, findings, paths, users, PLACEHOLDER_EXTERNAL_ID);
            out.println("wrote " + json);
        }
        if (docs != null) {
            ArchitectureDocument.write(docs, runs, paths, users);
            out.println("wrote " + docs);
        }
        long failedStacks = runs.stream().filter(run -> shown(run.stack()) && !run.succeeded()).count();
        long failedPaths = paths.stream().filter(path -> !path.passed()).count();
        long failedUsers = users.stream().filter(path -> !path.passed()).count();
        out.printf("%n%d stack(s) previewed, %d failed; %d rule finding(s); %d of %d caller path(s) fail; %d of %d notebook"
                        + " user path(s) fail (%.2f s, peak heap %d MB).%n",
                runs.stream().filter(run -> shown(run.stack())).count(), failedStacks, findings.size(), failedPaths,
                paths.size(), failedUsers, users.size(), (System.nanoTime() - started) / 1e9, peakHeapMegabytes());
        return failedStacks == 0 && findings.isEmpty() && failedPaths == 0 && failedUsers == 0 ? 0 : 1;
    }

    private boolean shown(String stack) {
        return only.isEmpty() || only.contains(stack);
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / (1024 * 1024);
    }

    private void print(OfflineRun run, long millis) {
        var aws = run.awsResources();
        out.printf("%n== %s: %s (run in %d ms)%n", run.stack(), run.succeeded()
                ? aws.size() + " resources would be created" : "FAILED, nothing would be created", millis);
        if (!run.succeeded()) {
            out.println("  " + run.errorText().replace("\n", "\n  "));
            return;
        }
        if (resources || inputs) {
            int width = aws.stream().map(MockResource::type).mapToInt(String::length).max().orElse(0);
            for (MockResource resource : aws) {
                out.printf("  + %-" + width + "s  %s%s%n", resource.type(), resource.name(),
                        run.explicitProvider(resource).map(p -> "  (through provider " + p.name() + ", plugin "
                                + p.pluginVersion().orElse("unpinned") + ")").orElse(""));
                if (inputs) {
                    out.println("      " + resource.inputs());
                }
            }
        }
        for (MockResource provider : run.ofType(MockResource.PROVIDER_TYPE)) {
            out.printf("  explicit provider %s: region %s, plugin %s, with the stack's %s%n", provider.name(),
                    provider.input("region").orElse("(default)"), provider.pluginVersion().orElse("(default)"),
                    provider.inputs().keySet().stream().filter(k -> !PROVIDER_DEFAULTS.contains(k)).sorted().toList());
        }
        Map<String, Long> byType = aws.stream()
                .collect(Collectors.groupingBy(MockResource::type, TreeMap::new, Collectors.counting()));
        out.println("  by type: " + byType.entrySet().stream()
                .map(e -> MockResource.shortType(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        out.println("  outputs:");
        run.outputs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.printf("    %s = %s%n",
                e.getKey(), run.secretOutputs().contains(e.getKey()) ? "[secret]" : e.getValue()));
    }
}
