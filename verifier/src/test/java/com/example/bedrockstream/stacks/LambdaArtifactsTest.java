package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Program;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaArtifactsTest {
    private static final Path BUNDLE = LambdaArtifacts.ML_STREAM_BUNDLE;
    private static final Path HANDLER = Path.of("lambda-src", "ml-stream", "src", "index.mjs");

    @Test
    void missingBundleStopsTheStackWithThePathAndTheBuildCommand(@TempDir Path emptyProject) {
        var run = mlStackIn(emptyProject);
        assertRefused(run, "the built Lambda code " + BUNDLE + " is missing");
    }

    @Test
    void bundleOlderThanItsSourcesStopsTheStack(@TempDir Path project) throws IOException {
        builtProject(project);
        Files.writeString(project.resolve(HANDLER), "export const handler = async () => 'changed';\n");

        assertRefused(mlStackIn(project), "the built Lambda code " + BUNDLE + " is stale: "
                + Path.of("lambda-src", "ml-stream", "src") + ", ");
    }

    @Test
    void bundleReplacedAfterTheBuildStopsTheStack(@TempDir Path project) throws IOException {
        builtProject(project);
        Files.writeString(project.resolve(BUNDLE), "export const handler = async () => 'hand-built';\n");

        assertRefused(mlStackIn(project), "the built Lambda code " + BUNDLE + " was replaced since the build stamped it");
    }

    @Test
    void unstampedBundleStopsTheStack(@TempDir Path project) throws IOException {
        builtProject(project);
        Files.delete(project.resolve(LambdaArtifacts.stampOf(BUNDLE)));

        assertRefused(mlStackIn(project), "the built Lambda code " + BUNDLE + " has no build stamp");
    }

    @Test
    void stampedBundleMatchingItsSourcesIsAccepted(@TempDir Path project) throws IOException {
        builtProject(project);
        assertEquals(Optional.empty(), new LambdaArtifacts(project).unusable(BUNDLE));
    }

    @Test
    void theBuildHasProducedBothDeployableArtifactsFromTheCurrentSources() {
        var artifacts = new LambdaArtifacts(Path.of("").toAbsolutePath());
        assertEquals(Optional.empty(), artifacts.unusable(LambdaArtifacts.ML_STREAM_BUNDLE));
        assertEquals(Optional.empty(), artifacts.unusable(LambdaArtifacts.APP_INVOKER_JAR));
    }

    private static OfflineRun mlStackIn(Path project) {
        return Stacks.engine().run("ml-use1", Map.of(), Stacks.SECRETS,
                ctx -> Program.run(ctx, new LambdaArtifacts(project)));
    }

    private static void assertRefused(OfflineRun run, String problem) {
        assertFalse(run.succeeded());
        assertEquals(List.of(), run.awsResources(), "nothing is registered without usable code");
        assertTrue(run.errorText().contains("Stack 'ml-use1' cannot deploy; nothing was created: " + problem),
                run.errorText());
        assertTrue(run.errorText().contains("build it with: ./mvnw -q -DskipTests package"), run.errorText());
    }

    /** A project whose bundle the build has just made and stamped. */
    private static void builtProject(Path project) throws IOException {
        var mlStream = project.resolve("lambda-src/ml-stream");
        Files.createDirectories(mlStream.resolve("src"));
        Files.createDirectories(mlStream.resolve("dist"));
        Files.writeString(project.resolve(HANDLER), "export const handler = async () => 'ok';\n");
        Files.writeString(mlStream.resolve("package.json"), "{\"name\": \"ml-stream\"}\n");
        Files.writeString(mlStream.resolve("build.mjs"), "// bundles src/\n");
        Files.writeString(project.resolve(BUNDLE), "export const handler = async () => 'ok';\n");
        new LambdaArtifacts(project).stamp(BUNDLE);
    }
}
