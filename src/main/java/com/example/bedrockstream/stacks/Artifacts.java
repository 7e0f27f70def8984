package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.pulumi.exceptions.RunException;

import java.nio.file.Path;

/** Stops a composition before its first resource when the Lambda code it uploads has not been built. */
final class Artifacts {
    private Artifacts() {
    }

    static void require(String stack, LambdaArtifacts artifacts, Path... paths) {
        for (Path path : paths) {
            artifacts.missing(path).ifPresent(problem -> {
                throw new RunException("Stack '" + stack + "' cannot deploy; nothing was created: " + problem);
            });
        }
    }
}
