package com.example.bedrockstream.offline.pack;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The policy pack the Pulumi CLI runs with {@code pulumi preview --policy-pack policy-pack/bedrock-stream-policy}:
 * the offline preview's rules and path proofs, judged by the real engine on what it is about to deploy. As every
 * plugin does, it serves on a loopback port, prints the port as its first line on stdout, and serves until the
 * engine stops it. The engine passes its own address as the argument; the pack needs nothing from the engine.
 */
public final class PolicyPack {
    /** The engine's limit on plugin messages (rpcutil.MaxRPCMessageSize): a whole stack's outputs come in one. */
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    private PolicyPack() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Server server = serve(System.getenv(), System.err);
        System.out.println(server.getPort());
        System.out.flush();
        server.awaitTermination();
    }

    /** Starts the Analyzer service on 127.0.0.1 (where the engine dials plugins) at a free port. */
    static Server serve(Map<String, String> env, PrintStream log) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), 0))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(new RulesAnalyzer(env, log))
                .build().start();
    }
}
