package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.MockResource;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resource as the engine describes it to an analyzer, in the rules' model, with the stack it belongs to (the
 * URN's) and its explicit provider. The engine sends every resource's provider; a default provider (named
 * "default" or "default_6_83_0") is none here, as in the offline preview, where it is never registered.
 */
record EngineResource(String stack, String project, String urn, MockResource resource, Optional<MockResource> provider) {
    /** The stack's own resource, whose outputs are the stack's exports. */
    static final String ROOT_STACK = "pulumi:pulumi:Stack";
    private static final Pattern DEFAULT_PROVIDER = Pattern.compile("default(_.*)?");

    /** What Analyze is handed: the inputs, before AWS computes anything. */
    static EngineResource analyzed(AnalyzeRequest request, SecretTexts secrets) {
        String where = MockResource.shortType(request.getType()) + " " + request.getName();
        Optional<MockResource> provider = explicit(request.hasProvider() ? request.getProvider() : null, secrets);
        var resource = model(request.getType(), request.getName(),
                EngineValues.read(request.getProperties(), where, secrets), GuardedMap.computedLater(where),
                request.hasProvider() ? request.getProvider() : null, provider,
                request.getOptions().getIgnoreChangesList());
        return new EngineResource(stackOf(request.getUrn()), projectOf(request.getUrn()), request.getUrn(), resource,
                provider);
    }

    /**
     * What AnalyzeStack is handed: the outputs, the state AWS answered with (which the mock cloud computes offline).
     *
     * @param inputs what Analyze was handed for this resource, when it was (else the outputs stand in for them)
     */
    static EngineResource inStack(AnalyzerResource analyzed, Optional<Map<String, Object>> inputs, SecretTexts secrets) {
        String where = MockResource.shortType(analyzed.getType()) + " " + analyzed.getName();
        Map<String, Object> state = EngineValues.read(analyzed.getProperties(), where, secrets);
        Optional<MockResource> provider = explicit(analyzed.hasProvider() ? analyzed.getProvider() : null, secrets);
        var resource = model(analyzed.getType(), analyzed.getName(), inputs.orElse(state), state,
                analyzed.hasProvider() ? analyzed.getProvider() : null, provider,
                analyzed.getOptions().getIgnoreChangesList());
        return new EngineResource(stackOf(analyzed.getUrn()), projectOf(analyzed.getUrn()), analyzed.getUrn(),
                resource, provider);
    }

    private static MockResource model(String type, String name, Map<String, Object> inputs, Map<String, Object> state,
                                      AnalyzerProviderResource sentProvider, Optional<MockResource> provider,
                                      List<String> ignoreChanges) {
        // A reference reads "<provider urn>::<provider id>"; the engine does not send the id.
        Optional<String> reference = provider.map(p -> sentProvider.getUrn() + "::" + EngineValues.UNKNOWN);
        Optional<String> version = type.startsWith("pulumi:providers:") ? Optional.ofNullable(inputs.get("version"))
                .map(String::valueOf) : Optional.empty();
        return new MockResource(type, name, inputs, state, reference, version, List.of(), List.copyOf(ignoreChanges));
    }

    private static Optional<MockResource> explicit(AnalyzerProviderResource provider, SecretTexts secrets) {
        if (provider == null || provider.getUrn().isEmpty() || DEFAULT_PROVIDER.matcher(provider.getName()).matches()) {
            return Optional.empty();
        }
        String where = MockResource.shortType(provider.getType()) + " " + provider.getName();
        Struct properties = provider.getProperties();
        Value version = properties.getFieldsOrDefault("version", Value.getDefaultInstance());
        return Optional.of(new MockResource(provider.getType(), provider.getName(),
                EngineValues.read(properties, where, secrets), GuardedMap.computedLater(where), Optional.empty(),
                version.hasStringValue() ? Optional.of(version.getStringValue()) : Optional.empty(), List.of(),
                List.of()));
    }

    /** "urn:pulumi:app-use1::bedrock-stream::aws:ec2/vpc:Vpc::app-use1" is of stack app-use1. */
    static String stackOf(String urn) {
        return urn.split("::")[0].replaceFirst("^urn:pulumi:", "");
    }

    static String projectOf(String urn) {
        String[] parts = urn.split("::");
        return parts.length > 1 ? parts[1] : "";
    }
}
