package com.example.bedrockstream.offline.standin;

import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.PropertyDiff;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/** What changes between a resource's stored inputs and its new ones, property by property (see {@link Values#same}). */
final class InputDiff {
    private InputDiff() {
    }

    /**
     * @param type          the resource's type, whose {@link Replacements} make a change a replacement; null for a
     *                      provider's configuration, which changes in place
     * @param ignoreChanges properties whose changes do not count
     */
    static DiffResponse of(String type, Map<String, Object> olds, Map<String, Object> news,
                           Collection<String> ignoreChanges) {
        var response = DiffResponse.newBuilder().setHasDetailedDiff(true);
        var keys = new TreeSet<>(olds.keySet());
        keys.addAll(news.keySet());
        keys.removeAll(ignoreChanges);
        for (String key : keys) {
            Object before = olds.get(key);
            Object after = news.get(key);
            if (Values.same(before, after)) {
                continue;
            }
            boolean replace = type != null && Replacements.replaces(type, key);
            response.addDiffs(key);
            if (replace) {
                response.addReplaces(key);
            }
            response.putDetailedDiff(key, PropertyDiff.newBuilder().setInputDiff(true)
                    .setKind(kind(before, after, replace)).build());
        }
        return response.setChanges(response.getDiffsCount() == 0 ? DiffResponse.DiffChanges.DIFF_NONE
                : DiffResponse.DiffChanges.DIFF_SOME).build();
    }

    private static PropertyDiff.Kind kind(Object before, Object after, boolean replace) {
        if (before == null) {
            return replace ? PropertyDiff.Kind.ADD_REPLACE : PropertyDiff.Kind.ADD;
        }
        if (after == null) {
            return replace ? PropertyDiff.Kind.DELETE_REPLACE : PropertyDiff.Kind.DELETE;
        }
        return replace ? PropertyDiff.Kind.UPDATE_REPLACE : PropertyDiff.Kind.UPDATE;
    }
}
