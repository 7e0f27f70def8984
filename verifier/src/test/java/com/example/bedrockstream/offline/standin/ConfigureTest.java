package com.example.bedrockstream.offline.standin;

import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ProviderHandshakeRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine asks a provider before any resource: who it is, and Configure with the stack's settings. */
class ConfigureTest {
    private static final String APP = "111122223333";
    private static final String FOREIGN = "999988887777";

    @TempDir
    Path cloud;
    private StandIn standIn;

    @BeforeEach
    void start() {
        standIn = new StandIn(cloud);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void answersAsThePluginVersionItWasStartedAs() throws IOException {
        assertEquals("7.12.0", standIn.start("7.12.0", APP).getPluginInfo(Empty.getDefaultInstance()).getVersion());
        var handshake = standIn.start("6.83.0", APP).handshake(ProviderHandshakeRequest.newBuilder()
                .setEngineAddress("127.0.0.1:1").setConfigureWithUrn(true).build());
        assertTrue(handshake.getAcceptSecrets() && handshake.getAcceptResources(), handshake::toString);
    }

    @Test
    void refusesCredentialsOfAnAccountTheListedArgumentsDoNotAllow() throws IOException {
        var foreign = standIn.start("6.83.0", FOREIGN);
        var error = assertThrows(StatusRuntimeException.class, () -> foreign.configure(ConfigureRequest.newBuilder()
                .setArgs(Structs.toStruct(Map.of("region", "us-east-1", "allowedAccountIds", List.of(APP)))).build()));
        assertEquals("AWS account ID not allowed: " + FOREIGN, error.getStatus().getDescription());
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    }

    @Test
    void refusesThemFromTheVariablesToo_whereTheEngineWritesListsAsJson() throws IOException {
        var foreign = standIn.start("6.83.0", FOREIGN);
        assertEquals("AWS account ID not allowed: " + FOREIGN, StandIn.refusal(() -> foreign.configure(
                ConfigureRequest.newBuilder().putVariables("aws:config:region", "us-east-1")
                        .putVariables("aws:config:allowedAccountIds", "[\"" + APP + "\"]").build())));
        var forbidden = standIn.start("6.83.0", APP);
        assertEquals("AWS account ID not allowed: " + APP, StandIn.refusal(() -> forbidden.configure(
                ConfigureRequest.newBuilder().setArgs(Structs.toStruct(Map.of("region", "us-east-1",
                        "forbiddenAccountIds", List.of(APP)))).build())));
    }

    @Test
    void admitsAnAllowedAccountAndSaysWhatItSupports() throws IOException {
        var response = standIn.start("6.83.0", APP).configure(ConfigureRequest.newBuilder()
                .setArgs(Structs.toStruct(Map.of("region", "us-east-1", "allowedAccountIds", List.of(APP)))).build());
        assertTrue(response.getAcceptSecrets() && response.getSupportsPreview() && response.getAcceptResources(),
                response::toString);
    }

    @Test
    void needsARegion() throws IOException {
        var provider = standIn.start("6.83.0", APP);
        assertTrue(StandIn.refusal(() -> provider.configure(ConfigureRequest.getDefaultInstance()))
                .contains("The argument \"region\" is required"));
    }
}
