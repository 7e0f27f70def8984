package com.example.bedrockstream;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.ConfigurationException;
import com.example.bedrockstream.config.EndpointZones;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.config.StackConfigParser;
import com.example.bedrockstream.contract.UpstreamStack;
import com.pulumi.Context;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetVpcEndpointServicePlainArgs;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

/** One program, every stack: the stack's {@code role} picks the composition (see {@link Role}). */
public final class Program {
    private Program() {
    }

    /** The Pulumi CLI runs the program from the project directory, where lambda-src/ is. */
    public static void run(Context ctx) {
        run(ctx, new LambdaArtifacts(Path.of("").toAbsolutePath()));
    }

    public static void run(Context ctx, LambdaArtifacts artifacts) {
        StackConfig config = config(ctx);
        var common = config.common();
        var zoneProblems = EndpointZones.problems(common, common.role().endpointServiceNames(config),
                Program::offeredZones);
        if (!zoneProblems.isEmpty()) {
            throw new ConfigurationException(common.stack(), zoneProblems);
        }
        common.role().compose(ctx, config, artifacts);
    }

    /** The stack's config, parsed and checked as the program sees it; the preflight reads a stack through it too. */
    public static StackConfig config(Context ctx) {
        return StackConfigParser.parse(ctx.stackName(), EngineConfigKeys.all(),
                fullKey -> {
                    int colon = fullKey.indexOf(':');
                    return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
                },
                // The public Config API cannot tell a secret value from a plain one; the deployment can.
                fullKey -> DeploymentInternal.getInstance().isConfigSecret(fullKey),
                UpstreamStack::read);
    }

    /**
     * Asked before any resource is registered, so a zone without the service stops the stack with nothing made. A
     * failed look-up keeps AWS's reason: the provider refusing the credentials' account fails here first.
     */
    private static EndpointZones.Offer offeredZones(String serviceName) {
        try {
            return EndpointZones.Offer.of(Ec2Functions.getVpcEndpointServicePlain(GetVpcEndpointServicePlainArgs.builder()
                    .serviceName(serviceName).build()).join().availabilityZones());
        } catch (CompletionException lookUpFailed) {
            Throwable cause = lookUpFailed;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return EndpointZones.Offer.failed(String.valueOf(cause.getMessage()));
        }
    }
}
