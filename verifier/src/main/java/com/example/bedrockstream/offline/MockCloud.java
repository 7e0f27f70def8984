package com.example.bedrockstream.offline;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.contract.UpstreamStack;
import com.pulumi.test.Mocks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays AWS for the mock engine: answers each registration with the ids, ARNs and computed attributes AWS would
 * return, as {@link CloudModel} computes them (the stand-in provider of the real engine asks the same model).
 * StackReferences answer with the exports of stacks run earlier; any other stack is unknown, as to the real engine.
 */
final class MockCloud implements Mocks {
    static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    private final CloudModel cloud;
    private final String stackRegion;
    /** Explicit providers by name, and the region each was given. */
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    private final Map<String, StackOutputs> upstream;
    private final List<Registration> registered;
    private final Map<String, List<String>> endpointServiceZones;

    /** A registration and the state the mock cloud answered with. */
    record Registration(Mocks.ResourceArgs args, Map<String, Object> state) {
    }

    /** What an earlier stack exported: values by name, and which of them are secret. */
    record StackOutputs(Map<String, Object> values, List<String> secretNames) {
    }

    /**
     * @param endpointServiceZones the zones that offer an endpoint service, by service name; a service not listed
     *                             is offered in every zone of the region
     */
    MockCloud(String accountId, String region, Map<String, StackOutputs> upstream, List<Registration> registered,
              Map<String, List<String>> endpointServiceZones) {
        this.endpointServiceZones = endpointServiceZones;
        this.cloud = new CloudModel(accountId);
        this.stackRegion = region;
        this.upstream = upstream;
        this.registered = registered;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        if (STACK_REFERENCE.equals(args.type)) {
            var outputs = upstream.get(args.name);
            if (outputs == null) {
                return CompletableFuture.failedFuture(unknownStack(args.name));
            }
            return done(args, args.name, Map.of("name", args.name, "outputs", outputs.values(),
                    "secretOutputNames", outputs.secretNames()));
        }
        if (args.type.startsWith(ComponentTypes.PREFIX)) {
            registered.add(new Registration(args, inputs));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), inputs));
        }
        if (args.type.startsWith("pulumi:providers:") && inputs.get("region") instanceof String providerRegion) {
            providerRegions.put(args.name, providerRegion);
        }
        var state = new LinkedHashMap<>(inputs);
        String id = cloud.computed(args.type, args.name, inputs, state, regionOf(args));
        return done(args, id, state);
    }

    /** Data sources and engine functions the program calls before it registers anything. */
    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (UpstreamStack.READ_STACK_OUTPUTS.equals(args.token)) {
            return readStackOutputs(String.valueOf(callArguments(args).get("name")));
        }
        if (CloudModel.GET_VPC_ENDPOINT_SERVICE.equals(args.token)) {
            return vpcEndpointService(String.valueOf(callArguments(args).get("serviceName")));
        }
        return Mocks.super.callAsync(args);
    }

    /** The engine's read of a stack's outputs, the function behind StackReference. */
    private CompletableFuture<Map<String, Object>> readStackOutputs(String name) {
        var outputs = upstream.get(name);
        if (outputs == null) {
            return CompletableFuture.failedFuture(unknownStack(name));
        }
        return CompletableFuture.completedFuture(Map.of("name", name, "outputs", outputs.values(),
                "secretOutputNames", outputs.secretNames()));
    }

    /** Which zones offer an endpoint service: every zone of the region unless a test took some away. */
    private CompletableFuture<Map<String, Object>> vpcEndpointService(String serviceName) {
        var zones = endpointServiceZones.getOrDefault(serviceName, CloudModel.allZones(stackRegion));
        return CompletableFuture.completedFuture(CloudModel.vpcEndpointService(serviceName, stackRegion, zones));
    }

    /** CallArgs.args is typed as Guava's ImmutableMap, which is not on the compile classpath, so it is read as a Map. */
    private static Map<?, ?> callArguments(CallArgs args) {
        try {
            return (Map<?, ?>) CallArgs.class.getField("args").get(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the pinned Pulumi SDK's Mocks.CallArgs has no public field 'args'", e);
        }
    }

    /**
     * What the engine answers for a stack that was never deployed, or lives in another backend: there an
     * io.grpc.StatusRuntimeException (not on the compile classpath) with this message.
     */
    private static RuntimeException unknownStack(String name) {
        return new IllegalStateException("NOT_FOUND: unknown stack reference " + name);
    }

    private CompletableFuture<ResourceResult> done(ResourceArgs args, String id, Map<String, Object> state) {
        var withId = new LinkedHashMap<>(state);
        withId.put("id", id);
        registered.add(new Registration(args, withId));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** A resource lives where its provider points: a reference reads "urn:...::pulumi:providers:aws::name::id". */
    private String regionOf(ResourceArgs args) {
        if (args.provider == null || args.provider.isEmpty()) {
            return stackRegion;
        }
        String[] parts = args.provider.split("::");
        return parts.length >= 5 ? providerRegions.getOrDefault(parts[3], stackRegion) : stackRegion;
    }
}
