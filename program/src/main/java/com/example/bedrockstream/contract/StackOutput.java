package com.example.bedrockstream.contract;

import java.util.List;
import java.util.Optional;

/**
 * One named value a stack exports: its name, its shape, and whether it is a secret. Producers export through it
 * and consumers read through it, so an output name is written exactly once.
 */
public final class StackOutput<T> {
    /** The shapes an output can take. */
    public enum Shape { STRING, STRING_LIST }

    private final String name;
    private final Shape shape;
    private final boolean secret;
    private final String description;

    private StackOutput(String name, Shape shape, boolean secret, String description) {
        this.name = name;
        this.shape = shape;
        this.secret = secret;
        this.description = description;
    }

    static StackOutput<String> string(String name, String description) {
        return new StackOutput<>(name, Shape.STRING, false, description);
    }

    static StackOutput<String> secretString(String name, String description) {
        return new StackOutput<>(name, Shape.STRING, true, description);
    }

    static StackOutput<List<String>> stringList(String name, String description) {
        return new StackOutput<>(name, Shape.STRING_LIST, false, description);
    }

    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    /** The value as this output's shape, or empty when the stack exported something else under the name. */
    @SuppressWarnings("unchecked")
    public Optional<T> cast(Object value) {
        return switch (shape) {
            case STRING -> value instanceof String s && !s.isBlank() ? Optional.of((T) s) : Optional.empty();
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
                    ? Optional.of((T) List.copyOf(list)) : Optional.empty();
        };
    }

    public String expected() {
        return switch (shape) {
            case STRING -> "a non-empty string";
            case STRING_LIST -> "a list of strings";
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
