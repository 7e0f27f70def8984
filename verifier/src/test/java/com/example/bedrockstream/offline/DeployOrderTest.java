package com.example.bedrockstream.offline;

import com.example.bedrockstream.Stacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Deploy order follows which stack reads which, whatever the stacks are called. */
class DeployOrderTest {

    private static StackFiles project(Path dir, String... stackFiles) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        for (int i = 0; i < stackFiles.length; i += 2) {
            Files.writeString(dir.resolve("Pulumi." + stackFiles[i] + ".yaml"), "config:\n" + stackFiles[i + 1]);
        }
        return new StackFiles(dir);
    }

    private static String reads(String role, String key, String stack) {
        return "  bedrock-stream:role: " + role + "\n"
                + (key == null ? "" : "  bedrock-stream:" + key + ": organization/bedrock-stream/" + stack + "\n");
    }

    @Test
    void theCommittedStacksGoMlThenHubThenSpoke() {
        assertEquals(List.of("ml-use1", "app-use1", "app-apse1"), DeployOrder.of(Stacks.files()));
    }

    @Test
    void namesDoNotDecideTheOrderReferencesDo(@TempDir Path dir) throws IOException {
        var files = project(dir,
                "a-spoke", reads("app-spoke", "hubStack", "m-hub"),
                "m-hub", reads("app-hub", "mlStack", "z-ml"),
                "z-ml", reads("ml", null, null));
        assertEquals(List.of("z-ml", "m-hub", "a-spoke"), DeployOrder.of(files));
    }

    @Test
    void aReferenceToAStackWithoutAFileIsAnError(@TempDir Path dir) throws IOException {
        var files = project(dir, "app-spoke1", reads("app-spoke", "hubStack", "app-hubb"));
        var error = assertThrows(DeployOrder.InvalidReferences.class, () -> DeployOrder.of(files));
        assertEquals("stack 'app-spoke1' reads 'organization/bedrock-stream/app-hubb', but there is no "
                + "Pulumi.app-hubb.yaml", error.getMessage());
    }

    @Test
    void aCycleIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        var files = project(dir,
                "one", reads("app-hub", "mlStack", "two"),
                "two", reads("app-spoke", "hubStack", "one"));
        var error = assertThrows(DeployOrder.InvalidReferences.class, () -> DeployOrder.of(files));
        assertEquals("stacks read each other in a cycle: one -> two -> one", error.getMessage());
    }
}
