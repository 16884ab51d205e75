package dev.localdb.junit;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;

/** A port this JVM holds in a registry, and the registry to give it back to. */
record Reservation(ProjectName name, PortNumber port, LocalDbPorts registry) {
    boolean release() {
        return registry.release(this);
    }
}
