package com.example.bedrockstream;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.config.StackConfigParser;
import com.example.bedrockstream.stacks.AppHubStack;
import com.example.bedrockstream.stacks.MlStack;
import com.pulumi.Context;

import java.nio.file.Path;

/** One program, three stacks: the stack's {@code role} picks the composition. */
public final class Program {
    private Program() {
    }

    /** The Pulumi CLI runs the program from the project directory, where lambda-src/ is. */
    public static void run(Context ctx) {
        run(ctx, new LambdaArtifacts(Path.of("").toAbsolutePath()));
    }

    public static void run(Context ctx, LambdaArtifacts artifacts) {
        StackConfig config = StackConfigParser.parse(ctx);
        switch (config.common().role()) {
            case ML -> MlStack.compose(ctx, config, artifacts);
            case APP_HUB -> AppHubStack.compose(ctx, config, artifacts);
            case APP_SPOKE -> throw new IllegalStateException("the parser refuses roles that are not implemented");
        }
    }
}
