package com.example.bedrockstream.offline.pack;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Resource properties as the rules read them: a value that is {@link Unknown} throws {@link Unjudgeable} when it is
 * read (by key, or while iterating), never when it is merely there. Rules and proofs need no change to be judged on
 * what the engine hands over, unknowns and all.
 */
final class GuardedMap extends AbstractMap<String, Object> {
    private final Map<String, Object> values;

    /** @param values read as given: build it with guarded maps and lists inside */
    GuardedMap(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * The attributes of a resource AWS has not created yet: whatever a rule reads of them is {@link Unknown}, as the
     * values the provider computes (ids, ARNs) are while the engine analyzes the resource's inputs.
     */
    static Map<String, Object> computedLater(String resource) {
        return new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                throw new Unknown(resource + " " + key + ", computed when AWS creates it").read();
            }

            @Override
            public boolean containsKey(Object key) {
                return true;
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw new Unknown("the attributes of " + resource + ", computed when AWS creates it").read();
            }
        };
    }

    static Object checked(Object value) {
        if (value instanceof Unknown unknown) {
            throw unknown.read();
        }
        return value;
    }

    @Override
    public Object get(Object key) {
        return checked(values.get(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, Object>> entries = values.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<String, Object> entry = entries.next();
                        return new SimpleImmutableEntry<>(entry.getKey(), entry.getValue()) {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public Object getValue() {
                                return checked(super.getValue());
                            }
                        };
                    }
                };
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }
}
