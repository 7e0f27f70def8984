package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Program;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.compute.LambdaArtifacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaArtifactsTest {

    @Test
    void missingBundleStopsTheStackWithThePathAndTheBuildCommand(@TempDir Path emptyProject) {
        var run = Stacks.engine().run("ml-use1", Map.of(), Stacks.SECRETS,
                ctx -> Program.run(ctx, new LambdaArtifacts(emptyProject)));
        assertFalse(run.succeeded());
        assertEquals(List.of(), run.awsResources(), "nothing is registered without the code");
        assertTrue(run.errorText().contains("Stack 'ml-use1' cannot deploy; nothing was created: the built Lambda code "
                + Path.of("lambda-src", "ml-stream", "dist", "index.mjs") + " is missing"), run.errorText());
        assertTrue(run.errorText().contains("build it with: ./mvnw -q -DskipTests generate-resources"), run.errorText());
    }

    @Test
    void theBuildHasProducedBothDeployableArtifacts() {
        var artifacts = new LambdaArtifacts(Path.of("").toAbsolutePath());
        assertEquals(Optional.empty(), artifacts.missing(LambdaArtifacts.ML_STREAM_BUNDLE));
        assertEquals(Optional.empty(), artifacts.missing(LambdaArtifacts.APP_INVOKER_JAR));
    }
}
