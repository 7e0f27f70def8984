package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The three committed stacks run in deploy order, and variations of them: changed config or exports (run again), or
 * the runs' own resources with one resource dropped or one input changed, each resource still valid on its own.
 */
public final class PathRuns {
    private static List<OfflineRun> committed;

    private PathRuns() {
    }

    /** ml-use1, app-use1, app-apse1 as committed with the test external id; run once per test JVM. */
    public static synchronized List<OfflineRun> committed() {
        if (committed == null) {
            committed = chain(Map.of(), exports -> exports);
        }
        return committed;
    }

    /**
     * The chain with {@code mlOverrides} (project keys without namespace) in ml-use1's config and the spoke reading
     * the hub's exports as changed by {@code hubExports}.
     */
    static List<OfflineRun> chain(Map<String, String> mlOverrides, UnaryOperator<Map<String, Object>> hubExports) {
        var engine = Stacks.engine();
        var overrides = new HashMap<String, String>();
        mlOverrides.forEach((key, value) -> overrides.put(Stacks.NS + key, value));
        var ml = Stacks.run(engine, "ml-use1", "ml-use1", overrides, Stacks.SECRETS);
        var hub = Stacks.run(engine.publish(ml), "app-use1", "app-use1", Map.of(), Map.of());
        engine.publish("app-use1", hubExports.apply(new HashMap<>(hub.outputs())), hub.secretOutputs());
        var spoke = Stacks.run(engine, "app-apse1", "app-apse1", Map.of(), Map.of());
        for (OfflineRun run : List.of(ml, hub, spoke)) {
            if (!run.succeeded()) {
                throw new AssertionError(run.stack() + " failed: " + run.errorText());
            }
        }
        return List.of(ml, hub, spoke);
    }

    /** The runs without the resource {@code name} of {@code type}, wherever it was registered. */
    public static List<OfflineRun> without(List<OfflineRun> runs, String type, String name) {
        resource(runs, type, name);
        return runs.stream().map(run -> new OfflineRun(run.stack(),
                run.resources().stream().filter(r -> !(r.type().equals(type) && r.name().equals(name))).toList(),
                run.outputs(), run.secretOutputs(), run.errors())).toList();
    }

    /** The runs with one input of one resource changed, in its inputs and in the state the cloud answered. */
    static List<OfflineRun> withInput(List<OfflineRun> runs, String type, String name, String input, Object value) {
        resource(runs, type, name);
        return runs.stream().map(run -> new OfflineRun(run.stack(), run.resources().stream()
                .map(r -> r.type().equals(type) && r.name().equals(name) ? changed(r, input, value) : r).toList(),
                run.outputs(), run.secretOutputs(), run.errors())).toList();
    }

    /** The runs with {@code added} registered by {@code stack} as well. */
    public static List<OfflineRun> adding(List<OfflineRun> runs, String stack, MockResource added) {
        return runs.stream().map(run -> {
            if (!run.stack().equals(stack)) {
                return run;
            }
            var resources = new ArrayList<>(run.resources());
            resources.add(added);
            return new OfflineRun(run.stack(), resources, run.outputs(), run.secretOutputs(), run.errors());
        }).toList();
    }

    /** A copy of {@code resource} under another name and id, with one input changed. */
    static MockResource copy(MockResource resource, String name, String input, Object value) {
        var moved = changed(resource, input, value);
        var state = new LinkedHashMap<>(moved.state());
        state.put("id", resource.state().get("id") + "-copy");
        return new MockResource(resource.type(), name, moved.inputs(), state, resource.provider(),
                resource.pluginVersion(), resource.dependsOn(), resource.ignoreChanges());
    }

    static MockResource resource(List<OfflineRun> runs, String type, String name) {
        return runs.stream().flatMap(run -> run.resources().stream())
                .filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }

    private static MockResource changed(MockResource resource, String input, Object value) {
        var inputs = new LinkedHashMap<>(resource.inputs());
        var state = new LinkedHashMap<>(resource.state());
        inputs.put(input, value);
        state.put(input, value);
        return new MockResource(resource.type(), resource.name(), inputs, state, resource.provider(),
                resource.pluginVersion(), resource.dependsOn(), resource.ignoreChanges());
    }
}
