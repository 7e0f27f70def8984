package com.example.bedrockstream.offline;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.example.bedrockstream.offline.rules.PlanRules;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the plan writes besides the terminal: the JSON for tools and the architecture document. */
class PlanOutputsTest {

    private static String plan(String... args) {
        var buffer = new ByteArrayOutputStream();
        int exit = new CommandLine(new OfflinePreview(new PrintStream(buffer, true, StandardCharsets.UTF_8))).execute(args);
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        return out;
    }

    @Test
    void theJsonHasEveryStacksResourcesAndOutputsWithTheSecretMaskedEverywhere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plan.json");
        String out = plan("--json", file.toString());
        String json = Files.readString(file);
        assertFalse(json.contains(OfflinePreview.PLACEHOLDER_EXTERNAL_ID), "the external id appears nowhere, not even in policies");
        var stacks = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("stacks");
        assertEquals(3, stacks.size());
        var hub = stacks.get(1).getAsJsonObject();
        assertEquals("app-use1", hub.get("stack").getAsString());
        assertEquals("[secret]", hub.getAsJsonObject("outputs").get("invokeExternalId").getAsString());
        assertTrue(hub.getAsJsonArray("resources").size() > 30);
        assertTrue(out.contains("The external id is the placeholder"), out);
        assertTrue(out.matches("(?s).*3 stack\\(s\\) previewed, 0 failed; 0 rule finding\\(s\\); 0 of 4 caller path\\(s\\) fail;"
                + " 0 of 2 notebook user path\\(s\\) fail \\(\\d+\\.\\d\\d s, peak heap \\d+ MB\\)\\..*"), out);
        var plan = JsonParser.parseString(json).getAsJsonObject();
        var users = plan.getAsJsonArray("notebookUserPaths");
        assertEquals(List.of("app-use1 user -> app-use1-bedrock-sample", "app-apse1 user -> app-apse1-bedrock-sample"),
                users.asList().stream().map(u -> u.getAsJsonObject().get("notebookUser").getAsString()).toList());
        users.forEach(u -> assertEquals("pass", u.getAsJsonObject().getAsJsonObject("hops").get("1 policy").getAsString()));
        assertEquals(0, plan.getAsJsonArray("findings").size());
        var rules = plan.getAsJsonArray("rules");
        assertEquals(PlanRules.ALL.size(), rules.size());
        assertTrue(rules.asList().stream().map(r -> r.getAsJsonObject()).anyMatch(r -> r.get("id").getAsString()
                .equals("checkov:CKV_AWS_117") && r.get("source").getAsString().equals("checkov")), rules::toString);
        assertTrue(out.contains("ec2/RouteTable 1") && out.contains("ec2transitgateway/RouteTable 1"),
                "types are named unambiguously: " + out);
    }

    @Test
    void theCommittedArchitectureDocumentIsWhatThePlanDraws(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("architecture.md");
        plan("--write-docs", file.toString());
        assertEquals(Files.readString(file), Files.readString(Path.of("docs/architecture.md")),
                "docs/architecture.md is out of date; regenerate it with: " + ArchitectureDocument.REGENERATE);
        String doc = Files.readString(file);
        assertTrue(doc.contains("VPC app-apse1 10.30.0.0/22"), doc);
        assertTrue(doc.contains("=== "), "the peering is drawn: " + doc);
    }
}
