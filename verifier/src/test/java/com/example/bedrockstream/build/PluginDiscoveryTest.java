package com.example.bedrockstream.build;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Pulumi CLI learns which provider plugins to install by running
 * {@code java -cp <program> com.pulumi.bootstrap.internal.Main packages} and reading the JSON it prints.
 * This runs that entry point on the packaged program's classpath (the program module's classes plus its runtime
 * dependencies), which holds no verifier class.
 */
class PluginDiscoveryTest {

    @Test
    void discoveryListsTheAwsPluginOfThePinnedSdk() throws IOException, InterruptedException {
        String classpath = ProgramModule.classpath();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", classpath, "com.pulumi.bootstrap.internal.Main", "packages")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "plugin discovery did not finish");
        assertEquals(0, process.exitValue(), stdout);

        List<Map<String, Object>> plugins = new Gson().fromJson(stdout,
                new TypeToken<List<Map<String, Object>>>() { }.getType());
        assertTrue(plugins.contains(Map.of("resource", true, "name", "aws", "version", "6.83.0")), stdout);
    }
}
