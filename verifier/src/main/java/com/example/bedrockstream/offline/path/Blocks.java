package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.domain.Cidr;

/** Address-block arithmetic for routes and rules, on the project's own CIDR type. */
final class Blocks {
    private Blocks() {
    }

    /** Whether every address of {@code inner} lies in {@code outer}; an unreadable block contains nothing. */
    static boolean contains(String outer, String inner) {
        var o = Cidr.parse(outer);
        var i = Cidr.parse(inner);
        return o.isPresent() && i.isPresent() && o.get().block().contains(i.get().block());
    }

    static int prefix(String block) {
        return Cidr.parse(block).map(Cidr::prefixLength).orElse(-1);
    }
}
