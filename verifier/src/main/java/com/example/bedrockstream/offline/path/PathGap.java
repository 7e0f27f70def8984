package com.example.bedrockstream.offline.path;

/** A hop does not hold: the message says what is missing or refused, in the resources' own terms. */
final class PathGap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PathGap(String reason) {
        super(reason);
    }
}
