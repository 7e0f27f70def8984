package com.example.bedrockstream.offline.path;

import java.util.List;

/** Every hop of the way a user opens one notebook, in order. */
public record NotebookUserPath(String stack, String notebook, List<HopResult> hops) implements ProvenPath {

    public NotebookUserPath {
        hops = List.copyOf(hops);
    }

    @Override
    public String label() {
        return stack + " user -> " + notebook;
    }
}
