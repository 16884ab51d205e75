package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortListeners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PortListeners} must do, run against the real /proc reader (real sockets, a
 * real child process) and the fake alike. A subclass says how to listen "for this host".
 */
public abstract class PortListenersContract {

    protected PortListeners listeners;

    /** A new lookup for one test. */
    protected abstract PortListeners newListeners();

    /** A port nothing listens on right now. */
    protected abstract int freePort() throws Exception;

    /** The PID of the process running the test. */
    protected abstract long thisProcess();

    /** This process listens on {@code port} (IPv4 loopback) until the result is closed. */
    protected abstract AutoCloseable listenHere(int port) throws Exception;

    /**
     * Another process listens on {@code port} (IPv4 loopback); returns once it does. Closing the
     * result ends it and returns once the socket is gone.
     */
    protected abstract ListeningChild startListeningChild(int port) throws Exception;

    /** A process listening on a port, for the contract: its PID and a word of its command line. */
    public interface ListeningChild extends AutoCloseable {
        long pid();

        /** Some text its command line contains, e.g. "http.server". */
        String commandWord();
    }

    @BeforeEach
    void createListeners() {
        listeners = newListeners();
    }

    @Test
    void aPortNothingListensOnHasNoListeners() throws Exception {
        ListenerScan scan = listeners.scan(PortNumber.of(freePort()));

        assertThat(scan.known()).isTrue();
        assertThat(scan.listeners()).isEmpty();
    }

    @Test
    void aSocketOfThisProcessIsFoundWithThisProcessAsItsOwner() throws Exception {
        int port = freePort();
        try (AutoCloseable ignored = listenHere(port)) {
            ListenerScan scan = listeners.scan(PortNumber.of(port));

            assertThat(scan.known()).isTrue();
            assertThat(scan.listeners()).singleElement().satisfies(socket -> {
                assertThat(socket.address()).isEqualTo("127.0.0.1");
                assertThat(socket.processes()).extracting(ListeningProcess::pid).containsExactly(thisProcess());
                assertThat(socket.processes().get(0).commandLine()).isNotBlank();
            });
        }
    }

    @Test
    void aChildProcessListeningIsNamedByItsPidAndCommandLine() throws Exception {
        int port = freePort();
        try (ListeningChild child = startListeningChild(port)) {
            ListenerScan scan = listeners.scan(PortNumber.of(port));

            assertThat(scan.listeners()).isNotEmpty();
            assertThat(scan.listeners()).allSatisfy(socket -> assertThat(socket.processes())
                    .anySatisfy(process -> {
                        assertThat(process.pid()).isEqualTo(child.pid());
                        assertThat(process.commandLine()).contains(child.commandWord());
                    }));
            assertThat(scan.listeners()).flatExtracting(PortListener::processes).extracting(ListeningProcess::pid)
                    .doesNotContain(thisProcess());
        }
    }

    @Test
    void onceTheSocketClosesNothingListensAnyMore() throws Exception {
        int port = freePort();
        try (AutoCloseable ignored = listenHere(port)) {
            assertThat(listeners.scan(PortNumber.of(port)).listeners()).hasSize(1);
        }

        assertThat(listeners.scan(PortNumber.of(port)).listeners()).isEmpty();
    }

    @Test
    void onlyTheAskedPortIsReported() throws Exception {
        int busy = freePort();
        int other = busy == PortNumber.MAX ? busy - 1 : busy + 1;
        try (AutoCloseable ignored = listenHere(busy)) {
            assertThat(listeners.scan(PortNumber.of(other)).listeners())
                    .as("port %d is not %d", other, busy)
                    .noneSatisfy(socket -> assertThat(socket.processes()).extracting(ListeningProcess::pid).contains(thisProcess()));
            assertThat(listeners.scan(PortNumber.of(busy)).listeners()).hasSize(1);
        }
    }
}
