package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.List;
import java.util.stream.Stream;

/** The simulated deployment the rules read: every stack that ran, in deploy order. */
public record Plan(List<OfflineRun> runs) {

    public static Plan of(OfflineRun... runs) {
        return new Plan(List.of(runs));
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
