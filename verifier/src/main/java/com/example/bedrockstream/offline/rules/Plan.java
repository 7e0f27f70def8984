package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The simulated deployment the rules read: every stack that ran, in deploy order. */
public record Plan(List<OfflineRun> runs) {

    public static Plan of(OfflineRun... runs) {
        return new Plan(List.of(runs));
    }

    /**
     * All a {@link Scope#RESOURCE} rule may read: one resource of {@code stack} and the explicit provider it is created
     * through, as the policy pack is handed them before the resource is created.
     */
    public static Plan alone(String stack, MockResource resource, Optional<MockResource> provider) {
        var resources = new ArrayList<MockResource>();
        provider.ifPresent(resources::add);
        resources.add(resource);
        return of(new OfflineRun(stack, resources, Map.of(), Set.of(), List.of()));
    }

    /** Resource and the stack it belongs to, for rules that look at one resource at a time. */
    public record Placed(OfflineRun run, MockResource resource) {
    }

    /** Every resource of the stacks whose program succeeded (a failed stack has its own error, and nothing to check). */
    public Stream<Placed> resources() {
        return runs.stream().filter(OfflineRun::succeeded)
                .flatMap(run -> run.resources().stream().map(resource -> new Placed(run, resource)));
    }
}
