package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.MockResource;

import java.util.stream.Stream;

/**
 * One validation of one input of one resource type, the shape of most provider rules. {@code input} is a dotted
 * path into the inputs; a segment ending in "[]" applies the rest of the path to every element of that list. An
 * unset input is not checked (the provider's own default applies).
 */
public record InputRule(RuleSource source, String type, String input, Check check) implements PlanRule {

    public String id() {
        return source.kind().prefix() + ":" + MockResource.shortType(type) + "." + input;
    }

    public String message() {
        return MockResource.shortType(type) + " " + input + " is " + check.expectation();
    }

    public Scope scope() {
        return Scope.RESOURCE;
    }

    public Stream<Finding> check(Plan plan) {
        return plan.resources().filter(placed -> placed.resource().type().equals(type))
                .flatMap(placed -> Inputs.values(placed.resource().inputs(), input, "").entrySet().stream()
                        .flatMap(value -> check.problem(value.getValue()).stream()
                                .map(problem -> Finding.of(this, placed.run().stack(), placed.resource(),
                                        value.getKey() + " = " + Inputs.render(value.getValue()) + " " + problem))));
    }
}
