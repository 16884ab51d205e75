package dev.localdb.junit;

import dev.localdb.domain.model.ProjectName;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Registry names for test reservations: {@code junit-<pid>-<n>}, unique among the reservations
 * alive at once (one PID is one live JVM; the counter is per JVM). The strict shape also lets a
 * later run recognise, and forget, what a crashed test JVM left behind.
 */
final class ReservationNames {
    private static final Pattern SHAPE = Pattern.compile("junit-[0-9]+-[0-9]+");
    /** One counter per JVM, whatever the home, so a name is never handed out twice. */
    private static final AtomicLong COUNTER = new AtomicLong();

    private ReservationNames() {
    }

    static ProjectName next(long pid) {
        return ProjectName.of("junit-" + pid + "-" + COUNTER.incrementAndGet());
    }

    static boolean isReservation(ProjectName name) {
        return SHAPE.matcher(name.value()).matches();
    }
}
