package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.StackConfig;
import com.pulumi.Context;
import com.pulumi.exceptions.RunException;

public final class AppHubStack {
    private AppHubStack() {
    }

    public static void compose(Context ctx, StackConfig config, LambdaArtifacts artifacts) {
        throw new RunException("not implemented yet");
    }
}
