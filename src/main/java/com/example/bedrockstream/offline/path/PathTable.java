package com.example.bedrockstream.offline.path;

import java.util.List;

/** The proof as a caller × hop table, pass or FAIL per cell, with each failure's reason under it. */
public final class PathTable {
    private PathTable() {
    }

    public static String render(List<CallerPath> paths) {
        var out = new StringBuilder();
        int width = paths.stream().mapToInt(p -> p.caller().label().length()).max().orElse(0);
        width = Math.max(width, "caller".length());
        out.append(String.format("%-" + width + "s", "caller"));
        for (Hop hop : Hop.values()) {
            out.append(" | ").append(hop.label());
        }
        out.append('\n').append("-".repeat(width));
        for (Hop hop : Hop.values()) {
            out.append("-+-").append("-".repeat(hop.label().length()));
        }
        out.append('\n');
        for (CallerPath path : paths) {
            out.append(String.format("%-" + width + "s", path.caller().label()));
            for (HopResult result : path.hops()) {
                out.append(" | ").append(String.format("%-" + result.hop().label().length() + "s",
                        result.passed() ? "pass" : "FAIL"));
            }
            out.append('\n');
        }
        for (CallerPath path : paths) {
            for (HopResult failure : path.failures()) {
                out.append(String.format("FAIL %s, hop %s (%s): %s%n", path.caller().label(), failure.hop().label(),
                        failure.hop().meaning(), failure.failure().orElseThrow()));
            }
        }
        if (paths.isEmpty()) {
            out.append("no callers found: nothing reaches the ML function\n");
        }
        long failed = paths.stream().filter(p -> !p.passed()).count();
        out.append(String.format("%d caller(s), %d with a broken hop.%n", paths.size(), failed));
        return out.toString();
    }
}
