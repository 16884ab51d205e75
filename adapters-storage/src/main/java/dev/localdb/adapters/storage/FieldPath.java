package dev.localdb.adapters.storage;

import dev.localdb.domain.model.Printable;

/**
 * Where a value sits in a registry file, e.g. {@code allocations[3].owner.pid}, as named in the
 * message about damage there. Spelled out only when a message needs it: building the text for
 * every value of a registry with thousands of entries was a measurable part of each read.
 *
 * @param name  a field name (null for an array element); text from the file, escaped when shown
 * @param index the element's index when {@code name} is null
 */
record FieldPath(FieldPath parent, String name, int index) {

    static FieldPath top(String field) {
        return new FieldPath(null, field, -1);
    }

    FieldPath field(String field) {
        return new FieldPath(this, field, -1);
    }

    FieldPath element(int elementIndex) {
        return new FieldPath(this, null, elementIndex);
    }

    @Override
    public String toString() {
        String here = name == null ? "[" + index + "]" : Printable.of(name);
        if (parent == null) {
            return here;
        }
        return parent + (name == null ? "" : ".") + here;
    }
}
