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

    private PathAssertions() {
    }

    /**
     * {@code broken} callers fail {@code hop} and only that hop, every other caller passes every hop, and each
     * failure's reason holds {@code fragment}. Returns the reasons.
     */
    static List<String> onlyBroken(List<CallerPath> paths, Hop hop, List<String> broken, String fragment) {
        String table = PathTable.render(paths);
        assertEquals(EVERY_CALLER, paths.stream().map(p -> p.caller().label()).toList(), table);
        for (CallerPath path : paths) {
            String caller = path.caller().label();
            var failed = path.failures().stream().map(HopResult::hop).toList();
            assertEquals(broken.contains(caller) ? List.of(hop) : List.of(), failed, caller + "\n" + table);
        }
        var reasons = paths.stream().filter(p -> broken.contains(p.caller().label()))
                .map(p -> p.hop(hop).failure().orElseThrow()).toList();
        reasons.forEach(reason -> assertTrue(reason.contains(fragment), "<" + fragment + "> not in: " + reason));
        assertTrue(table.contains("FAIL " + broken.get(0) + ", hop " + hop.label()), table);
        return reasons;
    }
}
