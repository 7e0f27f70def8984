package com.example.bedrockstream.offline.standin;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The stand-in cloud on disk: one JSON file that every provider process shares (each `pulumi` command starts
 * several, for every stack, region and plugin version). Each read-modify-write holds a file lock, so two processes
 * never interleave; the file is replaced whole, so a killed process leaves the previous version.
 */
final class CloudStore {
    /** A file lock is held by the process: its own threads queue here first. */
    private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private final Path file;
    private final Path lockFile;

    /** What the file holds. */
    private record Contents(List<CloudEntry> resources) {
    }

    CloudStore(Path directory) {
        this.file = directory.resolve("cloud.json");
        this.lockFile = directory.resolve("cloud.lock");
    }

    /** Applies {@code change} to the entries and stores the result, unless it throws. */
    <T> T change(Function<List<CloudEntry>, T> change) {
        return locked(() -> {
            var entries = read();
            T result = change.apply(entries);
            write(entries);
            return result;
        });
    }

    List<CloudEntry> entries() {
        return locked(this::read);
    }

    private <T> T locked(Supplier<T> action) {
        IN_THIS_PROCESS.lock();
        try {
            Files.createDirectories(file.getParent());
            try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the stand-in cloud at " + file, e);
        } finally {
            IN_THIS_PROCESS.unlock();
        }
    }

    private List<CloudEntry> read() {
        try {
            if (!Files.exists(file)) {
                return new ArrayList<>();
            }
            var contents = GSON.fromJson(Files.readString(file), Contents.class);
            return contents == null || contents.resources() == null ? new ArrayList<>()
                    : new ArrayList<>(contents.resources());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(List<CloudEntry> entries) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, GSON.toJson(new Contents(entries)), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
