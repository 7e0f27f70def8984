package com.example.bedrockstream.offline;

import com.google.gson.Gson;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource the program registered under the mock engine.
 *
 * @param provider        the provider reference, empty for the default provider
 * @param pluginVersion   the {@code version} resource option, empty when not set
 * @param dependsOn       names of the resources in its {@code dependsOn} option
 * @param ignoreChanges   its {@code ignoreChanges} option
 * @param retainOnDelete  its {@code retainOnDelete} option: {@code destroy} leaves it in the account
 * @param deleteTimeout   the delete time of its {@code customTimeouts} option, empty for the provider's default
 */
public record MockResource(
        String type,
        String name,
        Map<String, Object> inputs,
        Map<String, Object> state,
        Optional<String> provider,
        Optional<String> pluginVersion,
        List<String> dependsOn,
        List<String> ignoreChanges,
        boolean retainOnDelete,
        Optional<Duration> deleteTimeout) {

    public static final String PROVIDER_TYPE = "pulumi:providers:aws";

    public MockResource(String type, String name, Map<String, Object> inputs, Map<String, Object> state,
                        Optional<String> provider, Optional<String> pluginVersion, List<String> dependsOn,
                        List<String> ignoreChanges) {
        this(type, name, inputs, state, provider, pluginVersion, dependsOn, ignoreChanges, false, Optional.empty());
    }

    public MockResource(String type, String name, Map<String, Object> inputs, Map<String, Object> state,
                        Optional<String> provider, Optional<String> pluginVersion) {
        this(type, name, inputs, state, provider, pluginVersion, List.of(), List.of());
    }

    /** "ec2/RouteTable" and "ec2transitgateway/RouteTable" rather than two "RouteTable"s. */
    public static String shortType(String type) {
        String[] parts = type.split(":");
        if (parts.length < 3) {
            return type;
        }
        int slash = parts[1].indexOf('/');
        return (slash < 0 ? parts[1] : parts[1].substring(0, slash)) + "/" + parts[2];
    }

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

    /**
     * A provider resource's setting: the engine passes a provider's structured settings as JSON text, which is
     * read back here into lists and maps.
     */
    public Optional<Object> providerSetting(String key) {
        return input(key).map(value -> value instanceof String text && (text.startsWith("[") || text.startsWith("{"))
                ? new Gson().fromJson(text, Object.class) : value);
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
