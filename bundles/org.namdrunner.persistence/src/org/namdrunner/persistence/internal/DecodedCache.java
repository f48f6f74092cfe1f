package org.namdrunner.persistence.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Immutable values decoded from column text, by that text. Bounded by forgetting everything when full: cheaper on
 * every read than keeping an order, and a person's jobs share few distinct values.
 */
final class DecodedCache<V> {

    private final int capacity;
    private final Map<String, V> values = new ConcurrentHashMap<>();

    DecodedCache(int capacity) {
        this.capacity = capacity;
    }

    V get(String text) {
        return values.get(text);
    }

    void put(String text, V value) {
        if (values.size() >= capacity) {
            values.clear();
        }
        values.put(text, value);
    }
}
