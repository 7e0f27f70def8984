package com.example.bedrockstream;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.config.StackConfigParser;
import com.example.bedrockstream.contract.UpstreamStack;
import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.nio.file.Path;

/** One program, every stack: the stack's {@code role} picks the composition (see {@link Role}). */
public final class Program {
    private Program() {
    }

    /** The Pulumi CLI runs the program from the project directory, where lambda-src/ is. */
    public static void run(Context ctx) {
        run(ctx, new LambdaArtifacts(Path.of("").toAbsolutePath()));
    }

    public static void run(Context ctx, LambdaArtifacts artifacts) {
        StackConfig config = StackConfigParser.parse(ctx.stackName(), EngineConfigKeys.all(),
                fullKey -> {
                    int colon = fullKey.indexOf(':');
                    return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
                },
                // The public Config API cannot tell a secret value from a plain one; the deployment can.
                fullKey -> DeploymentInternal.getInstance().isConfigSecret(fullKey),
                UpstreamStack::read);
        config.common().role().compose(ctx, config, artifacts);
    }
}
