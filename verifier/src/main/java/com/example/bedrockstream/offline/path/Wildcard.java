package com.example.bedrockstream.offline.path;

import java.util.Locale;

/** IAM's glob: {@code *} matches any run of characters, {@code ?} exactly one; nothing else is special. */
final class Wildcard {
    private Wildcard() {
    }

    static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        return matches(p, 0, v, 0);
    }

    /** Iterative glob with backtracking to the last star, so long ARNs never recurse deeply. */
    private static boolean matches(String p, int pi, String v, int vi) {
        int star = -1;
        int resume = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
