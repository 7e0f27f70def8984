package com.example.bedrockstream.offline.pack;

import java.util.AbstractList;
import java.util.List;

/** A list in resource properties whose {@link Unknown} elements throw when read, like {@link GuardedMap}'s values. */
final class GuardedList extends AbstractList<Object> {
    private final List<Object> values;

    GuardedList(List<Object> values) {
        this.values = values;
    }

    @Override
    public Object get(int index) {
        return GuardedMap.checked(values.get(index));
    }

    @Override
    public int size() {
        return values.size();
    }
}
