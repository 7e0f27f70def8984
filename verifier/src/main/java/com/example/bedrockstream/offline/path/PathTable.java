package com.example.bedrockstream.offline.path;

import java.util.Arrays;
import java.util.List;

/** A proof as a row × hop table, pass or FAIL per cell, with each failure's reason under it. */
public final class PathTable {
    private PathTable() {
    }

    /** Callers of the ML function by the hops of DESIGN.md §2. */
    public static String render(List<CallerPath> paths) {
        return render(paths, "caller", Arrays.asList(Hop.values()), "caller(s)",
                "no callers found: nothing reaches the ML function");
    }

    /** Notebooks by the hops of a user's way in. */
    public static String renderNotebookUsers(List<NotebookUserPath> paths) {
        return render(paths, "notebook user", Arrays.asList(NotebookUserHop.values()), "notebook(s)",
                "no notebooks: no user reaches one");
    }

    private static String render(List<? extends ProvenPath> paths, String rowTitle, List<? extends PathStep> columns,
                                 String counted, String none) {
        var out = new StringBuilder();
        int width = paths.stream().mapToInt(p -> p.label().length()).max().orElse(0);
        width = Math.max(width, rowTitle.length());
        out.append(String.format("%-" + width + "s", rowTitle));
        for (PathStep hop : columns) {
            out.append(" | ").append(hop.label());
        }
        out.append('\n').append("-".repeat(width));
        for (PathStep hop : columns) {
            out.append("-+-").append("-".repeat(hop.label().length()));
        }
        out.append('\n');
        for (ProvenPath path : paths) {
            out.append(String.format("%-" + width + "s", path.label()));
            for (HopResult result : path.hops()) {
                out.append(" | ").append(String.format("%-" + result.hop().label().length() + "s",
                        result.passed() ? "pass" : "FAIL"));
            }
            out.append('\n');
        }
        for (ProvenPath path : paths) {
            for (HopResult failure : path.failures()) {
                out.append(String.format("FAIL %s, hop %s (%s): %s%n", path.label(), failure.hop().label(),
                        failure.hop().meaning(), failure.failure().orElseThrow()));
            }
        }
        if (paths.isEmpty()) {
            out.append(none).append('\n');
        }
        long failed = paths.stream().filter(p -> !p.passed()).count();
        out.append(String.format("%d %s, %d with a broken hop.%n", paths.size(), counted, failed));
        return out.toString();
    }
}
