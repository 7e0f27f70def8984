package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A rule that looks at one resource at a time, of the given types (every type when empty).
 *
 * @param scope    {@link Scope#RESOURCE} when {@code problems} reads nothing of the run but the resource's explicit
 *                 provider, {@link Scope#STACK} when it reads other resources, computed values or the stack's exports
 * @param problems what is wrong with one resource, read with its stack's run at hand
 */
public record ResourceRule(String id, String message, RuleSource source, Scope scope, Set<String> types,
                           BiFunction<OfflineRun, MockResource, Stream<String>> problems) implements PlanRule {

    /** A rule that judges a resource of {@code type} from its own inputs and its provider. */
    static ResourceRule of(String id, String message, RuleSource source, String type,
                           BiFunction<OfflineRun, MockResource, Stream<String>> problems) {
        return new ResourceRule(id, message, source, Scope.RESOURCE, Set.of(type), problems);
    }

    /** A rule that judges a resource of {@code type} by what else its stack holds, computes or exports. */
    static ResourceRule ofStack(String id, String message, RuleSource source, String type,
                                BiFunction<OfflineRun, MockResource, Stream<String>> problems) {
        return new ResourceRule(id, message, source, Scope.STACK, Set.of(type), problems);
    }

    public Stream<Finding> check(Plan plan) {
        return plan.resources().filter(placed -> types.isEmpty() || types.contains(placed.resource().type()))
                .flatMap(placed -> problems.apply(placed.run(), placed.resource())
                        .map(problem -> Finding.of(this, placed.run().stack(), placed.resource(), problem)));
    }
}
