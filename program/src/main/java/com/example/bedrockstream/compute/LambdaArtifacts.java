package com.example.bedrockstream.compute;

import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.FileArchive;
import com.pulumi.asset.FileAsset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built outputs of {@code lambda-src/}, which the Maven build produces before the program runs. Next to each
 * artifact the build writes a stamp: the digest of the sources it was built from and of the artifact itself. An
 * artifact that is missing, unstamped, older than its sources or replaced since is reported with the command that
 * builds it, instead of deploying a function without code or with code that no longer matches its sources. Content,
 * not modification times, decides: a git clone or checkout sets every mtime to "now".
 */
public final class LambdaArtifacts {
    public static final Path ML_STREAM_BUNDLE = Path.of("lambda-src", "ml-stream", "dist", "index.mjs");
    public static final Path APP_INVOKER_JAR = Path.of("lambda-src", "app-invoker", "target", "app-invoker.jar");
    public static final String BUILD_COMMAND = "./mvnw -q -DskipTests package";

    /** What each artifact is built from: a change to any of these files makes it stale. */
    private static final Map<Path, List<Path>> SOURCES = Map.of(
            ML_STREAM_BUNDLE, List.of(
                    Path.of("lambda-src", "ml-stream", "src"),
                    Path.of("lambda-src", "ml-stream", "metrics.json"),
                    Path.of("lambda-src", "ml-stream", "package.json"),
                    Path.of("lambda-src", "ml-stream", "package-lock.json"),
                    Path.of("lambda-src", "ml-stream", "build.mjs")),
            APP_INVOKER_JAR, List.of(
                    Path.of("lambda-src", "app-invoker", "src", "main"),
                    Path.of("lambda-src", "app-invoker", "pom.xml"),
                    Path.of("lambda-src", "ml-stream", "metrics.json")));

    /** Lambda's Node.js and Java runtimes this provider version accepts and this project uses. */
    public static final String NODE_RUNTIME = "nodejs22.x";
    public static final String JAVA_RUNTIME = "java21";

    private final Path projectRoot;

    public LambdaArtifacts(Path projectRoot) {
        this.projectRoot = projectRoot;
    }

    /** The stamp file beside an artifact. */
    public static Path stampOf(Path artifact) {
        return artifact.resolveSibling(artifact.getFileName() + ".stamp");
    }

    /** Records that the artifact, as it is now, was built from the sources as they are now. */
    public void stamp(Path artifact) {
        Path full = projectRoot.resolve(artifact);
        if (!Files.isRegularFile(full)) {
            throw new IllegalStateException("cannot stamp " + artifact + ": the build did not produce it");
        }
        write(projectRoot.resolve(stampOf(artifact)), expectedStamp(artifact));
    }

    /** A sentence naming the unusable artifact, why, and how to build it; empty when it matches its sources. */
    public Optional<String> unusable(Path artifact) {
        Path full = projectRoot.resolve(artifact);
        if (!Files.isRegularFile(full)) {
            return Optional.of("the built Lambda code " + artifact + " is missing (looked in "
                    + projectRoot.toAbsolutePath() + "); build it with: " + BUILD_COMMAND);
        }
        Path stamp = projectRoot.resolve(stampOf(artifact));
        if (!Files.isRegularFile(stamp)) {
            return Optional.of("the built Lambda code " + artifact + " has no build stamp " + stampOf(artifact)
                    + ", so nothing shows it matches its sources; rebuild it with: " + BUILD_COMMAND);
        }
        List<String> recorded = read(stamp).lines().toList();
        List<String> expected = expectedStamp(artifact).lines().toList();
        if (recorded.size() != 2 || !recorded.get(0).equals(expected.get(0))) {
            return Optional.of("the built Lambda code " + artifact + " is stale: "
                    + SOURCES.get(artifact).stream().map(Path::toString).collect(Collectors.joining(", "))
                    + " changed since it was built; rebuild it with: " + BUILD_COMMAND);
        }
        if (!recorded.get(1).equals(expected.get(1))) {
            return Optional.of("the built Lambda code " + artifact + " was replaced since the build stamped it"
                    + " (built outside the project build?); rebuild it with: " + BUILD_COMMAND);
        }
        return Optional.empty();
    }

    /** The streaming ML function: one esbuild bundle, uploaded as index.mjs. */
    public FunctionCode mlStream() {
        return new FunctionCode(NODE_RUNTIME, "index.handler", new AssetArchive(
                Map.of("index.mjs", new FileAsset(projectRoot.resolve(ML_STREAM_BUNDLE).toString()))));
    }

    /** The Application Lambda: one shaded jar. */
    public FunctionCode appInvoker() {
        return new FunctionCode(JAVA_RUNTIME, "com.example.bedrockstream.appinvoker.Handler::handleRequest",
                new FileArchive(projectRoot.resolve(APP_INVOKER_JAR).toString()));
    }

    /** Line 1: digest of the sources; line 2: digest of the artifact. */
    private String expectedStamp(Path artifact) {
        return "sources " + digestOf(SOURCES.get(artifact)) + "\n"
                + "artifact " + sha256(projectRoot.resolve(artifact)) + "\n";
    }

    /**
     * One digest of every regular file under {@code paths} (relative to the project; missing ones are skipped): of
     * their sha256sum-style listing, sorted by path, so a renamed file counts as a change too.
     */
    public String digestOf(List<Path> paths) {
        var listing = new StringBuilder();
        files(paths).forEach(file -> listing.append(sha256(projectRoot.resolve(file))).append("  ")
                .append(file.toString().replace('\\', '/')).append('\n'));
        return sha256(listing.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> files(List<Path> paths) {
        return paths.stream()
                .map(projectRoot::resolve)
                .filter(Files::exists)
                .flatMap(LambdaArtifacts::regularFiles)
                .map(projectRoot::relativize)
                .sorted()
                .toList();
    }

    private static Stream<Path> regularFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's digest and the size and modification time it had when it was read. */
    private record Digest(long size, FileTime modified, String sha256) {
    }

    /**
     * Digests by file, for a process that runs the program many times (the tests: the jar is 15 MB). A digest is
     * reused only while the file keeps its size and modification time, and a file modified within the last
     * {@link #SETTLED} is read again each time, as a rewrite in the same clock tick keeps its time (git's "racy" case).
     */
    private static final Map<Path, Digest> DIGESTS = new ConcurrentHashMap<>();
    private static final Duration SETTLED = Duration.ofSeconds(3);

    private static String sha256(Path file) {
        try {
            Path key = file.toAbsolutePath().normalize();
            BasicFileAttributes before = Files.readAttributes(key, BasicFileAttributes.class);
            Digest known = DIGESTS.get(key);
            if (known != null && known.size() == before.size() && known.modified().equals(before.lastModifiedTime())) {
                return known.sha256();
            }
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(key), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String hex = HexFormat.of().formatHex(digest.digest());
            boolean settled = before.lastModifiedTime().toInstant().isBefore(Instant.now().minus(SETTLED));
            if (settled && Files.readAttributes(key, BasicFileAttributes.class).lastModifiedTime()
                    .equals(before.lastModifiedTime())) {
                DIGESTS.put(key, new Digest(before.size(), before.lastModifiedTime(), hex));
            }
            return hex;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
