package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A rule that looks at one resource at a time, of the given types (every type when empty).
 *
 * @param problems what is wrong with one resource, read with its stack's run at hand (for its provider)
 */
public record ResourceRule(String id, String message, RuleSource source, Set<String> types,
                           BiFunction<OfflineRun, MockResource, Stream<String>> problems) implements PlanRule {

    static ResourceRule of(String id, String message, RuleSource source, String type,
                           BiFunction<OfflineRun, MockResource, Stream<String>> problems) {
        return new ResourceRule(id, message, source, Set.of(type), problems);
    }

    public Stream<Finding> check(Plan plan) {
        return plan.resources().filter(placed -> types.isEmpty() || types.contains(placed.resource().type()))
                .flatMap(placed -> problems.apply(placed.run(), placed.resource())
                        .map(problem -> Finding.of(this, placed.run().stack(), placed.resource(), problem)));
    }
}
