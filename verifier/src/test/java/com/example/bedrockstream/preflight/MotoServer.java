package com.example.bedrockstream.preflight;

import com.example.bedrockstream.offline.Sha256;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * moto's server (verifier/src/test/moto/requirements.txt), started on a free loopback port before the first test class that
 * needs it and stopped when the test JVM ends: a real HTTP endpoint that the SDK's real clients talk to. One server
 * per JVM, since starting one takes seconds; each test resets it. {@code MOTO_PYTHON} names the interpreter that has
 * it installed (default python3).
 */
public final class MotoServer implements BeforeAllCallback {
    private static Process process;
    private static URI endpoint;

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    private static synchronized void start() throws Exception {
        if (process != null && process.isAlive()) {
            return;
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String python = System.getenv().getOrDefault("MOTO_PYTHON", pinnedMoto().toString());
        process = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("verifier", "target", "moto-server-" + port + ".log").toFile())
                .start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        var http = HttpClient.newHttpClient();
        var deadline = Instant.now().plusSeconds(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto's server exited (" + process.exitValue() + "); install it with"
                        + " pip install -r verifier/src/test/moto/requirements.txt (see verifier/target/moto-server-" + port + ".log)");
            }
            try {
                var answer = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    var started = process;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("moto's server did not answer on " + endpoint + " within 60 s");
            }
            Thread.sleep(200);
        }
    }

    /**
     * The interpreter of a virtual environment with the pinned moto, made on first use, so `./mvnw test` works on a
     * machine that has only python3 (as .ci/run relies on). It is kept in
     * the user's cache, named by the requirements and the python3 it was made with, so that another clone or a clean
     * build reuses it as it reuses ~/.m2 and ~/.npm, instead of spending half a minute on pip each time.
     */
    private static synchronized Path pinnedMoto() throws IOException, InterruptedException {
        String wanted = Files.readString(Path.of("verifier", "src", "test", "moto", "requirements.txt"));
        Path cache = userCache().resolve("bedrock-stream");
        try {
            Files.createDirectories(cache);
        } catch (IOException notWritable) {
            cache = Files.createDirectories(Path.of("verifier", "target")); // a home without a cache: this clone's own
        }
        String name = "moto-venv-" + Sha256.hex(wanted + "\n" + output(List.of("python3", "--version"))).substring(0, 16);
        Path venv = cache.resolve(name);
        Path python = venv.resolve("bin").resolve("python");
        Path installed = venv.resolve("requirements.installed");
        // Test JVMs (and builds of other clones) run side by side: one makes the environment while the others wait.
        try (var lock = FileChannel.open(cache.resolve(name + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var held = lock.lock()) {
            if (Files.exists(python) && Files.exists(installed) && Files.readString(installed).equals(wanted)) {
                return python;
            }
            run(List.of("python3", "-m", "venv", "--clear", venv.toString())); // --clear: a run cut short left it half made
            run(List.of(python.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r",
                    "verifier/src/test/moto/requirements.txt"));
            Files.writeString(installed, wanted);
            return python;
        }
    }

    private static Path userCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("verifier", "target", "moto-venv.log").toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (see verifier/target/moto-venv.log)");
        }
    }

    /** Forgets every account's state: each test sets up the account it needs. */
    public void reset() throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
