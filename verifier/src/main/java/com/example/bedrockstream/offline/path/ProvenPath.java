package com.example.bedrockstream.offline.path;

import java.util.List;

/** A path proven hop by hop: a caller's streaming request, or a user's way into a notebook. */
public interface ProvenPath {
    /** The row name in the table: who travels the path. */
    String label();

    /** Every hop, in order. */
    List<HopResult> hops();

    default boolean passed() {
        return hops().stream().allMatch(HopResult::passed);
    }

    default HopResult hop(PathStep hop) {
        return hops().stream().filter(h -> h.hop() == hop).findFirst().orElseThrow();
    }

    default List<HopResult> failures() {
        return hops().stream().filter(h -> !h.passed()).toList();
    }
}
