package com.example.bedrockstream.offline.path;

import java.util.List;

/** Every hop of one caller's path, in order. */
public record CallerPath(Caller caller, List<HopResult> hops) {

    public CallerPath {
        hops = List.copyOf(hops);
    }

    public boolean passed() {
        return hops.stream().allMatch(HopResult::passed);
    }

    public HopResult hop(Hop hop) {
        return hops.stream().filter(h -> h.hop() == hop).findFirst().orElseThrow();
    }

    public List<HopResult> failures() {
        return hops.stream().filter(h -> !h.passed()).toList();
    }
}
