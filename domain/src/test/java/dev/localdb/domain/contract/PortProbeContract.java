package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PortProbe} must do, run against the real socket probe and the fake alike.
 * A subclass says how to make a port busy "for this probe": the real one binds a listening
 * socket, the fake marks the port taken.
 */
public abstract class PortProbeContract {

    protected PortProbe probe;

    /** A new probe for one test. */
    protected abstract PortProbe newProbe();

    /**
     * Makes {@code port} busy until the result is closed. Fails (throws) when the port cannot be
     * taken, so a probe that left the port bound shows up here.
     */
    protected abstract AutoCloseable occupy(int port) throws Exception;

    /** A port that is free right now. */
    protected abstract int freePortCandidate() throws Exception;

    @BeforeEach
    void createProbe() {
        probe = newProbe();
    }

    @Test
    void aFreePortIsFree() throws Exception {
        int port = freePortCandidate();

        assertThat(probe.isFree(PortNumber.of(port))).as("port %d was free", port).isTrue();
    }

    @Test
    void anOccupiedPortIsBusy() throws Exception {
        int port = freePortCandidate();

        try (AutoCloseable ignored = occupy(port)) {
            assertThat(probe.isFree(PortNumber.of(port))).as("port %d is held", port).isFalse();
        }
    }

    @Test
    void aPortIsFreeAgainOnceItsHolderCloses() throws Exception {
        int port = freePortCandidate();
        try (AutoCloseable ignored = occupy(port)) {
            assertThat(probe.isFree(PortNumber.of(port))).isFalse();
        }

        assertThat(probe.isFree(PortNumber.of(port))).as("port %d was let go", port).isTrue();
    }

    @Test
    void probingLeavesNothingBehindOnThePort() throws Exception {
        int port = freePortCandidate();

        assertThat(probe.isFree(PortNumber.of(port))).isTrue();
        assertThat(probe.isFree(PortNumber.of(port))).as("second probe of the same port").isTrue();

        // If a probe had kept the port, taking it now would fail.
        try (AutoCloseable ignored = occupy(port)) {
            assertThat(probe.isFree(PortNumber.of(port))).isFalse();
        }
        assertThat(probe.isFree(PortNumber.of(port))).isTrue();
    }
}
