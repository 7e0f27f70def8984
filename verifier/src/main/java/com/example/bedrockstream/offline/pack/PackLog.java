package com.example.bedrockstream.offline.pack;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Where the pack says what it judged: the engine's log, at the address the engine hands over in Handshake, which
 * the CLI shows among the stack's diagnostics; stderr when there is no engine to tell. Stderr alone would lose
 * lines: the CLI reads it on its own, line by line, and prints the preview's diagnostics without waiting for it.
 */
final class PackLog {
    private final PrintStream stderr;
    private volatile Optional<EngineGrpc.EngineBlockingStub> engine = Optional.empty();

    PackLog(PrintStream stderr) {
        this.stderr = stderr;
    }

    /** From now on, tells the engine at {@code address} ("127.0.0.1:port"). */
    void connect(String address) {
        ManagedChannel channel = NettyChannelBuilder.forTarget(address).usePlaintext().build();
        engine = Optional.of(EngineGrpc.newBlockingStub(channel));
    }

    /** One message, any number of lines, shown under the stack. */
    void info(String text) {
        if (engine.isPresent()) {
            try {
                engine.get().log(LogRequest.newBuilder().setSeverity(LogSeverity.INFO).setMessage(text).build());
                return;
            } catch (StatusRuntimeException gone) {
                // The engine no longer listens (it is shutting down): stderr is still read.
            }
        }
        stderr.println(text);
        stderr.flush();
    }
}
