package com.example.bedrockstream.notebook;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.OfflineRun;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lifecycle script and the sample notebook each notebook stack registers work with no internet at all: nothing
 * is installed or downloaded at start, and the notebook uses only what the platform's kernel ships.
 */
class SampleNotebookTest {
    static final String LIFECYCLE = "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";
    /** Commands that fetch from a package index or the internet, as whole words ("pipefail" is not "pip"). */
    static final Pattern FETCHES = Pattern.compile("(?i)(?<![\\w-])(pip3?|conda|mamba|micromamba|npm|npx|yarn|curl|wget"
            + "|yum|dnf|apt|apt-get|easy_install|git\\s+(clone|fetch|pull)|jupyter\\s+\\S*extension\\s+install"
            + "|aws\\s+s3\\s+(cp|sync))(?![\\w-])");
    static final Pattern URL = Pattern.compile("(?i)\\b(https?|ftp)://[^\\s'\"]+");
    /** Regional AWS endpoints, with the notebook's {REGION} placeholder where the sample formats one in. */
    static final Pattern AWS_ENDPOINT = Pattern.compile("https://[a-z0-9-]+\\.(\\{REGION}|[a-z]{2}(-[a-z]+)+-\\d)"
            + "\\.amazonaws\\.com");
    /** What the platform's conda_python3 kernel ships: the standard library and boto3. */
    static final Set<String> SHIPPED_MODULES = Set.of("codecs", "getpass", "json", "time", "boto3");

    static List<OfflineRun> runs;

    @BeforeAll
    static void deploy() {
        var chain = Stacks.spoke();
        runs = List.of(chain.hub(), chain.spoke());
    }

    private static String script(OfflineRun run) {
        var lifecycle = run.named(LIFECYCLE, run.stack() + "-bedrock-sample");
        return new String(Base64.getDecoder().decode(lifecycle.string("onCreate")), StandardCharsets.UTF_8);
    }

    /** The notebook the script writes, between its here-document markers. */
    private static String notebook(String script) {
        int start = script.indexOf("<<'SAMPLE_NOTEBOOK'\n") + "<<'SAMPLE_NOTEBOOK'\n".length();
        return script.substring(start, script.indexOf("\nSAMPLE_NOTEBOOK\n"));
    }

    @Test
    void theLifecycleScriptRunsOnceAtCreationAndFetchesNothing() {
        for (OfflineRun run : runs) {
            var lifecycle = run.named(LIFECYCLE, run.stack() + "-bedrock-sample");
            assertTrue(lifecycle.input("onStart").isEmpty(), "nothing runs at every start");
            String script = script(run);
            var fetches = FETCHES.matcher(script).results().map(m -> m.group()).toList();
            assertEquals(List.of(), fetches, run.stack() + " fetches:\n" + script);
            var urls = URL.matcher(script).results().map(m -> m.group()).toList();
            assertFalse(urls.isEmpty(), "the sample names the regional STS endpoint");
            urls.forEach(url -> assertTrue(AWS_ENDPOINT.matcher(url).matches(), url + " is not a regional AWS endpoint"));
            assertTrue(script.startsWith("#!/bin/bash\nset -euo pipefail\n"), "stops at the first failure");
        }
    }

    @Test
    void theSampleRunsInThePlatformKernelWithWhatItShips() {
        for (OfflineRun run : runs) {
            var notebook = JsonParser.parseString(notebook(script(run))).getAsJsonObject();
            assertEquals("conda_python3", notebook.getAsJsonObject("metadata").getAsJsonObject("kernelspec")
                    .get("name").getAsString());
            var imported = new ArrayList<String>();
            for (var cell : notebook.getAsJsonArray("cells")) {
                for (var line : cell.getAsJsonObject().getAsJsonArray("source")) {
                    String text = line.getAsString().strip();
                    assertFalse(text.startsWith("!") || text.startsWith("%"), "no shell or magic: " + text);
                    if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")
                            && text.startsWith("import ")) {
                        for (String module : text.substring("import ".length()).split(",")) {
                            imported.add(module.strip().split("[ .]")[0]);
                        }
                    }
                }
            }
            assertEquals(SHIPPED_MODULES, Set.copyOf(imported), run.stack());
        }
    }
}
