package com.example.bedrockstream.offline.path;

import java.util.List;

/** Every hop of one caller's path, in order. */
public record CallerPath(Caller caller, List<HopResult> hops) implements ProvenPath {

    public CallerPath {
        hops = List.copyOf(hops);
    }

    @Override
    public String label() {
        return caller.label();
    }
}
