package com.example.bedrockstream;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.ConfigurationException;
import com.example.bedrockstream.config.EndpointZones;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.config.StackConfigParser;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.stacks.AppHubStack;
import com.example.bedrockstream.stacks.AppSpokeStack;
import com.example.bedrockstream.stacks.MlStack;
import com.pulumi.Context;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetVpcEndpointServicePlainArgs;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/** One program, every stack: the stack's {@code role} picks the composition from the table below. */
public final class Program {
    /** Registers a role's resources from its parsed config. */
    @FunctionalInterface
    interface Composition {
        void compose(Context ctx, StackConfig config, LambdaArtifacts artifacts);
    }

    /** Each role's composition and the interface endpoint services it places in its own region's zones. */
    private record Composed(Composition composition, List<EndpointService> endpointServices) {
    }

    private static final Map<Role, Composed> ROLES = Map.of(
            Role.ML, new Composed(MlStack::compose, List.of(EndpointService.BEDROCK_RUNTIME)),
            Role.APP_HUB, new Composed(AppHubStack::compose, List.of(EndpointService.STS, EndpointService.LAMBDA)),
            Role.APP_SPOKE, new Composed(AppSpokeStack::compose, List.of()));

    private Program() {
    }

    /** The Pulumi CLI runs the program from the project directory, where lambda-src/ is. */
    public static void run(Context ctx) {
        run(ctx, new LambdaArtifacts(Path.of("").toAbsolutePath()));
    }

    public static void run(Context ctx, LambdaArtifacts artifacts) {
        StackConfig config = config(ctx);
        var common = config.common();
        var zoneProblems = EndpointZones.problems(common, endpointServiceNames(config), Program::offeredZones);
        if (!zoneProblems.isEmpty()) {
            throw new ConfigurationException(common.stack(), zoneProblems);
        }
        ROLES.get(common.role()).composition().compose(ctx, config, artifacts);
    }

    /**
     * The AWS service names of the stack's interface endpoints in its own region: the role's, and the notebook's
     * private way in when the stack has it on.
     */
    public static List<String> endpointServiceNames(StackConfig config) {
        var services = new ArrayList<>(ROLES.get(config.common().role()).endpointServices());
        if (config.notebookPrivateAccess()) {
            services.addAll(EndpointService.NOTEBOOK_ACCESS);
        }
        return services.stream().map(service -> service.serviceName(config.common().region())).toList();
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
