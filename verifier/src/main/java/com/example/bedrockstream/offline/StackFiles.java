package com.example.bedrockstream.offline;

import com.google.gson.Gson;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's real Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml files, turned into the config map the Pulumi CLI
 * would hand the program: project defaults first, stack values over them, structured values as JSON.
 */
public final class StackFiles {
    private static final Gson GSON = new Gson();

    private final Path root;
    /** Stack name to its file, found once: the preview and the deploy order ask for them many times. */
    private final Map<String, Path> stackFiles;
    private final String project;
    private final Map<String, Object> declarations;

    public StackFiles(Path root) {
        this(root, List.of());
    }

    /** @param extraStackDirs more directories of stack files, such as a test fixture's further spoke */
    public StackFiles(Path root, List<Path> extraStackDirs) {
        this.root = root;
        var dirs = new ArrayList<Path>(List.of(root));
        extraStackDirs.forEach(d -> dirs.add(d.toAbsolutePath()));
        this.stackFiles = find(dirs);
        Map<String, Object> projectFile = read(root.resolve("Pulumi.yaml"));
        this.project = (String) projectFile.get("name");
        this.declarations = asMap(projectFile.getOrDefault("config", Map.of()));
    }

    public Path root() {
        return root;
    }

    public String project() {
        return project;
    }

    /** Declared project config keys (without namespace) and their declarations (type, description, default). */
    public Map<String, Map<String, Object>> declarations() {
        var out = new LinkedHashMap<String, Map<String, Object>>();
        declarations.forEach((key, declaration) -> out.put(key, asMap(declaration)));
        return out;
    }

    /** Stack names that have a Pulumi.&lt;stack&gt;.yaml, in name order. */
    public List<String> stacks() {
        return stackFiles.keySet().stream().sorted().toList();
    }

    private static Map<String, Path> find(List<Path> stackDirs) {
        var found = new LinkedHashMap<String, Path>();
        for (Path dir : stackDirs) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml");
                }).forEach(p -> {
                    String n = p.getFileName().toString();
                    found.putIfAbsent(n.substring("Pulumi.".length(), n.length() - ".yaml".length()), p);
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list stack files in " + dir, e);
            }
        }
        return found;
    }

    /** The config of {@code stack} as "namespace:key" to the string the engine passes. */
    public Map<String, String> config(String stack) {
        var config = new LinkedHashMap<String, String>();
        declarations().forEach((key, declaration) -> {
            if (declaration.containsKey("default")) {
                config.put(fullKey(key), render(declaration.get("default")));
            }
        });
        Map<String, Object> stackFile = read(stackFiles.getOrDefault(stack, root.resolve("Pulumi." + stack + ".yaml")));
        asMap(stackFile.getOrDefault("config", Map.of())).forEach((key, value) -> config.put(fullKey(key), render(value)));
        return config;
    }

    private String fullKey(String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static String render(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return GSON.toJson(value);
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> read(Path file) {
        try {
            Map<String, Object> content = new Yaml().load(Files.readString(file));
            return content == null ? Map.of() : content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
