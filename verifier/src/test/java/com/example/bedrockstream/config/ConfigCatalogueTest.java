package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.domain.ConfigProblem;
import com.example.bedrockstream.domain.Role;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pulumi.yaml's {@code config:} block and the README's Configuration table say of every key what {@link ConfigKeys}
 * declares: a difference fails naming the key, so neither can drift from the catalogue.
 */
class ConfigCatalogueTest {
    /** A row of the README's table for a project key: key, roles, type, default, meaning. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\| ([^|]+) \\| ([^|]*) \\| ([^|]+) \\| (.*) \\|$");

    @Test
    void pulumiYamlDeclaresEachKeyAsTheCatalogueDoes() {
        var declared = Stacks.files().declarations();
        assertEquals(names(ConfigKeys.PROJECT), List.copyOf(declared.keySet()), "Pulumi.yaml's keys, in order");
        for (ConfigKey<?> key : ConfigKeys.PROJECT) {
            var yaml = declared.get(key.name());
            var expected = new LinkedHashMap<String, Object>();
            expected.put("type", key.type().yaml());
            if (key.type() == ConfigKey.Type.STRING_LIST) {
                expected.put("items", Map.of("type", "string"));
            }
            key.defaultValue().ifPresent(d -> expected.put("default", d));
            expected.put("description", "[" + key.rolesText() + "] " + key.description());
            var actual = new LinkedHashMap<String, Object>(yaml);
            // As the engine passes a default: scalars as text, lists as JSON.
            Optional.ofNullable(yaml.get("default")).ifPresent(d -> actual.put("default",
                    d instanceof List<?> ? new Gson().toJson(d) : String.valueOf(d)));
            assertEquals(expected, actual, key.name() + " in Pulumi.yaml differs from ConfigKeys");
        }
    }

    @Test
    void theReadmeTableDescribesEachKeyAsTheCatalogueDoes() throws Exception {
        var rows = new LinkedHashMap<String, List<String>>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            var row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), List.of(row.group(2), row.group(3), row.group(4), row.group(5)));
            }
        }
        assertEquals(names(ConfigKeys.PROJECT), List.copyOf(rows.keySet()), "the README table's project keys, in order");
        for (ConfigKey<?> key : ConfigKeys.PROJECT) {
            var expected = List.of(key.rolesText(), key.secret() ? "secret string" : key.type().readme(),
                    key.defaultValue().map(d -> "`" + (d.isEmpty() ? "\"\"" : d) + "`").orElse("required"), key.summary());
            assertEquals(expected, rows.get(key.name()), key.name() + " in README.md's table differs from ConfigKeys");
        }
    }

    /**
     * The roles a key declares are the roles whose stacks read it: set to a value other than its default in a committed
     * stack, a key of another role is refused as unused, and a key of the stack's own role is not.
     */
    @Test
    void eachKeyIsUsedByExactlyItsRoles() {
        var files = Stacks.files();
        for (String stack : files.stacks()) {
            Role role = Role.fromConfig(files.config(stack).get(StackConfigParser.NAMESPACE + ":role")).orElseThrow();
            for (ConfigKey<?> key : ConfigKeys.PROJECT) {
                if (key == ConfigKeys.ROLE) {
                    continue;
                }
                String fullKey = StackConfigParser.NAMESPACE + ":" + key.name();
                var config = new LinkedHashMap<>(files.config(stack));
                config.put(fullKey, "not-the-default");
                boolean refusedAsUnused = problems(stack, config).stream().anyMatch(p -> p.key().equals(fullKey)
                        && p.expected().startsWith("no value: role '" + role.configValue() + "' does not use "));
                assertEquals(!key.roles().contains(role), refusedAsUnused, key.name() + " in " + stack + " ("
                        + role.configValue() + "): ConfigKeys gives it to " + key.rolesText());
            }
        }
    }

    private static List<ConfigProblem> problems(String stack, Map<String, String> config) {
        try {
            StackConfigParser.parse(stack, config.keySet(), k -> Optional.ofNullable(config.get(k)),
                    k -> k.endsWith(":externalId"), (configKey, name, contract, problems) -> {
                        problems.add(new ConfigProblem(configKey, name, "a stack this test does not read"));
                        return Optional.empty();
                    });
            return List.of();
        } catch (ConfigurationException refused) {
            return refused.problems();
        }
    }

    private static List<String> names(List<ConfigKey<?>> keys) {
        var out = new ArrayList<String>();
        keys.forEach(k -> out.add(k.name()));
        return out;
    }
}
