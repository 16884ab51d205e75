package dev.localdb.domain.diagnostics;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import java.util.List;
import java.util.Optional;

/**
 * Who holds a port, as {@code localdb why} tells it: the registry's view (a project that holds it,
 * projects that only remember it), the host's view (the sockets listening on it) and whether a
 * server could listen on it right now. Both views can be true at once.
 *
 * @param holder         the project that holds the port, with its status now; empty when none does
 * @param rememberedBy   projects that gave the port back but would like it again
 * @param listenersKnown false when the host cannot tell who listens (then {@code listeners} is empty)
 * @param free           whether a server could listen on the port now, on every local address
 */
public record PortExplanation(PortNumber port, Optional<Holder> holder, List<ProjectName> rememberedBy,
                              boolean listenersKnown, List<Listener> listeners, boolean free) {
    public PortExplanation {
        if (port == null || holder == null || rememberedBy == null || listeners == null) {
            throw new InvalidInputException("A port explanation needs a port, a holder (or none), and lists.");
        }
        rememberedBy = List.copyOf(rememberedBy);
        listeners = List.copyOf(listeners);
    }

    /**
     * The registry entry of the project that holds the port, and what it means now.
     *
     * @param portName which of the project's ports it is: empty for the main port, else its name
     */
    public record Holder(Allocation allocation, AllocationStatus status, Optional<PortName> portName) {
        public Holder(Allocation allocation, AllocationStatus status) {
            this(allocation, status, Optional.empty());
        }
    }

    /** A listening socket and how it relates to the holder. */
    public record Listener(PortListener socket, Relation relation) {
    }

    public enum Relation {
        /** The holder's live server process (or a process in its session) has the socket open. */
        PROJECT_SERVER,
        /** Not the holder's server: no project holds the port, its owner is gone, or another process listens. */
        OTHER_PROGRAM,
        /** The holder records no process (a plain reservation), or the socket's owner is unknown. */
        CANNOT_TELL
    }
}
