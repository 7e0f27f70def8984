package com.example.bedrockstream.contract;

import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a stack's exports and publishes exactly its contract: every output, secrets as secrets. */
public final class StackExports {
    private final List<StackOutput<?>> contract;
    private final Map<StackOutput<?>, Output<?>> values = new LinkedHashMap<>();

    public StackExports(List<StackOutput<?>> contract) {
        this.contract = contract;
    }

    public <T> StackExports put(StackOutput<T> output, Output<T> value) {
        if (!contract.contains(output)) {
            throw new IllegalArgumentException(output.name() + " is not part of this stack's contract");
        }
        values.put(output, output.secret() ? value.asSecret() : value);
        return this;
    }

    public <T> StackExports put(StackOutput<T> output, T value) {
        return put(output, Output.of(value));
    }

    /** Exports every value; a contract output left out is a bug in the composition, not a user error. */
    public void publish(Context ctx) {
        var missing = contract.stream().filter(o -> !values.containsKey(o)).map(StackOutput::name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("stack exports miss contract outputs " + missing);
        }
        values.forEach((output, value) -> ctx.export(output.name(), value));
    }
}
