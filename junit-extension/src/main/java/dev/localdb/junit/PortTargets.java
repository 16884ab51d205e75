package dev.localdb.junit;

import dev.localdb.domain.model.PortNumber;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

/** The elements a port goes into: which types they may have, and how fields are found and set. */
final class PortTargets {
    private PortTargets() {
    }

    /** Checked before anything is reserved, so a misuse never holds a port. */
    static void requireSupported(Class<?> type, String target) {
        if (type != int.class && type != Integer.class && type != PortNumber.class) {
            throw new LocalDbPortException("@LocalDbPort needs an int, Integer or PortNumber, but " + target
                    + " is a " + type.getSimpleName() + ".");
        }
    }

    static Object value(Class<?> type, PortNumber port) {
        return type == PortNumber.class ? port : Integer.valueOf(port.value());
    }

    /** Annotated static fields of the class and its superclasses. */
    static List<Field> staticFields(Class<?> testClass) {
        return fields(testClass, ModifierSupport::isStatic);
    }

    /** Annotated instance fields of the class and its superclasses. */
    static List<Field> instanceFields(Class<?> testClass) {
        return fields(testClass, ModifierSupport::isNotStatic);
    }

    /** Refuses final fields and unsupported types, before a port is reserved for them. */
    static void requireSettable(Field field) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new LocalDbPortException("@LocalDbPort cannot set the final " + describe(field) + "; remove 'final'.");
        }
        requireSupported(field.getType(), describe(field));
    }

    static void set(Field field, Object instance, PortNumber port) {
        try {
            field.setAccessible(true);
            field.set(instance, value(field.getType(), port));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new LocalDbPortException("@LocalDbPort could not set " + describe(field) + ": " + e.getMessage(), e);
        }
    }

    static String describe(Field field) {
        return (Modifier.isStatic(field.getModifiers()) ? "static field " : "field ")
                + field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }

    private static List<Field> fields(Class<?> testClass, Predicate<Field> kind) {
        return AnnotationSupport.findAnnotatedFields(testClass, LocalDbPort.class, kind);
    }
}
