package com.example.bedrockstream.offline;

import java.util.ArrayList;
import java.util.List;

/** Placeholder until the checks land. */
public final class ProviderRules {
    private ProviderRules() {
    }

    public static List<String> check(OfflineRun run) {
        return new ArrayList<>();
    }
}
