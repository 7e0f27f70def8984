package com.example.bedrockstream.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What `pulumi up` runs is the program module alone: none of the verifier's classes (which the compiler already keeps
 * out of its sources), and none of the libraries only the verifier needs.
 */
class DeployJarTest {
    private static final List<String> VERIFIER_PACKAGES = List.of("offline", "preflight", "verify", "deployroles", "build");
    private static final List<String> VERIFIER_LIBRARIES = List.of("picocli-", "snakeyaml-", "junit-", "mockito-",
            "sts-", "lambda-", "bedrock-", "iam-", "ec2-", "url-connection-client-", "sdk-core-");

    @Test
    void theProgramHoldsNoVerifierClass() throws IOException {
        Path root = ProgramModule.classes().resolve("com/example/bedrockstream");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> verifierClasses = files.map(root::relativize).map(Path::toString)
                    .filter(p -> VERIFIER_PACKAGES.stream().anyMatch(v -> p.startsWith(v + "/")))
                    .toList();
            assertEquals(List.of(), verifierClasses);
        }
    }

    @Test
    void theProgramCarriesNoVerifierLibrary() {
        List<String> jars = ProgramModule.dependencies().stream().map(p -> p.getFileName().toString()).toList();
        assertFalse(jars.isEmpty());
        assertEquals(List.of(), jars.stream()
                .filter(jar -> VERIFIER_LIBRARIES.stream().anyMatch(jar::startsWith)).toList(), "in " + jars);
    }
}
