package dev.localdb.junit;

import dev.localdb.domain.error.LocalDbException;
import dev.localdb.domain.model.PortRange;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives {@link LocalDbPort} elements their ports and takes them back. A reservation belongs to
 * the extension context it was made in and is released when that context ends: a test method's
 * after each test, a class's (static fields, {@code @BeforeAll} parameters) after all its tests.
 * Released ports are forgotten by the registry, so test runs leave no entries behind.
 */
public final class LocalDbPortExtension
        implements ParameterResolver, BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalDbPortExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        for (Field field : PortTargets.staticFields(context.getRequiredTestClass())) {
            inject(context, field, null);
        }
    }

    /** Fields are set before each test rather than once per instance, so every test gets a held port. */
    @Override
    public void beforeEach(ExtensionContext context) {
        // All instances: a @Nested test's enclosing instances may have annotated fields too.
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : PortTargets.instanceFields(instance.getClass())) {
                inject(context, field, instance);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        releaseHeldIn(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        releaseHeldIn(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.isAnnotated(LocalDbPort.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        String target = describe(parameterContext);
        PortTargets.requireSupported(type, target);
        LocalDbPort annotation = parameterContext.findAnnotation(LocalDbPort.class).orElseThrow();
        return PortTargets.value(type, reserve(extensionContext, annotation, target).port());
    }

    private static String describe(ParameterContext parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        String owner = executable.getDeclaringClass().getSimpleName();
        return "parameter " + parameter.getIndex() + " of "
                + (executable instanceof Constructor<?> ? "the constructor of " + owner : owner + "." + executable.getName());
    }

    private void inject(ExtensionContext context, Field field, Object instance) {
        PortTargets.requireSettable(field);
        Reservation reservation = reserve(context, field.getAnnotation(LocalDbPort.class), PortTargets.describe(field));
        PortTargets.set(field, instance, reservation.port());
    }

    private static Reservation reserve(ExtensionContext context, LocalDbPort annotation, String target) {
        Optional<List<PortRange>> ranges = PortRanges.of(annotation, target);
        Reservation reservation;
        try {
            reservation = LocalDbPorts.at(HomeLocation.resolve()).reserve(ranges);
        } catch (LocalDbException e) {
            throw new LocalDbPortException("@LocalDbPort could not reserve a port for " + target + ": " + e.getMessage(), e);
        }
        heldIn(context).add(reservation);
        return reservation;
    }

    private static void releaseHeldIn(ExtensionContext context) {
        HeldPorts held = context.getStore(NAMESPACE).remove(key(context), HeldPorts.class);
        if (held != null) {
            held.releaseAll();
        }
    }

    private static HeldPorts heldIn(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key(context), k -> new HeldPorts(), HeldPorts.class);
    }

    /** Stores look up their parents' values too; a key per context keeps a test from adding to its class's ports. */
    private static List<String> key(ExtensionContext context) {
        return List.of("held-ports", context.getUniqueId());
    }
}
