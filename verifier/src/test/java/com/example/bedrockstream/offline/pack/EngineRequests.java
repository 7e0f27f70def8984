package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests the engine sends an analyzer for the offline runs' resources, built as the engine builds them
 * (pkg/resource/plugin/analyzer_plugin.go): properties as protobuf Structs with unknowns and secrets kept, URNs
 * {@code urn:pulumi:<stack>::bedrock-stream::<type>::<name>}, the provider of every resource (a default provider
 * {@code default_6_83_0} for those without an explicit one, made from the stack file's aws: config as the engine
 * makes it). Analyze gets a resource's inputs, AnalyzeStack every resource's outputs: here the mock cloud's state.
 */
final class EngineRequests {
    static final String PROJECT = "bedrock-stream";
    static final String ROOT_STACK = "pulumi:pulumi:Stack";
    static final String DEFAULT_PROVIDER = "default_6_83_0";

    private EngineRequests() {
    }

    static String urn(String stack, String type, String name) {
        return "urn:pulumi:" + stack + "::" + PROJECT + "::" + type + "::" + name;
    }

    /** Default providers by stack: every request names one, and each is made from a stack file read once. */
    private static final Map<String, MockResource> DEFAULT_PROVIDERS = new ConcurrentHashMap<>();

    /** The default AWS provider the engine registers for a stack: the stack file's aws: keys, structured ones as JSON. */
    static MockResource defaultProvider(String stack) {
        return DEFAULT_PROVIDERS.computeIfAbsent(stack, EngineRequests::readDefaultProvider);
    }

    private static MockResource readDefaultProvider(String stack) {
        var inputs = new LinkedHashMap<String, Object>();
        // A stack a fixture makes up (the spokes of RuleFixtures.withSpokes) has no stack file, and no provider config.
        Map<String, String> config = Stacks.files().stacks().contains(stack) ? Stacks.files().config(stack) : Map.of();
        config.forEach((key, value) -> {
            if (key.startsWith("aws:")) {
                inputs.put(key.substring("aws:".length()), value);
            }
        });
        inputs.put("version", "6.83.0");
        return new MockResource(MockResource.PROVIDER_TYPE, DEFAULT_PROVIDER, Collections.unmodifiableMap(inputs),
                Map.of("id", "default-provider-id"), Optional.empty(), Optional.empty());
    }

    /** Every resource of the run as Analyze is called for it, the default provider first. */
    static List<AnalyzeRequest> analyzeEach(OfflineRun run) {
        var requests = new ArrayList<AnalyzeRequest>();
        requests.add(analyze(run.stack(), defaultProvider(run.stack()), Optional.empty()));
        run.resources().forEach(resource -> requests.add(analyze(run, resource)));
        return requests;
    }

    static AnalyzeRequest analyze(OfflineRun run, MockResource resource) {
        return analyze(run.stack(), resource, provider(run, resource));
    }

    private static AnalyzeRequest analyze(String stack, MockResource resource, Optional<AnalyzerProviderResource> provider) {
        var request = AnalyzeRequest.newBuilder().setType(resource.type()).setName(resource.name())
                .setUrn(urn(stack, resource.type(), resource.name())).setProperties(struct(inputs(resource), Set.of()));
        provider.ifPresent(request::setProvider);
        return request.build();
    }

    /** The whole stack at the end of an update: each resource's outputs, the root stack's outputs (secrets marked). */
    static AnalyzeStackRequest analyzeStack(OfflineRun run) {
        var request = AnalyzeStackRequest.newBuilder();
        String root = urn(run.stack(), ROOT_STACK, PROJECT + "-" + run.stack());
        request.addResources(AnalyzerResource.newBuilder().setType(ROOT_STACK).setName(PROJECT + "-" + run.stack())
                .setUrn(root).setProperties(struct(run.outputs(), run.secretOutputs())));
        MockResource defaultProvider = defaultProvider(run.stack());
        request.addResources(AnalyzerResource.newBuilder().setType(defaultProvider.type()).setName(DEFAULT_PROVIDER)
                .setUrn(urn(run.stack(), defaultProvider.type(), DEFAULT_PROVIDER)).setParent(root)
                .setProperties(struct(inputs(defaultProvider), Set.of())));
        for (MockResource resource : run.resources()) {
            request.addResources(AnalyzerResource.newBuilder().setType(resource.type()).setName(resource.name())
                    .setUrn(urn(run.stack(), resource.type(), resource.name())).setParent(root)
                    .setProperties(struct(resource.state(), Set.of())));
            provider(run, resource).ifPresent(request.getResourcesBuilder(request.getResourcesCount() - 1)::setProvider);
        }
        return request.build();
    }

    /**
     * The run as a preview of a new stack sees it: every value AWS computes (what the state holds beyond the inputs)
     * is unknown, in the state and in every input that carries one, as an Output built from it is.
     */
    static OfflineRun previewed(OfflineRun run) {
        var computed = new HashSet<String>();
        for (MockResource resource : run.resources()) {
            resource.state().forEach((key, value) -> {
                if (!resource.inputs().containsKey(key) && value instanceof String text && text.length() > 8
                        && !resource.inputs().containsValue(text)) {
                    computed.add(text);
                }
            });
        }
        var resources = run.resources().stream().map(resource -> {
            var state = new LinkedHashMap<String, Object>();
            resource.state().forEach((key, value) -> state.put(key, resource.inputs().containsKey(key)
                    ? unknownWhereComputed(value, computed) : EngineValues.UNKNOWN));
            @SuppressWarnings("unchecked")
            var inputs = (Map<String, Object>) unknownWhereComputed(resource.inputs(), computed);
            return new MockResource(resource.type(), resource.name(), inputs, state, resource.provider(),
                    resource.pluginVersion(), resource.dependsOn(), resource.ignoreChanges());
        }).toList();
        return new OfflineRun(run.stack(), resources, run.outputs(), run.secretOutputs(), run.errors());
    }

    private static Object unknownWhereComputed(Object value, Set<String> computed) {
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put(String.valueOf(k), unknownWhereComputed(v, computed)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> unknownWhereComputed(v, computed)).toList();
        }
        return value instanceof String text && computed.stream().anyMatch(text::contains) ? EngineValues.UNKNOWN : value;
    }

    /** The provider the engine names for a resource; a provider resource has none. */
    private static Optional<AnalyzerProviderResource> provider(OfflineRun run, MockResource resource) {
        if (resource.type().startsWith("pulumi:providers:")) {
            return Optional.empty();
        }
        MockResource provider = run.explicitProvider(resource).orElseGet(() -> defaultProvider(run.stack()));
        return Optional.of(AnalyzerProviderResource.newBuilder().setType(provider.type()).setName(provider.name())
                .setUrn(urn(run.stack(), provider.type(), provider.name()))
                .setProperties(struct(inputs(provider), Set.of())).build());
    }

    /** The inputs as the engine holds them: a provider's carry its plugin version ("version"), as the engine sets it. */
    static Map<String, Object> inputs(MockResource resource) {
        if (!resource.type().startsWith("pulumi:providers:") || resource.pluginVersion().isEmpty()) {
            return resource.inputs();
        }
        var inputs = new LinkedHashMap<>(resource.inputs());
        inputs.put("version", resource.pluginVersion().get());
        return inputs;
    }

    /** @param secrets the keys whose values the engine sends as secrets */
    static Struct struct(Map<String, ?> values, Set<String> secrets) {
        var struct = Struct.newBuilder();
        values.forEach((key, value) -> struct.putFields(key, secrets.contains(key) ? secret(value(value)) : value(value)));
        return struct.build();
    }

    static Value secret(Value value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(EngineValues.SIGNATURE_KEY, Value.newBuilder().setStringValue(EngineValues.SECRET_SIGNATURE).build())
                .putFields("value", value)).build();
    }

    static Value value(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Map<?, ?> map) {
            var fields = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return Value.newBuilder().setStructValue(struct(fields, Set.of())).build();
        }
        if (value instanceof List<?> list) {
            var items = ListValue.newBuilder();
            list.forEach(item -> items.addValues(value(item)));
            return Value.newBuilder().setListValue(items).build();
        }
        if (value instanceof Number number) {
            return Value.newBuilder().setNumberValue(number.doubleValue()).build();
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(value)).build();
    }
}
