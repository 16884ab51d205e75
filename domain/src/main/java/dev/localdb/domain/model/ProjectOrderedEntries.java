package dev.localdb.domain.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A registry's entries: an immutable map over one array sorted by project. A change copies the
 * array (references only) and puts the entry in place; a tree map copied 5,000 nodes on every
 * change and chased a pointer per entry on every pass over them, which was most of what a
 * 5,000-entry allocation did besides its I/O (docs/BENCHMARKS.md, issue #15). Lookups are binary
 * searches. Only {@link Registry} makes one, after its checks, so every instance is a registry's.
 */
final class ProjectOrderedEntries extends AbstractMap<ProjectName, Allocation> {
    static final ProjectOrderedEntries EMPTY = new ProjectOrderedEntries(new Allocation[0]);

    private final Allocation[] entries; // in project order, one per project; never written after construction
    private final List<Allocation> values;
    private final int withNamedPorts; // how many entries have named ports, kept up to date by each change

    private ProjectOrderedEntries(Allocation[] entries, int withNamedPorts) {
        this.entries = entries;
        this.values = Collections.unmodifiableList(Arrays.asList(entries));
        this.withNamedPorts = withNamedPorts;
    }

    private ProjectOrderedEntries(Allocation[] entries) {
        this(entries, countWithNamedPorts(entries));
    }

    private static int countWithNamedPorts(Allocation[] entries) {
        int count = 0;
        for (Allocation entry : entries) {
            count += named(entry);
        }
        return count;
    }

    private static int named(Allocation entry) {
        return entry.namedPorts().isEmpty() ? 0 : 1;
    }

    /** Whether any entry has named ports (the registry file's schema depends on it; asked at every write). */
    boolean anyNamedPorts() {
        return withNamedPorts > 0;
    }

    /** The entries of {@code sorted}, which must be in strictly increasing project order. */
    static ProjectOrderedEntries of(Collection<Allocation> sorted) {
        return sorted.isEmpty() ? EMPTY : new ProjectOrderedEntries(sorted.toArray(new Allocation[0]));
    }

    /** These entries with the allocation's project's entry added or replaced. */
    ProjectOrderedEntries with(Allocation allocation) {
        int at = indexOf(allocation.project());
        Allocation[] copy;
        int named = withNamedPorts + named(allocation);
        if (at >= 0) {
            copy = entries.clone();
            named -= named(copy[at]);
            copy[at] = allocation;
        } else {
            int insertAt = -at - 1;
            copy = new Allocation[entries.length + 1];
            System.arraycopy(entries, 0, copy, 0, insertAt);
            copy[insertAt] = allocation;
            System.arraycopy(entries, insertAt, copy, insertAt + 1, entries.length - insertAt);
        }
        return new ProjectOrderedEntries(copy, named);
    }

    /** These entries without the project's (the same instance if it has none). */
    ProjectOrderedEntries without(ProjectName project) {
        int at = indexOf(project);
        if (at < 0) {
            return this;
        }
        if (entries.length == 1) {
            return EMPTY;
        }
        Allocation[] copy = new Allocation[entries.length - 1];
        System.arraycopy(entries, 0, copy, 0, at);
        System.arraycopy(entries, at + 1, copy, at, copy.length - at);
        return new ProjectOrderedEntries(copy, withNamedPorts - named(entries[at]));
    }

    /** The entry's index, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch} answers. */
    private int indexOf(ProjectName project) {
        int low = 0;
        int high = entries.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = entries[middle].project().compareTo(project);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    @Override
    public Allocation get(Object key) {
        if (!(key instanceof ProjectName project)) {
            return null;
        }
        int at = indexOf(project);
        return at >= 0 ? entries[at] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return entries.length;
    }

    /** The entries in project order, unmodifiable and never changing (nothing writes the array). */
    @Override
    public List<Allocation> values() {
        return values;
    }

    @Override
    public void forEach(BiConsumer<? super ProjectName, ? super Allocation> action) {
        for (Allocation entry : entries) {
            action.accept(entry.project(), entry);
        }
    }

    /** Two registries' entries side by side, not a lookup of each (a store asks this after every transaction). */
    @Override
    public boolean equals(Object other) {
        if (other instanceof ProjectOrderedEntries that) {
            return Arrays.equals(entries, that.entries); // both in project order, one entry per project
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode(); // a map's: the same as any equal map's
    }

    @Override
    public Set<Entry<ProjectName, Allocation>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<ProjectName, Allocation>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < entries.length;
                    }

                    @Override
                    public Entry<ProjectName, Allocation> next() {
                        if (next >= entries.length) {
                            throw new NoSuchElementException();
                        }
                        Allocation entry = entries[next++];
                        return new SimpleImmutableEntry<>(entry.project(), entry);
                    }
                };
            }

            @Override
            public int size() {
                return entries.length;
            }
        };
    }
}
