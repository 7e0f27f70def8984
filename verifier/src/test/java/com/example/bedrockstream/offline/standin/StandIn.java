package com.example.bedrockstream.offline.standin;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.ResourceProviderGrpc;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Stand-in providers served in-process on loopback and called through real gRPC channels, as the engine calls
 * them: several may share one cloud directory, like the provider processes of one `pulumi up`.
 */
final class StandIn implements AutoCloseable {
    static final String STACK = "urn:pulumi:test::bedrock-stream::";

    private final Path cloudDir;
    private final Duration acceptance;
    private final List<Server> servers = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    StandIn(Path cloudDir, Duration acceptance) {
        this.cloudDir = cloudDir;
        this.acceptance = acceptance;
    }

    StandIn(Path cloudDir) {
        this(cloudDir, Duration.ZERO);
    }

    /** A provider process running with credentials of {@code account}, not configured yet. */
    ResourceProviderBlockingStub start(String version, String account) throws IOException {
        Server server = StandInAwsProvider.start(new StandInSettings(version, cloudDir, Optional.of(account), acceptance));
        servers.add(server);
        ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + server.getPort(),
                InsecureChannelCredentials.create()).build();
        channels.add(channel);
        return ResourceProviderGrpc.newBlockingStub(channel);
    }

    /** A provider process configured for {@code region}, as a stack's default provider would be. */
    ResourceProviderBlockingStub provider(String account, String region) throws IOException {
        var provider = start("6.83.0", account);
        provider.configure(ConfigureRequest.newBuilder()
                .setArgs(Structs.toStruct(Map.of("region", region)))
                .setAcceptSecrets(true).setAcceptResources(true).build());
        return provider;
    }

    CloudStore store() {
        return new CloudStore(cloudDir);
    }

    static String urn(String type, String name) {
        return STACK + type + "::" + name;
    }

    static CreateResponse create(ResourceProviderBlockingStub provider, String type, String name,
                                 Map<String, ?> inputs) {
        return provider.create(createRequest(type, name, inputs).build());
    }

    static CreateRequest.Builder createRequest(String type, String name, Map<String, ?> inputs) {
        return CreateRequest.newBuilder().setUrn(urn(type, name)).setType(type).setName(name)
                .setProperties(Structs.toStruct(inputs));
    }

    static void delete(ResourceProviderBlockingStub provider, String type, String name, String id) {
        provider.delete(DeleteRequest.newBuilder().setUrn(urn(type, name)).setType(type).setName(name).setId(id).build());
    }

    /** The message of the error the call fails with. */
    static String refusal(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getDescription();
    }

    @Override
    public void close() {
        channels.forEach(ManagedChannel::shutdownNow);
        servers.forEach(Server::shutdownNow);
    }
}
