package com.example.bedrockstream.offline.standin;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A stand-in for the AWS provider plugin, for running the program under the real Pulumi CLI without AWS: the
 * engine loads it as plugin aws (through a launcher script that runs this class), and it keeps its cloud in a
 * directory shared by every provider process (see {@link StandInSettings} for the environment it reads).
 * <p>
 * {@code java -cp verifier/target/bedrock-stream-verifier.jar com.example.bedrockstream.offline.standin.StandInAwsProvider
 * --version 6.83.0 [engine-address]}
 * <p>
 * Pulumi's plugin protocol: listen on a free loopback port, print the port alone on one line of stdout, then serve
 * until killed. The engine may add its logging flags (--logtostderr, -v=N, --tracing URL) before its address.
 */
public final class StandInAwsProvider {
    /** The engine's own limit for plugin messages (pulumi rpcutil), well over gRPC's 4 MB default. */
    private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

    private StandInAwsProvider() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String version = version(args);
        Server server;
        try {
            server = start(StandInSettings.fromEnvironment(version, System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("stand-in aws: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(server.getPort());
        System.out.flush();
        // Nothing else may reach stdout: the engine reads the port from it.
        System.setOut(System.err);
        server.awaitTermination();
    }

    /** Serves the provider on a free loopback port. */
    static Server start(StandInSettings settings) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .addService(new ProviderService(settings))
                .build()
                .start();
    }

    private static String version(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--version")) {
                return args[i + 1];
            }
        }
        System.err.println("usage: StandInAwsProvider --version <plugin version> [engine flags] [engine address]");
        System.exit(2);
        return null;
    }
}
