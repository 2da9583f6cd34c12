package dev.greenlight.policy;

import java.util.List;
import java.util.RandomAccess;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.CelValue;

/**
 * A fact list (the findings, a finding's aliases, the quarantine list) as CEL's runtime reads it: a read-only view of
 * the input's list whose items are converted ({@link FactValues#runtime}) as they are read. CEL 0.14's planner walks a
 * plain list item by item, twice, every time an expression reads it — in a comprehension, every iteration that reads
 * {@code release.quarantine} or {@code f.aliases}; a {@link CelValue} it passes through as is. Being a {@link List}
 * too, it works wherever CEL treats lists as lists ({@code size}, {@code in}, indexing, comprehensions, {@code +},
 * equality).
 *
 * <p>CEL documents {@code CelValue} as internal; this relies on CEL 0.14.0's converter leaving {@code CelValue}s
 * alone, which the tests of this module pin (a CEL upgrade that changes it fails them, not gates).
 */
final class FactListValue extends CelValue implements List<Object>, RandomAccess {
    private static final CelType TYPE = ListType.create(SimpleType.DYN);

    private final List<?> items;

    FactListValue(List<?> items) {
        this.items = items;
    }

    @Override
    public FactListValue value() {
        // Itself, so that unwrapping (which CEL does after every read) keeps the wrapper rather than exposing the list.
        return this;
    }

    @Override
    public boolean isZeroValue() {
        return items.isEmpty();
    }

    @Override
    public CelType celType() {
        return TYPE;
    }

    // The List methods: a read-only view of the items.

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public boolean contains(Object item) {
        return indexOf(item) >= 0;
    }

    /** Converts each item as the iteration reaches it: a comprehension that stops early converts no more. */
    @Override
    public java.util.Iterator<Object> iterator() {
        return new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < items.size();
            }

            @Override
            public Object next() {
                if (next >= items.size()) {
                    throw new java.util.NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    @Override
    public Object[] toArray() {
        Object[] array = new Object[items.size()];
        for (int index = 0; index < array.length; index++) {
            array[index] = get(index);
        }
        return array;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T[] toArray(T[] array) {
        Object[] converted = toArray();
        T[] target = array.length >= converted.length ? array
                : (T[]) java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), converted.length);
        System.arraycopy(converted, 0, target, 0, converted.length);
        if (target.length > converted.length) {
            target[converted.length] = null;
        }
        return target;
    }

    @Override
    public boolean add(Object item) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public boolean remove(Object item) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public boolean containsAll(java.util.Collection<?> other) {
        return other.stream().allMatch(this::contains);
    }

    @Override
    public boolean addAll(java.util.Collection<?> other) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public boolean addAll(int index, java.util.Collection<?> other) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public boolean removeAll(java.util.Collection<?> other) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public boolean retainAll(java.util.Collection<?> other) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public Object get(int index) {
        return FactValues.runtime(items.get(index));
    }

    @Override
    public Object set(int index, Object item) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public void add(int index, Object item) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public Object remove(int index) {
        throw new UnsupportedOperationException("facts are immutable");
    }

    @Override
    public int indexOf(Object item) {
        for (int index = 0; index < items.size(); index++) {
            if (get(index).equals(item)) {
                return index;
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object item) {
        for (int index = items.size() - 1; index >= 0; index--) {
            if (get(index).equals(item)) {
                return index;
            }
        }
        return -1;
    }

    @Override
    public java.util.ListIterator<Object> listIterator() {
        return listIterator(0);
    }

    @Override
    public java.util.ListIterator<Object> listIterator(int start) {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(toArray())).listIterator(start);
    }

    @Override
    public List<Object> subList(int from, int to) {
        return new FactListValue(items.subList(from, to));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof List<?> list) || list.size() != items.size()) {
            return false;
        }
        for (int index = 0; index < items.size(); index++) {
            if (!get(index).equals(list.get(index))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int index = 0; index < items.size(); index++) {
            hash = 31 * hash + get(index).hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
