package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.ConfigProblem;
import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every configuration problem of a stack, reported together before any resource is registered.
 * A {@link RunException} so Pulumi prints the message alone, without a stack trace, and exits non-zero.
 */
public final class ConfigurationException extends RunException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigurationException(String stack, List<ConfigProblem> problems) {
        super(render(stack, problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(String stack, List<ConfigProblem> problems) {
        return "Stack '" + stack + "' has " + problems.size() + " configuration problem"
                + (problems.size() == 1 ? "" : "s") + "; nothing was created:\n"
                + problems.stream().map(p -> "  - " + p.render()).collect(Collectors.joining("\n"));
    }
}
