package com.example.bedrockstream.offline.pack;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.AnalyzerGrpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The pack served in this JVM as the CLI starts it (loopback, a free port), and a gRPC channel to it as the engine dials. */
final class PackServer implements AutoCloseable {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Server server;
    private final ManagedChannel channel;
    final AnalyzerGrpc.AnalyzerBlockingStub pack;

    /** @param env the environment the engine would start the pack with */
    PackServer(Map<String, String> env) throws IOException {
        server = PolicyPack.serve(env, new PrintStream(stderr, true, StandardCharsets.UTF_8));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
                .maxInboundMessageSize(64 * 1024 * 1024).build();
        pack = AnalyzerGrpc.newBlockingStub(channel).withMaxOutboundMessageSize(64 * 1024 * 1024);
    }

    /** What the pack wrote to stderr, which the CLI shows. */
    String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
