package dev.localdb.junit;

import java.util.ArrayList;
import java.util.List;

/**
 * The reservations made in one extension context (a test method, or a class for static fields),
 * given back together when that context ends.
 */
final class HeldPorts {
    private final List<Reservation> held = new ArrayList<>();

    synchronized void add(Reservation reservation) {
        held.add(reservation);
    }

    /** Gives back every port, even when one fails; the first failure is thrown, the others suppressed. */
    void releaseAll() {
        List<Reservation> toRelease;
        synchronized (this) {
            toRelease = List.copyOf(held);
            held.clear();
        }
        RuntimeException failure = null;
        for (Reservation reservation : toRelease) {
            try {
                reservation.release();
            } catch (RuntimeException e) {
                RuntimeException described = new LocalDbPortException("Could not give back port " + reservation.port()
                        + " (" + reservation.name() + "): " + e.getMessage()
                        + " It stays reserved until this JVM exits; localdb then treats it as stale.", e);
                if (failure == null) {
                    failure = described;
                } else {
                    failure.addSuppressed(described);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
