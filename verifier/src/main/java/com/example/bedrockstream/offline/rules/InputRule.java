package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.MockResource;

import java.util.stream.Stream;

/**
 * One validation of one input of one resource type, the shape of most provider rules. {@code input} is a dotted
 * path into the inputs; a segment ending in "[]" applies the rest of the path to every element of that list. An
 * unset input is not checked (the provider's own default applies).
 *
 * @param id {@code <source kind>:<short type>.<input>}, written out where the rule is declared so a search finds it
 */
public record InputRule(String id, RuleSource source, String type, String input, Check check) implements PlanRule {

    public InputRule {
        String expected = source.kind().prefix() + ":" + MockResource.shortType(type) + "." + input;
        if (!id.equals(expected)) {
            throw new IllegalArgumentException("rule id " + id + " does not name what it checks: " + expected);
        }
    }

    /** The rule {@code id} names: its source kind by the prefix, its input after the type's short name. */
    static InputRule of(String id, String type, String reference, Check check) {
        RuleSource source = RuleSource.of(id.substring(0, Math.max(0, id.indexOf(':'))), reference);
        String typed = source.kind().prefix() + ":" + MockResource.shortType(type) + ".";
        if (!id.startsWith(typed)) {
            throw new IllegalArgumentException("rule id " + id + " does not start with " + typed);
        }
        return new InputRule(id, source, type, id.substring(typed.length()), check);
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
