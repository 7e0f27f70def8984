package com.example.bedrockstream.contract;

import com.example.bedrockstream.domain.ConfigProblem;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.StackReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * An earlier stack read through its contract. Every required output is fetched before the composition starts,
 * so a missing or malformed output is reported with the others, before any cloud resource is registered.
 */
public final class UpstreamStack {
    /** The engine's built-in function a StackReference is read with (pulumi/pulumi pkg/resource/deploy/builtins.go). */
    public static final String READ_STACK_OUTPUTS = "pulumi:pulumi:readStackOutputs";

    private final String stackName;
    private final Map<StackOutput<?>, Object> values;

    /**
     * What follows a secret this stack could not read: the engine hands the program an empty object for a secret of
     * another stack that its own secrets provider cannot decrypt (and says "eliding undecryptable secrets").
     */
    public static final String CANNOT_DECRYPT = "which is what Pulumi returns for a secret it cannot decrypt: run both"
            + " stacks with the same secrets provider (the same passphrase, the same KMS key, or a managed backend);"
            + " see README, Secrets";

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
        var unreadable = unreadable(stackName);
        if (unreadable.isPresent()) {
            problems.add(new ConfigProblem(configKey, "\"" + stackName + "\"", "a stack this one can read, but reading"
                    + " stack '" + stackName + "' failed: " + unreadable.get() + ". Deploy it first, check the name"
                    + " (pulumi stack ls --all), and keep both stacks in the same backend (pulumi whoami -v)"));
            return Optional.empty();
        }
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
            } else if (output.secret() && raw.get() instanceof Map<?, ?> elided && elided.isEmpty()) {
                problems.add(new ConfigProblem(configKey, "\"" + stackName + "\"", "stack '" + stackName
                        + "' to export '" + output.name() + "' as " + output.expected() + ", but this stack read {}, "
                        + CANNOT_DECRYPT));
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

    /**
     * Why the engine cannot read {@code stackName} (no such stack, another backend, no access), if it cannot. A
     * StackReference to such a stack fails a task the SDK tracks, and the SDK then reports that failure, with a stack
     * trace, instead of this program's message. The engine's own invoke behind StackReference reads the same outputs
     * and its failure is only this future's, so it is asked first.
     */
    private static Optional<String> unreadable(String stackName) {
        try {
            Deployment.getInstance().invokeAsync(READ_STACK_OUTPUTS, new ReadStackOutputsArgs(stackName)).join();
            return Optional.empty();
        } catch (CompletionException | CancellationException failed) {
            return Optional.of(rootMessage(failed));
        }
    }

    private static final class ReadStackOutputsArgs extends InvokeArgs {
        @Import(name = "name", required = true)
        private final String name;

        ReadStackOutputsArgs(String name) {
            this.name = name;
        }
    }

    private static String rootMessage(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
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
