package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerControl.Termination;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What the contract cannot say about real processes: descendants, signals never sent, IPv6. */
class ProcessServerControlTest {
    private final ProcessInspector inspector = new ProcFsProcessInspector();
    private final ServerTestProcesses processes = new ServerTestProcesses(inspector);
    private final ProcessServerControl control = new ProcessServerControl(inspector);

    @AfterEach
    void endProcesses() {
        processes.close();
    }

    @Test
    void theServersChildrenAreStoppedWithIt() throws Exception {
        ProcessIdentity server = processes.startReady("sleep 60 & sleep 60 & echo ready; wait");
        List<ProcessIdentity> children = childrenOf(server, 2);

        assertThat(control.terminate(server, Duration.ofSeconds(10))).isEqualTo(Termination.STOPPED);

        assertThat(children).noneMatch(inspector::isAlive);
    }

    @Test
    void childrenThatIgnoreTheRequestAreKilledToo() throws Exception {
        ProcessIdentity server = processes.startReady("trap '' TERM; sleep 60 & echo ready; wait");
        List<ProcessIdentity> children = childrenOf(server, 1);

        assertThat(control.terminate(server, Duration.ofMillis(300))).isEqualTo(Termination.KILLED);

        assertThat(inspector.isAlive(server)).isFalse();
        assertThat(children).noneMatch(inspector::isAlive);
    }

    @Test
    void aMismatchedIdentityIsNeverSignalled() throws Exception {
        // The shell prints each signal it receives. Pending signals are handled in increasing
        // number, so a SIGTERM (15) sent before our SIGWINCH (28) would be printed before it.
        ProcessIdentity server = processes.startReady(
                "trap 'echo TERM' TERM; trap 'echo WINCH' WINCH; echo ready; while :; do sleep 0.05; done");
        ProcessIdentity impostor = new ProcessIdentity(server.pid(), server.startTime() - 1, server.bootId());

        assertThat(control.terminate(impostor, Duration.ofMillis(100))).isEqualTo(Termination.NOT_RUNNING);

        assertThat(new ProcessBuilder("kill", "-WINCH", Long.toString(server.pid())).start().waitFor()).isZero();
        assertThat(processes.readLine(server)).as("first signal the server saw").isEqualTo("WINCH");
        assertThat(inspector.isAlive(server)).isTrue();
    }

    @Test
    void whatAKilledServerLeftInItsSessionIsStoppedAndNothingElse() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs setsid(1) to start a session");
        ProcessIdentity outsider = processes.startReady("sleep 60 & echo ready; wait");
        List<ProcessIdentity> outsidersChildren = childrenOf(outsider, 1);
        ProcessIdentity server = processes.track(processes.startReady("exec /usr/bin/setsid /bin/sh -c 'sleep 60 & echo ready; wait'"));
        List<ProcessIdentity> left = childrenOf(server, 1);
        left.forEach(processes::track);
        ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();
        for (int i = 0; i < 500 && inspector.isAlive(server); i++) {
            Thread.sleep(10);
        }
        assertThat(inspector.isAlive(server)).as("the server was killed").isFalse();

        assertThat(control.leftovers(server)).as("counted, not touched").isEqualTo(1);
        assertThat(left).allMatch(inspector::isAlive);
        assertThat(control.stopLeftovers(server, Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(control.leftovers(server)).isZero();

        assertThat(left).noneMatch(inspector::isAlive);
        assertThat(outsidersChildren).as("another session's processes are left alone").allMatch(inspector::isAlive);
    }

    @Test
    void aLiveServerKeepsItsChildren() throws Exception {
        ProcessIdentity server = processes.startReady("exec /usr/bin/setsid /bin/sh -c 'sleep 60 & echo ready; wait'");
        List<ProcessIdentity> children = childrenOf(server, 1);

        assertThat(control.stopLeftovers(server, Duration.ofSeconds(1))).isZero();

        assertThat(children).allMatch(inspector::isAlive);
    }

    @Test
    void anIpv6LoopbackListenerAcceptsConnections() throws Exception {
        InetAddress ipv6Loopback = Inet6Address.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        try (ServerSocket onlyIpv6 = new ServerSocket(0, 50, ipv6Loopback)) {
            assertThat(control.acceptsConnections(PortNumber.of(onlyIpv6.getLocalPort()))).isTrue();
        }
    }

    @Test
    void itNeverTerminatesTheProcessThatAsks() {
        assertThat(control.terminate(inspector.current(), Duration.ZERO)).isEqualTo(Termination.REFUSED);
    }

    @Test
    void initTheCallerAndItsAncestorsAreNeverSignalled() {
        // Issue #13 item 2: a hand-edited registry naming PID 1 with its real start time got PID 1 a SIGTERM.
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertThat(ProcessServerControl.untouchable()).contains(1L, ProcessHandle.current().pid(), parent);
        ProcessIdentity init = inspector.identify(1).orElseThrow();
        assertThat(inspector.isAlive(init)).as("PID 1 with its real start time").isTrue();

        assertThat(control.terminate(init, Duration.ZERO)).isEqualTo(Termination.REFUSED);
        assertThat(control.terminate(inspector.identify(parent).orElseThrow(), Duration.ZERO)).isEqualTo(Termination.REFUSED);
        assertThat(inspector.isAlive(init)).isTrue();
    }

    private List<ProcessIdentity> childrenOf(ProcessIdentity server, int expected) throws Exception {
        ProcessHandle handle = ProcessHandle.of(server.pid()).orElseThrow();
        ServerTestProcesses.await(() -> handle.children().count() == expected, expected + " children started");
        List<ProcessIdentity> children = new ArrayList<>();
        handle.children().forEach(child -> inspector.identify(child.pid()).map(processes::track).ifPresent(children::add));
        assertThat(children).hasSize(expected).allMatch(inspector::isAlive);
        return children;
    }
}
