package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulumi.yaml documents every key the program reads, and the committed stack files hold no secret. */
class ProjectConfigTest {

    @Test
    void everyKeyTheProgramReadsIsDeclaredWithTypeAndDescription() {
        var files = Stacks.files();
        var declared = files.declarations();
        for (String stack : files.stacks()) {
            var read = new HashSet<String>();
            try {
                StackConfigParser.parse(stack, files.config(stack).keySet(), key -> {
                    read.add(key);
                    return Optional.ofNullable(files.config(stack).get(key));
                }, key -> key.endsWith(":externalId"), (configKey, name, contract, problems) -> Optional.empty());
            } catch (RuntimeException refusedOrNotImplemented) {
                // only the keys read matter here
            }
            for (String fullKey : read) {
                if (fullKey.startsWith("aws:")) {
                    continue;
                }
                String key = fullKey.substring(fullKey.indexOf(':') + 1);
                assertTrue(declared.containsKey(key), key + " (read for " + stack + ") is not declared in Pulumi.yaml");
                assertTrue(declared.get(key).containsKey("type"), key + " has no type");
                assertFalse(String.valueOf(declared.get(key).get("description")).isBlank(), key + " has no description");
            }
        }
    }

    @Test
    void theDeclaredKeysTheProgramKnowsArePulumiYamlsWithTheirDefaults() {
        var files = Stacks.files();
        var fromYaml = new LinkedHashMap<String, Optional<String>>();
        // As the engine passes a default: scalars as text, lists as JSON.
        files.declarations().forEach((key, declaration) -> fromYaml.put(key,
                Optional.ofNullable(declaration.get("default"))
                        .map(d -> d instanceof List<?> ? new Gson().toJson(d) : String.valueOf(d))));
        assertEquals(fromYaml, ProjectKeys.DECLARED);
    }

    @Test
    void committedStackFilesHoldNoSecretsAndTheExpectedRoles() throws Exception {
        var files = Stacks.files();
        assertEquals(Set.of("ml-use1", "app-use1", "app-apse1"), Set.copyOf(files.stacks()));
        for (String stack : files.stacks()) {
            String text = Files.readString(Path.of("Pulumi." + stack + ".yaml"));
            assertFalse(text.contains("secure:"), stack + " holds an encrypted value");
            assertFalse(files.config(stack).containsKey("bedrock-stream:externalId")
                    && !files.config(stack).get("bedrock-stream:externalId").isEmpty(), stack + " holds an external id");
        }
        assertEquals(Map.of("ml-use1", "ml", "app-use1", "app-hub", "app-apse1", "app-spoke"), Map.of(
                "ml-use1", files.config("ml-use1").get("bedrock-stream:role"),
                "app-use1", files.config("app-use1").get("bedrock-stream:role"),
                "app-apse1", files.config("app-apse1").get("bedrock-stream:role")));
    }
}
