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

    /** Runs one hop's proof. A proof that throws has failed, whatever threw: an unreadable policy is no proof of a path. */
    public static HopResult proving(PathStep hop, Runnable proof) {
        try {
            proof.run();
            return pass(hop);
        } catch (RuntimeException e) {
            return fail(hop, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    public boolean passed() {
        return failure.isEmpty();
    }
}
