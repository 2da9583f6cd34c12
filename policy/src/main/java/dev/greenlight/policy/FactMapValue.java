package dev.greenlight.policy;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.cel.common.exceptions.CelAttributeNotFoundException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.common.values.StructValue;

/**
 * A fact map (a finding, a component, a failed test) as CEL's runtime reads it: a read-only view of the input's map
 * whose values are converted ({@link FactValues#runtime}) as they are read. CEL 0.14's planner walks a plain
 * {@link Map} entry by entry, twice, every time an expression reads it ({@code f.severity} inside a comprehension over
 * 2,000 findings walks every finding's map); a {@link StructValue} — documented as extensible for wrapping a map — it
 * reads as is, through {@link #select}. Being a {@link Map} too, it still works where CEL treats maps as maps:
 * {@code f['package']}, {@code 'key' in f}, {@code size(f)}, equality. A key with a null value reads as CEL null.
 */
final class FactMapValue extends StructValue<String, FactMapValue> implements Map<String, Object> {
    private static final CelType TYPE = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final Map<?, ?> values;

    FactMapValue(Map<?, ?> values) {
        this.values = values;
    }

    @Override
    public FactMapValue value() {
        // Itself, so that unwrapping (which CEL does after every read) keeps the wrapper rather than exposing the map.
        return this;
    }

    @Override
    public boolean isZeroValue() {
        return values.isEmpty();
    }

    @Override
    public CelType celType() {
        return TYPE;
    }

    @Override
    public Object select(String field) {
        Object value = values.get(field);
        if (value == null && !values.containsKey(field)) {
            throw CelAttributeNotFoundException.forMissingMapKey(field);
        }
        return FactValues.runtime(value);
    }

    @Override
    public Optional<Object> find(String field) {
        Object value = values.get(field);
        return value == null && !values.containsKey(field) ? Optional.empty() : Optional.of(FactValues.runtime(value));
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return entrySet().stream().anyMatch(entry -> entry.getValue().equals(value));
    }

    @Override
    public @Nullable Object get(Object key) {
        Object value = values.get(key);
        return value == null && !values.containsKey(key) ? null : FactValues.runtime(value);
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public void putAll(Map<? extends String, ?> other) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet((Set<String>) values.keySet());
    }

    @Override
    public java.util.Collection<Object> values() {
        return entrySet().stream().map(Entry::getValue).toList();
    }

    /** Entries with their values converted, for CEL's map equality and comprehensions over a map's keys. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<? extends Entry<?, ?>> entries = values.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<?, ?> entry = entries.next();
                        return new AbstractMap.SimpleImmutableEntry<>(String.valueOf(entry.getKey()), FactValues.runtime(entry.getValue()));
                    }
                };
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Map<?, ?> map) || map.size() != values.size()) {
            return false;
        }
        for (Entry<String, Object> entry : entrySet()) {
            Object theirs = map.get(entry.getKey());
            Object mine = entry.getValue();
            if (!(mine.equals(theirs) || mine == NullValue.NULL_VALUE && theirs == null && map.containsKey(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Entry<String, Object> entry : entrySet()) {
            hash += entry.getKey().hashCode() ^ entry.getValue().hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
