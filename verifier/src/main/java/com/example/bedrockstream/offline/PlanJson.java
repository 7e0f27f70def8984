package com.example.bedrockstream.offline;

import com.example.bedrockstream.offline.path.CallerPath;
import com.example.bedrockstream.offline.path.NotebookUserPath;
import com.example.bedrockstream.offline.path.ProvenPath;
import com.example.bedrockstream.offline.rules.Finding;
import com.example.bedrockstream.offline.rules.Plan;
import com.example.bedrockstream.offline.rules.PlanRules;
import com.google.gson.GsonBuilder;
import com.pulumi.asset.AssetOrArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whole plan for tools: every resource with its inputs, every output, finding and path. Secrets are masked. */
final class PlanJson {
    static final String MASK = "[secret]";

    private PlanJson() {
    }

    static void write(Path file, List<OfflineRun> runs, List<Finding> findings, List<CallerPath> paths,
                      List<NotebookUserPath> users, String... knownSecrets) {
        var secrets = new HashSet<>(List.of(knownSecrets));
        runs.forEach(run -> run.secretOutputs().forEach(name -> secrets.add(String.valueOf(run.outputs().get(name)))));
        var stacks = new ArrayList<Map<String, Object>>();
        for (OfflineRun run : runs) {
            var stack = new LinkedHashMap<String, Object>();
            stack.put("stack", run.stack());
            stack.put("succeeded", run.succeeded());
            stack.put("errors", run.errors());
            // By type and name: the mock engine registers resources in the order their tasks happen to finish.
            stack.put("resources", run.resources().stream().filter(r -> !r.type().startsWith("bedrockstream:"))
                    .sorted(Comparator.comparing(MockResource::type).thenComparing(MockResource::name)).map(r -> {
                var resource = new LinkedHashMap<String, Object>();
                resource.put("type", r.type());
                resource.put("name", r.name());
                r.provider().ifPresent(p -> resource.put("provider", p));
                r.pluginVersion().ifPresent(v -> resource.put("pluginVersion", v));
                resource.put("inputs", masked(r.inputs(), secrets));
                return resource;
            }).toList());
            var outputs = new LinkedHashMap<String, Object>();
            run.outputs().forEach((name, value) -> outputs.put(name, run.secretOutputs().contains(name) ? MASK
                    : masked(value, secrets)));
            stack.put("outputs", outputs);
            stacks.add(stack);
        }
        var plan = new LinkedHashMap<String, Object>();
        plan.put("stacks", stacks);
        plan.put("rules", PlanRules.ALL.stream().map(rule -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("id", rule.id());
            entry.put("message", rule.message());
            entry.put("source", rule.source().kind().prefix());
            entry.put("reference", rule.source().reference());
            return entry;
        }).toList());
        plan.put("findings", findings.stream().map(finding -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("rule", finding.ruleId());
            entry.put("stack", finding.stack());
            entry.put("type", finding.resourceType());
            entry.put("name", finding.resourceName());
            entry.put("problem", masked(finding.problem(), secrets));
            return entry;
        }).toList());
        // How many spokes each hub resource's AWS quota leaves (the spoke limit rules report only what is over).
        plan.put("headroom", PlanRules.headroom(new Plan(runs)));
        plan.put("paths", paths.stream().map(path -> row("caller", path)).toList());
        plan.put("notebookUserPaths", users.stream().map(path -> row("notebookUser", path)).toList());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(plan));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, Object> row(String who, ProvenPath path) {
        var row = new LinkedHashMap<String, Object>();
        row.put(who, path.label());
        row.put("passed", path.passed());
        var hops = new LinkedHashMap<String, Object>();
        path.hops().forEach(hop -> hops.put(hop.hop().label(), hop.failure().orElse("pass")));
        row.put("hops", hops);
        return row;
    }

    /** A secret is replaced wherever it appears, inside policy text too (the mock engine does not mark secret inputs). */
    private static Object masked(Object value, Set<String> secrets) {
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put(String.valueOf(k), masked(v, secrets)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> masked(v, secrets)).toList();
        }
        if (value instanceof String text) {
            String out = text;
            for (String secret : secrets) {
                out = out.replace(secret, MASK);
            }
            return out;
        }
        if (value instanceof AssetOrArchive asset) {
            // What the asset holds (a path, a text, or named assets), not the object's identity, new in every run.
            var internal = AssetOrArchive.AssetOrArchiveInternal.from(asset);
            return Map.of(asset.getClass().getSimpleName(), masked(internal.getValue(), secrets));
        }
        return value == null || value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
    }
}
