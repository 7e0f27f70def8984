package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.pulumi.exceptions.RunException;

import java.nio.file.Path;

/**
 * Stops a composition before its first resource when the Lambda code it uploads is missing or was not built from
 * the current sources.
 */
final class Artifacts {
    private Artifacts() {
    }

    static void require(String stack, LambdaArtifacts artifacts, Path... paths) {
        for (Path path : paths) {
            artifacts.unusable(path).ifPresent(problem -> {
                throw new RunException("Stack '" + stack + "' cannot deploy; nothing was created: " + problem);
            });
        }
    }
}
