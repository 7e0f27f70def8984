package com.example.bedrockstream.offline.rules;

import java.util.stream.Stream;

/**
 * One check of the simulated deployment. A rule has a stable id a finding can be cited by, a one-line message
 * saying what it requires, and the source it restates. Every rule has a failing fixture in the tests
 * ({@code RuleFixtures}) and passes on the committed stacks.
 *
 * <p>To add a rule: implement it here or as a {@link ResourceRule} or {@link InputRule}, declare its {@link Scope},
 * write its id out in its declaration, list it in {@link PlanRules#ALL}, and add its fixture under the same id; the
 * catalogue test fails until both exist, and when the rule reads more than its scope. The offline preview and the
 * policy pack run the same rules.
 */
public interface PlanRule {
    /**
     * Stable and unique: the source kind's prefix, then a name ({@code checkov:CKV_AWS_117}, {@code design:no-open-cidr}),
     * written out once in the sources, where the rule is declared, so a search for it finds the rule.
     */
    String id();

    /** What the rule requires, in one line. */
    String message();

    RuleSource source();

    /** What the rule must see to judge: a rule that reads more than one resource and its provider says so here. */
    Scope scope();

    Stream<Finding> check(Plan plan);
}
