package dev.localdb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A TCP port reserved for this test in the user's localdb registry, so that no other test JVM
 * and no running localdb project is handed the same port while the test holds it.
 *
 * <p>Put it on a parameter or a field of type {@code int}, {@code Integer} or
 * {@code dev.localdb.domain.model.PortNumber}. Parameters and instance fields get a port before
 * each test and give it back after it; static fields get one before all tests of the class and
 * give it back after them. Each annotated element gets its own port. The annotation registers
 * {@link LocalDbPortExtension} by itself: no {@code @ExtendWith} is needed.
 *
 * <p>The port is reserved, not bound: the test binds it (on loopback, ideally) itself.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LocalDbPortExtension.class)
public @interface LocalDbPort {

    /**
     * Where to take the port from, in order, e.g. {@code "20000-20999"} or a single port
     * {@code "20000"}. Empty means the system property {@code localdb.portRanges}, else the
     * environment variable {@code LOCALDB_PORT_RANGES}, else localdb's defaults (3000-9999).
     */
    String[] ranges() default {};
}
