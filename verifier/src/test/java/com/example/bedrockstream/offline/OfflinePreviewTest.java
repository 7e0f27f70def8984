package com.example.bedrockstream.offline;

import org.junit.jupiter.api.Test;
import com.example.bedrockstream.offline.rules.PlanRules;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main job: every stack file in deploy order, each stack's exports feeding the next. */
class OfflinePreviewTest {

    @Test
    void previewsEveryStackInDeployOrderAndPassesTheChecks() {
        String out = preview(0, "--resources");
        assertTrue(out.contains("Offline preview of ml-use1 -> app-use1 -> app-apse1"), out);
        assertTrue(out.indexOf("== ml-use1: ") < out.indexOf("== app-use1: "), "ML stack first");
        assertTrue(out.contains("+ aws:lambda/function:Function"), out);
        assertTrue(out.contains("invokeFunctionArn = arn:aws:lambda:us-east-1:444455556666:function:ml-use1-ml-stream"),
                "the hub read the ML stack's exports: " + out);
        assertTrue(out.contains("externalId = [secret]"));
        assertFalse(out.contains(OfflinePreview.PLACEHOLDER_EXTERNAL_ID), "secrets are never printed");
        assertTrue(out.contains("(through provider app-use1-aws-notebooks, plugin 7.12.0)"), out);
        assertTrue(out.contains("== app-apse1: "), out);
        assertTrue(out.contains("peeringAttachmentId = tgw-attach-"), "the spoke read the hub's exports: " + out);
        assertTrue(out.contains("app-apse1-link-accepter  (through provider app-apse1-aws-us-east-1"), out);
        assertTrue(out.contains("3 stack(s) previewed, 0 failed; 0 rule finding(s); 0 of 4 caller path(s) fail; 0 of 2"
                + " notebook user path(s) fail ("), out);
        assertTrue(out.matches("(?s).*rules: " + java.util.regex.Pattern.quote(PlanRules.census()) + " checked in \\d+ ms, all hold.*"), out);
        assertTrue(out.contains("4 caller(s), 0 with a broken hop."), "the private path is proven: " + out);
        assertTrue(out.contains("2 notebook(s), 0 with a broken hop."), "so is each notebook user's: " + out);
    }

    private static String preview(int expectedExit, String... args) {
        var buffer = new ByteArrayOutputStream();
        int exit = new CommandLine(new OfflinePreview(new PrintStream(buffer, true, StandardCharsets.UTF_8))).execute(args);
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, out);
        return out;
    }

    @Test
    void aFurtherSpokeFileIsPreviewedAfterTheHubWithNoCodeChange() {
        String out = preview(0, "--extra-stacks", "verifier/src/test/resources/stacks", "--resources");
        assertTrue(out.contains("Offline preview of ml-use1 -> app-use1 -> app-apse1 -> app-euw1"), out);
        assertTrue(out.contains("app-euw1-link-accepter  (through provider app-euw1-aws-us-east-1"), out);
        assertTrue(out.contains("4 stack(s) previewed, 0 failed; 0 rule finding(s); 0 of 5 caller path(s) fail; 0 of 2"
                + " notebook user path(s) fail ("), out);
        assertTrue(out.contains("app-euw1 function app-euw1-app-invoker"), "its callers are proven too: " + out);
    }

    @Test
    void spokesWhoseBlocksOverlapEachOtherFailThePreview() {
        String out = preview(1, "--extra-stacks", "verifier/src/test/resources/overlapping-spoke");
        assertTrue(out.contains("design:distinct-vpc-blocks · app-apse1 · ec2/Vpc app-apse1 · 10.30.0.0/22 overlaps VPC app-euw2"
                + " 10.30.0.0/23 of stack app-euw2"), out);
    }
}
