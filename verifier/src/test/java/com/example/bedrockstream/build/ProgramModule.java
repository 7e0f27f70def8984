package com.example.bedrockstream.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the packaged program holds: the program module's classes and its runtime dependencies, as Maven built them. */
final class ProgramModule {
    private ProgramModule() {
    }

    static Path classes() {
        return Path.of(System.getProperty("program.classes"));
    }

    static List<Path> dependencies() {
        try {
            String line = Files.readString(Path.of(System.getProperty("program.classpath.file"))).strip();
            return Stream.of(line.split(java.io.File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String classpath() {
        return Stream.concat(Stream.of(classes()), dependencies().stream()).map(Path::toString)
                .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
    }
}
