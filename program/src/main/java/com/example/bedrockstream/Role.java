package com.example.bedrockstream;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.notebook.NotebookAccess;
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
    ML("ml", Optional.empty(), List.of("bedrock-runtime"), MlStack::compose),
    APP_HUB("app-hub", Optional.of(new Upstream("mlStack", "ML", "ml-use1", MlOutputs.ALL)), List.of("sts", "lambda"),
            AppHubStack::compose),
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
    private final List<String> endpointServices;
    private final Composition composition;

    Role(String configValue, Optional<Upstream> upstream, List<String> endpointServices, Composition composition) {
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
     * The AWS service names of the stack's interface endpoints in its own region: the role's
     * ({@code com.amazonaws.<region>.<service>}), and the notebook's private way in when the stack has it on.
     */
    public List<String> endpointServiceNames(StackConfig config) {
        String region = config.common().region();
        var names = new ArrayList<String>();
        endpointServices.forEach(service -> names.add("com.amazonaws." + region + "." + service));
        if (config.notebookPrivateAccess()) {
            names.addAll(NotebookAccess.serviceNames(region));
        }
        return List.copyOf(names);
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
