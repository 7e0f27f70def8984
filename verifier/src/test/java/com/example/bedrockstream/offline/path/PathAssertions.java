package com.example.bedrockstream.offline.path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a variation must do to the proof: break one hop for exactly the callers it concerns, and nothing else. */
final class PathAssertions {
    static final String HUB_FUNCTION = "app-use1 function app-use1-app-invoker";
    static final String HUB_NOTEBOOK = "app-use1 notebook app-use1-bedrock-sample";
    static final String SPOKE_FUNCTION = "app-apse1 function app-apse1-app-invoker";
    static final String SPOKE_NOTEBOOK = "app-apse1 notebook app-apse1-bedrock-sample";
    static final List<String> EVERY_CALLER = List.of(HUB_FUNCTION, HUB_NOTEBOOK, SPOKE_FUNCTION, SPOKE_NOTEBOOK);
    static final List<String> SPOKE_CALLERS = List.of(SPOKE_FUNCTION, SPOKE_NOTEBOOK);
    static final String HUB_NOTEBOOK_USER = "app-use1 user -> app-use1-bedrock-sample";
    static final String SPOKE_NOTEBOOK_USER = "app-apse1 user -> app-apse1-bedrock-sample";
    static final List<String> EVERY_NOTEBOOK_USER = List.of(HUB_NOTEBOOK_USER, SPOKE_NOTEBOOK_USER);

    private PathAssertions() {
    }

    /**
     * {@code broken} callers fail {@code hop} and only that hop, every other caller passes every hop, and each
     * failure's reason holds {@code fragment}. Returns the reasons.
     */
    static List<String> onlyBroken(List<CallerPath> paths, Hop hop, List<String> broken, String fragment) {
        return onlyBroken(paths, PathTable.render(paths), EVERY_CALLER, hop, broken, fragment);
    }

    /** The same for the notebook users' paths: {@code broken} notebooks fail {@code hop} and only that hop. */
    static List<String> onlyBrokenUsers(List<NotebookUserPath> paths, NotebookUserHop hop, List<String> broken,
                                        String fragment) {
        return onlyBroken(paths, PathTable.renderNotebookUsers(paths), EVERY_NOTEBOOK_USER, hop, broken, fragment);
    }

    private static List<String> onlyBroken(List<? extends ProvenPath> paths, String table, List<String> rows,
                                           PathStep hop, List<String> broken, String fragment) {
        assertEquals(rows, paths.stream().map(ProvenPath::label).toList(), table);
        for (ProvenPath path : paths) {
            String caller = path.label();
            var failed = path.failures().stream().map(HopResult::hop).toList();
            assertEquals(broken.contains(caller) ? List.of(hop) : List.of(), failed, caller + "\n" + table);
        }
        var reasons = paths.stream().filter(p -> broken.contains(p.label()))
                .map(p -> p.hop(hop).failure().orElseThrow()).toList();
        reasons.forEach(reason -> assertTrue(reason.contains(fragment), "<" + fragment + "> not in: " + reason));
        assertTrue(table.contains("FAIL " + broken.get(0) + ", hop " + hop.label()), table);
        return reasons;
    }
}
