package com.example.bedrockstream.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource the program registered under the mock engine.
 *
 * @param provider        the provider reference, empty for the default provider
 * @param pluginVersion   the {@code version} resource option, empty when not set
 */
public record MockResource(
        String type,
        String name,
        Map<String, Object> inputs,
        Map<String, Object> state,
        Optional<String> provider,
        Optional<String> pluginVersion) {

    public boolean isAws() {
        return type.startsWith("aws:");
    }

    /** An input by dotted path, e.g. "vpcConfig.subnetIds". */
    public Optional<Object> input(String path) {
        Object current = inputs;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    public String string(String path) {
        return input(path).map(String::valueOf).orElseThrow(() ->
                new AssertionError(type + " " + name + " has no input " + path + "; inputs: " + inputs));
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String path) {
        return (List<Object>) input(path).orElse(List.of());
    }
}
