package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.OfflineRun;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The project's other stacks as last deployed, read the way a StackReference reads them: from the backend the CLI
 * runs against, which the pack learns from the environment the engine starts it with (PULUMI_BACKEND_URL, else the
 * {@code current} backend of `pulumi login` in PULUMI_HOME's credentials.json). Only a file:// backend is read; any
 * other is reported as not read, and the hops across stacks are left to the offline preview.
 */
final class BackendStacks {
    private static final String FILE = "file://";

    /** What the backend holds, or why it was not read. */
    sealed interface Reading permits Found, NotRead {
    }

    /** @param backend where the stacks were read from */
    record Found(String backend, List<OfflineRun> runs) implements Reading {
    }

    record NotRead(String why) implements Reading {
    }

    private BackendStacks() {
    }

    /** Every stack of {@code project} in the backend but {@code stack}, by name. */
    static Reading others(Map<String, String> env, String project, String stack, SecretTexts secrets) {
        Optional<String> url = Optional.ofNullable(env.get("PULUMI_BACKEND_URL")).filter(u -> !u.isBlank())
                .or(() -> loggedIn(env));
        if (url.isEmpty()) {
            return new NotRead("no backend: PULUMI_BACKEND_URL is unset and `pulumi login` chose none");
        }
        if (!url.get().startsWith(FILE)) {
            return new NotRead("the backend " + url.get().replaceFirst("^(\\w+://[^/]*).*", "$1")
                    + " is not a file:// backend, the only kind the pack reads");
        }
        String location = url.get().substring(FILE.length()).replaceFirst("\\?.*$", "");
        Path root = location.startsWith("~") ? home(env).resolve(location.substring(1).replaceFirst("^/", ""))
                : Path.of(location);
        Path stacks = root.resolve(".pulumi").resolve("stacks");
        // Project-scoped stacks since CLI v3.61; a backend made before keeps every stack directly under stacks/.
        Path dir = Files.isDirectory(stacks.resolve(project)) ? stacks.resolve(project) : stacks;
        if (!Files.isDirectory(dir)) {
            return new NotRead("the backend " + url.get() + " holds no stacks (no " + dir + ")");
        }
        Optional<String> passphrase = passphrase(env);
        var runs = new ArrayList<OfflineRun>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json.zst")) {
                    return new NotRead("the backend " + url.get() + " keeps " + name + " zstd-compressed"
                            + " (PULUMI_DIY_BACKEND_ZSTD), which the pack does not read");
                }
                String other = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length())
                        : name.endsWith(".json.gz") ? name.substring(0, name.length() - ".json.gz".length()) : null;
                if (other != null && !other.equals(stack) && Files.isRegularFile(file)) {
                    runs.add(Checkpoint.read(other, text(file), passphrase, secrets));
                }
            }
        } catch (IOException e) {
            return new NotRead("the backend " + url.get() + " could not be read: " + e);
        }
        return new Found(url.get(), runs);
    }

    private static Optional<String> loggedIn(Map<String, String> env) {
        Path credentials = Optional.ofNullable(env.get("PULUMI_HOME")).map(Path::of)
                .orElse(home(env).resolve(".pulumi")).resolve("credentials.json");
        if (!Files.isRegularFile(credentials)) {
            return Optional.empty();
        }
        try {
            var current = JsonParser.parseString(Files.readString(credentials)).getAsJsonObject().get("current");
            return current == null || current.isJsonNull() ? Optional.empty() : Optional.of(current.getAsString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path home(Map<String, String> env) {
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    }

    private static Optional<String> passphrase(Map<String, String> env) {
        Optional<String> given = Optional.ofNullable(env.get("PULUMI_CONFIG_PASSPHRASE"));
        if (given.isPresent()) {
            return given;
        }
        return Optional.ofNullable(env.get("PULUMI_CONFIG_PASSPHRASE_FILE")).map(Path::of).flatMap(file -> {
            try {
                return Optional.of(Files.readString(file).strip());
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** A checkpoint, gzipped when the backend writes them so (PULUMI_DIY_BACKEND_GZIP). */
    private static String text(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream plain = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
            return new String(plain.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
