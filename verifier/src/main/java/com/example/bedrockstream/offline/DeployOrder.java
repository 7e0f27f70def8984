package com.example.bedrockstream.offline;

import com.example.bedrockstream.config.StackConfigParser;
import com.example.bedrockstream.config.Upstream;
import com.example.bedrockstream.domain.Role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The order stacks must be deployed in, from which stack reads which (each role's upstream key, such as
 * {@code mlStack} or {@code hubStack}), never from role names. A reference to a stack with no stack file, or a
 * cycle, is an error.
 */
public final class DeployOrder {
    private DeployOrder() {
    }

    /** Thrown for references the order cannot be built from. */
    public static final class InvalidReferences extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidReferences(String message) {
            super(message);
        }
    }

    /** Every stack file, each after the stack it reads; otherwise by name. */
    public static List<String> of(StackFiles files) {
        return of(reads(files));
    }

    /** The stacks of {@link #reads}, each after the stack it reads; otherwise by name. */
    public static List<String> of(Map<String, Optional<String>> reads) {
        var ordered = new LinkedHashSet<String>();
        while (ordered.size() < reads.size()) {
            int before = ordered.size();
            reads.forEach((stack, upstream) -> {
                if (!ordered.contains(stack) && upstream.map(ordered::contains).orElse(true)) {
                    ordered.add(stack);
                }
            });
            if (ordered.size() == before) {
                throw new InvalidReferences("stacks read each other in a cycle: " + cycle(reads, ordered));
            }
        }
        return List.copyOf(ordered);
    }

    /**
     * Every stack file's name to the stack it reads, if any: what a stack must wait for, so that stacks reading
     * neither each other nor anything not yet run (the spokes, once the hub ran) can run side by side.
     */
    public static Map<String, Optional<String>> reads(StackFiles files) {
        var reads = new TreeMap<String, Optional<String>>();
        var problems = new ArrayList<String>();
        for (String stack : files.stacks()) {
            reads.put(stack, upstreamOf(files, stack).map(name -> {
                String referenced = name.substring(name.lastIndexOf('/') + 1);
                if (!files.stacks().contains(referenced)) {
                    problems.add("stack '" + stack + "' reads '" + name + "', but there is no Pulumi." + referenced
                            + ".yaml");
                }
                return referenced;
            }));
        }
        if (!problems.isEmpty()) {
            throw new InvalidReferences(String.join("\n", problems));
        }
        return Collections.unmodifiableMap(reads);
    }

    /** The fully qualified name of the stack that {@code stack} reads, if its role reads one. */
    static Optional<String> upstreamOf(StackFiles files, String stack) {
        Map<String, String> config = files.config(stack);
        return Role.fromConfig(config.getOrDefault(StackConfigParser.NAMESPACE + ":role", ""))
                .flatMap(Upstream::of)
                .map(u -> config.getOrDefault(StackConfigParser.NAMESPACE + ":" + u.configKey(), ""))
                .filter(name -> !name.isBlank());
    }

    private static String cycle(Map<String, Optional<String>> reads, Set<String> ordered) {
        String start = reads.keySet().stream().filter(s -> !ordered.contains(s)).findFirst().orElseThrow();
        var path = new ArrayList<String>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = reads.get(current).orElseThrow();
        }
        path.add(current);
        return String.join(" -> ", path.subList(path.indexOf(current), path.size()));
    }
}
