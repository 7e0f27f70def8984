package com.example.bedrockstream.offline.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading resource inputs as the provider does. */
final class Inputs {
    private Inputs() {
    }

    /** An unset, null or empty input: the provider treats these as not given. */
    static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isEmpty()) && !(value instanceof List<?> l && l.isEmpty())
                && !(value instanceof Number n && n.doubleValue() == 0);
    }

    /** A value as a finding shows it: strings quoted, whole numbers without ".0", long values cut. */
    static String render(Object value) {
        String text = value instanceof Number n && integer(n).isPresent() ? String.valueOf(integer(n).get())
                : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    /** The values at {@code path} under {@code root}, by their concrete path ("ingress[0].cidrBlocks[1]"). */
    static Map<String, Object> values(Object root, String path, String prefix) {
        var out = new LinkedHashMap<String, Object>();
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        boolean each = head.endsWith("[]");
        String key = each ? head.substring(0, head.length() - 2) : head;
        if (!(root instanceof Map<?, ?> map) || map.get(key) == null) {
            return out;
        }
        Object value = map.get(key);
        String here = prefix + key;
        if (each) {
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            for (int i = 0; i < items.size(); i++) {
                String at = here + "[" + i + "]";
                if (rest.isEmpty()) {
                    out.put(at, items.get(i));
                } else {
                    out.putAll(values(items.get(i), rest, at + "."));
                }
            }
        } else if (rest.isEmpty()) {
            out.put(here, value);
        } else {
            out.putAll(values(value, rest, here + "."));
        }
        return out;
    }

    static Optional<Long> integer(Object value) {
        try {
            double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
            return d == Math.rint(d) && !Double.isInfinite(d) ? Optional.of((long) d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
