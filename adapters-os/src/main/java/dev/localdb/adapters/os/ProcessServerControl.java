package dev.localdb.adapters.os;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.ServerControl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Watches servers through TCP and stops them through signals, and only ever signals the process
 * the identity names.
 *
 * <p>Safety of {@link #terminate}: the {@link ProcessHandle} is taken first and the identity
 * checked after; a handle remembers the start time of the process it found and refuses to signal
 * a different one, so a PID reused in between is never hit. The descendants are collected before
 * any signal (once the parent dies they are re-parented and cannot be found from it), get SIGTERM
 * with it, and SIGKILL with it after the grace period.
 *
 * <p>It never signals PID 1, itself or its ancestors ({@link Termination#REFUSED}), and says
 * {@link Termination#NOT_PERMITTED} when the kernel refuses the signal (another user's process)
 * instead of pretending the server stopped.
 *
 * <p>A zombie (exited, not yet collected by its parent; common for orphans in containers whose
 * init does not reap) counts as gone: the inspector does not see it as alive. That is why the wait
 * polls instead of using {@code onExit()}, which would wait for the zombie to be collected.
 */
public final class ProcessServerControl implements ServerControl {
    private static final int CONNECT_TIMEOUT_MILLIS = 200;
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;
    private static final List<InetAddress> LOOPBACK = List.of(
            address(new byte[] {127, 0, 0, 1}), address(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));

    private final ProcessInspector inspector;

    private final boolean findsSessionLeftovers;

    public ProcessServerControl(ProcessInspector inspector) {
        this(inspector, true);
    }

    /**
     * @param findsSessionLeftovers whether a dead server's session is searched (in /proc) for processes it left;
     *                              false in the portable mode, which reads no /proc and so finds none
     */
    ProcessServerControl(ProcessInspector inspector, boolean findsSessionLeftovers) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.findsSessionLeftovers = findsSessionLeftovers;
    }

    @Override
    public boolean acceptsConnections(PortNumber port) {
        for (InetAddress address : LOOPBACK) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port.value()), CONNECT_TIMEOUT_MILLIS);
                return true;
            } catch (IOException refusedOrNoSuchAddress) {
                // try the other loopback address
            }
        }
        return false;
    }

    @Override
    public Termination terminate(ProcessIdentity identity, Duration grace) {
        Optional<ProcessHandle> found = ProcessHandle.of(identity.pid());
        if (found.isEmpty() || !inspector.isAlive(identity)) {
            return Termination.NOT_RUNNING;
        }
        ProcessHandle process = found.get();
        Set<Long> untouchable = untouchable();
        if (untouchable.contains(process.pid())) {
            return Termination.REFUSED;
        }
        List<ProcessHandle> targets = new ArrayList<>();
        targets.add(process);
        process.descendants().filter(p -> !untouchable.contains(p.pid())).forEach(targets::add);

        // destroy() is false when the kernel refused the signal (EPERM: another user's process).
        boolean asked = process.destroy();
        targets.stream().skip(1).forEach(ProcessHandle::destroy);
        if (!asked && runs(process)) {
            return Termination.NOT_PERMITTED;
        }
        if (awaitGone(targets, grace)) {
            return Termination.STOPPED;
        }
        targets.stream().filter(this::runs).forEach(ProcessHandle::destroyForcibly);
        awaitGone(targets, AFTER_KILL);
        return Termination.KILLED;
    }

    @Override
    public int stopLeftovers(ProcessIdentity deadServer, Duration grace) {
        List<ProcessHandle> leftovers = leftoverProcesses(deadServer);
        leftovers.forEach(ProcessHandle::destroy);
        if (!awaitGone(leftovers, grace)) {
            leftovers.stream().filter(this::runs).forEach(ProcessHandle::destroyForcibly);
            awaitGone(leftovers, AFTER_KILL);
        }
        return leftovers.size();
    }

    @Override
    public int leftovers(ProcessIdentity deadServer) {
        return leftoverProcesses(deadServer).size();
    }

    private List<ProcessHandle> leftoverProcesses(ProcessIdentity deadServer) {
        if (!findsSessionLeftovers || ProcessHandle.of(deadServer.pid()).filter(this::runs).isPresent()) {
            return List.of(); // the server itself (or a newer process with its PID) runs: nothing is left over
        }
        Set<Long> untouchable = untouchable();
        return SessionLeftovers.of(deadServer, inspector.current().bootId()).stream()
                .filter(p -> !untouchable.contains(p.pid())).toList();
    }

    /**
     * PID 1, this process and its ancestors: a registry entry naming one of them (hand-edited, or
     * rebuilt from a planted file) must never make stop take down init or the shell that asked.
     */
    static Set<Long> untouchable() {
        Set<Long> pids = new HashSet<>();
        pids.add(1L);
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            if (!pids.add(p.get().pid())) {
                break;
            }
        }
        return pids;
    }

    /** Polls until none of the processes runs, or the time is up; true when they are all gone. */
    private boolean awaitGone(List<ProcessHandle> processes, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (processes.stream().anyMatch(this::runs)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return processes.stream().noneMatch(this::runs);
            }
        }
        return true;
    }

    /**
     * The handle's own check compares the start time it recorded (so a reused PID is not "it");
     * the inspector's check says no for a zombie, which the handle would still call alive.
     */
    private boolean runs(ProcessHandle process) {
        return process.isAlive() && inspector.identify(process.pid()).isPresent();
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("A literal address is always valid", e);
        }
    }
}
