package com.example.bedrockstream.config;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys Pulumi.yaml declares in the project namespace, with the default the engine passes when a stack file does
 * not set one, as {@link ConfigKeys} declares them. The Pulumi CLI checks only the keys it is told about, so a
 * misspelled or misplaced key is the program's to find.
 */
public final class ProjectKeys {
    /** Key to default; no default for the keys every stack must set. */
    public static final Map<String, Optional<String>> DECLARED = declared();

    private ProjectKeys() {
    }

    private static Map<String, Optional<String>> declared() {
        var out = new LinkedHashMap<String, Optional<String>>();
        ConfigKeys.PROJECT.forEach(key -> out.put(key.name(), key.defaultValue()));
        return Collections.unmodifiableMap(out);
    }

    /** The candidate closest to {@code key} by edit distance (case ignored), when close enough to be a slip. */
    static Optional<String> closest(String key, Set<String> candidates) {
        return candidates.stream()
                .filter(c -> distance(key.toLowerCase(), c.toLowerCase()) <= Math.max(2, key.length() / 3))
                .min(Comparator.comparingInt((String c) -> distance(key.toLowerCase(), c.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
