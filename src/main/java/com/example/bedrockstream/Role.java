package com.example.bedrockstream;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.stacks.AppHubStack;
import com.example.bedrockstream.stacks.AppSpokeStack;
import com.example.bedrockstream.stacks.MlStack;
import com.pulumi.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The roles a stack can play: for each, the {@code role} value that selects it, the earlier stack it reads (the
 * config key that names it and the contract it must export), the interface endpoints it places in its zones, and
 * its composition. The program, the config parser
 * and the preview's deploy order all derive from this table; nothing else matches role names.
 */
public enum Role {
    ML("ml", Optional.empty(), List.of(EndpointService.BEDROCK_RUNTIME), MlStack::compose),
    APP_HUB("app-hub", Optional.of(new Upstream("mlStack", "ML", "ml-use1", MlOutputs.ALL)),
            List.of(EndpointService.STS, EndpointService.LAMBDA), AppHubStack::compose),
    APP_SPOKE("app-spoke", Optional.of(new Upstream("hubStack", "hub", "app-use1", HubOutputs.ALL)), List.of(),
            AppSpokeStack::compose);

    /**
     * The earlier stack a role reads through a StackReference.
     *
     * @param configKey the key holding its fully qualified name
     * @param what      how messages name it ("the ML stack")
     * @param example   the committed stack it names
     * @param contract  every output this role needs from it
     */
    public record Upstream(String configKey, String what, String example, List<StackOutput<?>> contract) {
    }

    /** Registers a role's resources from its parsed config. */
    @FunctionalInterface
    public interface Composition {
        void compose(Context ctx, StackConfig config, LambdaArtifacts artifacts);
    }

    private final String configValue;
    private final Optional<Upstream> upstream;
    private final List<EndpointService> endpointServices;
    private final Composition composition;

    Role(String configValue, Optional<Upstream> upstream, List<EndpointService> endpointServices, Composition composition) {
        this.configValue = configValue;
        this.upstream = upstream;
        this.endpointServices = endpointServices;
        this.composition = composition;
    }

    public String configValue() {
        return configValue;
    }

    public Optional<Upstream> upstream() {
        return upstream;
    }

    /**
     * The AWS service names of the stack's interface endpoints in its own region: the role's, and the notebook's
     * private way in when the stack has it on.
     */
    public List<String> endpointServiceNames(StackConfig config) {
        var services = new ArrayList<>(endpointServices);
        if (config.notebookPrivateAccess()) {
            services.addAll(EndpointService.NOTEBOOK_ACCESS);
        }
        return services.stream().map(service -> service.serviceName(config.common().region())).toList();
    }

    public void compose(Context ctx, StackConfig config, LambdaArtifacts artifacts) {
        composition.compose(ctx, config, artifacts);
    }

    public static Optional<Role> fromConfig(String value) {
        return Arrays.stream(values()).filter(r -> r.configValue.equals(value)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(r -> "'" + r.configValue + "'").collect(Collectors.joining(", "));
    }
}
