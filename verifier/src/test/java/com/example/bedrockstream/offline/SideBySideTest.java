package com.example.bedrockstream.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stacks previewed side by side give the plan of previewing them one at a time: resources, findings and paths. */
class SideBySideTest {

    @Test
    void theCommittedStacksAndGeneratedSpokesPreviewSideBySideAsOneAtATime(@TempDir Path dir) throws IOException {
        List<String> spokes = GeneratedSpokes.write(dir.resolve("spokes"), 6);
        String oneAtATime = preview(dir, 1);
        String sideBySide = preview(dir, 6);
        assertEquals(oneAtATime, sideBySide, "the plan JSON (resources, outputs, findings, paths) differs");
        assertTrue(oneAtATime.contains("\"" + spokes.get(5) + "\""), "the generated spokes are in the plan");
    }

    @Test
    void generatedSpokesAreRealRegionsWithTheirOwnBlocksAndZones(@TempDir Path dir) throws IOException {
        List<String> spokes = GeneratedSpokes.write(dir, GeneratedSpokes.MAX);
        assertEquals(16, spokes.size());
        assertEquals(16, spokes.stream().distinct().count(), "one stack name per region: " + spokes);
        String text = Files.readString(dir.resolve("Pulumi.app-apse2.yaml"));
        assertTrue(text.contains("aws:region: ap-southeast-2") && text.contains("- ap-southeast-2b")
                && text.contains("vpcCidr: 10.53.0.0/22"), text);
    }

    /** The preview's plan JSON, with {@code threads} stacks at once. */
    private static String preview(Path dir, int threads) throws IOException {
        Path json = dir.resolve("plan-" + threads + ".json");
        var buffer = new ByteArrayOutputStream();
        int exit = new CommandLine(new OfflinePreview(new PrintStream(buffer, true, StandardCharsets.UTF_8))).execute(
                "--extra-stacks", dir.resolve("spokes").toString(), "--threads", String.valueOf(threads),
                "--json", json.toString());
        assertEquals(0, exit, buffer.toString(StandardCharsets.UTF_8));
        return Files.readString(json);
    }
}
