package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.rules.Finding;
import com.example.bedrockstream.offline.rules.Plan;
import com.example.bedrockstream.offline.rules.PlanRule;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One rule run on what the pack was handed: what it found, or the value it needed and could not read (then it
 * found nothing: a value known only after the update is judged when the engine hands it over, at `pulumi up`).
 *
 * @param unknown the value the rule needed, when it could not judge
 */
record Judgement(PlanRule rule, List<Finding> findings, Optional<String> unknown) {

    /** @param concerns which findings are this analysis's to report (its resource, its stack) */
    static Judgement of(PlanRule rule, Plan plan, Predicate<Finding> concerns) {
        try {
            return new Judgement(rule, rule.check(plan).filter(concerns).toList(), Optional.empty());
        } catch (Unjudgeable e) {
            return new Judgement(rule, List.of(), Optional.of(e.what()));
        }
    }
}
