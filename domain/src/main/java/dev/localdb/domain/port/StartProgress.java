package dev.localdb.domain.port;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import java.time.Duration;

/** What {@code localdb start} is doing while it waits, for a spinner. Every method may be ignored. */
public interface StartProgress {
    StartProgress NONE = new StartProgress() {
    };

    /** The server was launched on this port (attempt 1, or 2 and 3 after a port was taken). */
    default void launched(PortNumber port, ProcessIdentity server, int attempt) {
    }

    /** The server runs but does not accept connections yet. Called about every 50 ms. */
    default void waiting(Duration elapsed) {
    }

    /** Another program took the port before the server could listen; localdb tries another one. */
    default void retrying(PortNumber taken, String why) {
    }
}
