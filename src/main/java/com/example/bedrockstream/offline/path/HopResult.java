package com.example.bedrockstream.offline.path;

import java.util.Optional;

/** One hop of one path: it holds, or the reason it does not. */
public record HopResult(PathStep hop, Optional<String> failure) {

    public static HopResult pass(PathStep hop) {
        return new HopResult(hop, Optional.empty());
    }

    public static HopResult fail(PathStep hop, String reason) {
        return new HopResult(hop, Optional.of(reason));
    }

    public boolean passed() {
        return failure.isEmpty();
    }
}
