package com.example.bedrockstream.contract;

import com.example.bedrockstream.config.ConfigProblem;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An earlier stack read through its contract. Every required output is fetched before the composition starts,
 * so a missing or malformed output is reported with the others, before any cloud resource is registered.
 */
public final class UpstreamStack {
    private final String stackName;
    private final Map<StackOutput<?>, Object> values;

    private UpstreamStack(String stackName, Map<StackOutput<?>, Object> values) {
        this.stackName = stackName;
        this.values = values;
    }

    /**
     * Reads {@code contract} from {@code stackName}; problems are added to {@code problems} against
     * {@code configKey}, the key that named the stack.
     */
    public static Optional<UpstreamStack> read(String configKey, String stackName, List<StackOutput<?>> contract,
                                               List<ConfigProblem> problems) {
        int problemsBefore = problems.size();
        var reference = new StackReference(stackName);
        var values = new HashMap<StackOutput<?>, Object>();
        var missing = new ArrayList<String>();
        for (StackOutput<?> output : contract) {
            // Blocking here is deliberate: the composition must not start until the contract is known to hold.
            var details = reference.outputDetailsAsync(output.name()).join();
            Optional<Object> raw = details.getValue().or(details::getSecretValue);
            Optional<?> value = raw.flatMap(output::cast);
            if (value.isPresent()) {
                values.put(output, value.get());
            } else if (raw.isEmpty()) {
                missing.add(output.name());
            } else {
                problems.add(new ConfigProblem(configKey, "\"" + stackName + "\"", "stack '" + stackName
                        + "' to export '" + output.name() + "' as " + output.expected() + " (" + output.description() + ")"));
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new ConfigProblem(configKey, "\"" + stackName + "\"", "a deployed stack that exports "
                    + missing + ", but stack '" + stackName + "' has no such output"
                    + (missing.size() == 1 ? "" : "s") + " (deploy it first, or check the name)"));
        }
        return problems.size() == problemsBefore ? Optional.of(new UpstreamStack(stackName, Map.copyOf(values))) : Optional.empty();
    }

    public String stackName() {
        return stackName;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(StackOutput<T> output) {
        if (output.secret()) {
            throw new IllegalArgumentException(output.name() + " is secret; read it with secret()");
        }
        return (T) require(output);
    }

    /** A secret output, kept secret. */
    public Output<String> secret(StackOutput<String> output) {
        return Output.ofSecret((String) require(output));
    }

    /** A secret output's plain value, only to check its shape; never print or export it. */
    public String revealToValidate(StackOutput<String> output) {
        return (String) require(output);
    }

    private Object require(StackOutput<?> output) {
        var value = values.get(output);
        if (value == null) {
            throw new IllegalArgumentException(output.name() + " was not read from " + stackName);
        }
        return value;
    }
}
