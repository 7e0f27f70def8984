package com.example.bedrockstream.offline.standin;

import com.example.bedrockstream.offline.EngineWire;
import com.example.bedrockstream.offline.Sha256;

import com.google.gson.Gson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The engine's special property values, in the shapes its wire protocol gives them (pulumi/sdk, plugin/rpc.go): a
 * secret is a map {SIGNATURE: SECRET, value}, an asset or archive a map {SIGNATURE: ASSET or ARCHIVE, hash, ...},
 * a value not known yet (preview) the string UNKNOWN.
 */
final class Values {
    static final String SIGNATURE = EngineWire.SIGNATURE_KEY;
    static final String SECRET = EngineWire.SECRET;
    static final String ASSET = EngineWire.ASSET;
    static final String ARCHIVE = EngineWire.ARCHIVE;
    static final String UNKNOWN = EngineWire.UNKNOWN;

    private static final Gson GSON = new Gson();

    private Values() {
    }

    static boolean isSecret(Object value) {
        return value instanceof Map<?, ?> map && SECRET.equals(map.get(SIGNATURE));
    }

    static boolean isAssetOrArchive(Object value) {
        return value instanceof Map<?, ?> map && (ASSET.equals(map.get(SIGNATURE)) || ARCHIVE.equals(map.get(SIGNATURE)));
    }

    static boolean isUnknown(Object value) {
        return UNKNOWN.equals(value);
    }

    /** The value with every secret unwrapped: what AWS itself is sent, and what the cloud model computes from. */
    static Object plain(Object value) {
        if (isSecret(value)) {
            return plain(((Map<?, ?>) value).get("value"));
        }
        if (value instanceof Map<?, ?> map && !isAssetOrArchive(value)) {
            var result = new LinkedHashMap<String, Object>();
            map.forEach((key, element) -> result.put(String.valueOf(key), plain(element)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::plain).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> plain(Map<String, Object> properties) {
        return (Map<String, Object>) plain((Object) properties);
    }

    static boolean containsUnknown(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Values::containsUnknown);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(Values::containsUnknown);
        }
        return isUnknown(value);
    }

    /**
     * Whether AWS would see no change from {@code before} to {@code after}: secrets compare by what they hide,
     * assets and archives by their hash (the engine sends no contents), numbers by value; a value not known yet
     * may be anything, so it is a change; a null property is an absent one.
     */
    static boolean same(Object before, Object after) {
        before = unwrapSecret(before);
        after = unwrapSecret(after);
        if (isUnknown(before) || isUnknown(after)) {
            return false;
        }
        if (isAssetOrArchive(before) && isAssetOrArchive(after)) {
            return Objects.equals(((Map<?, ?>) before).get("hash"), ((Map<?, ?>) after).get("hash"));
        }
        if (before instanceof Map<?, ?> left && after instanceof Map<?, ?> right) {
            var keys = new TreeSet<Object>(left.keySet());
            keys.addAll(right.keySet());
            return keys.stream().allMatch(key -> same(left.get(key), right.get(key)));
        }
        if (before instanceof List<?> left && after instanceof List<?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!same(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (before instanceof Number left && after instanceof Number right) {
            return left.doubleValue() == right.doubleValue();
        }
        return Objects.equals(before, after);
    }

    /**
     * The value as the cloud's store keeps it: each secret replaced by a SHA-256 digest of what it hides, so no
     * secret lands on disk in plain text, yet the engine's copy can still be recognised ({@link #restored}).
     */
    static Object masked(Object value) {
        if (isSecret(value)) {
            var digest = new LinkedHashMap<String, Object>();
            digest.put(SIGNATURE, SECRET);
            digest.put("sha256", Sha256.hex(GSON.toJson(canonical(plain(value)))));
            return digest;
        }
        if (value instanceof Map<?, ?> map) {
            var result = new LinkedHashMap<String, Object>();
            map.forEach((key, element) -> result.put(String.valueOf(key), masked(element)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::masked).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> masked(Map<String, Object> properties) {
        return (Map<String, Object>) masked((Object) properties);
    }

    /**
     * The stored properties with their secrets given back: where the engine's own copy of a property masks to what
     * the store holds, the engine's copy is the value; elsewhere the store's (a secret changed behind the engine's
     * back stays a digest).
     */
    static Map<String, Object> restored(Map<String, Object> stored, Map<String, Object> enginesCopy) {
        var result = new LinkedHashMap<String, Object>();
        stored.forEach((key, value) -> {
            Object theirs = enginesCopy.get(key);
            result.put(key, theirs != null && Objects.equals(canonical(masked(theirs)), canonical(value)) ? theirs : value);
        });
        return result;
    }

    private static Object unwrapSecret(Object value) {
        return isSecret(value) ? unwrapSecret(((Map<?, ?>) value).get("value")) : value;
    }

    /** Maps with sorted keys and numbers as doubles, so equal values serialise alike whatever their origin. */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((key, element) -> sorted.put(String.valueOf(key), canonical(element)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            var result = new ArrayList<>();
            list.forEach(element -> result.add(canonical(element)));
            return result;
        }
        return value instanceof Number number ? (Object) number.doubleValue() : value;
    }

}
