package com.example.bedrockstream.offline.path;

import java.util.Optional;

/** One hop for one caller: it holds, or the reason it does not. */
public record HopResult(Hop hop, Optional<String> failure) {

    public static HopResult pass(Hop hop) {
        return new HopResult(hop, Optional.empty());
    }

    public static HopResult fail(Hop hop, String reason) {
        return new HopResult(hop, Optional.of(reason));
    }

    public boolean passed() {
        return failure.isEmpty();
    }
}
