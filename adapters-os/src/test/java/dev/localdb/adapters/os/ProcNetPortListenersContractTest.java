package dev.localdb.adapters.os;

import dev.localdb.domain.contract.PortListenersContract;
import dev.localdb.domain.port.PortListeners;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The /proc reader against real sockets: one bound in this JVM, one held by a real python3 child. */
@EnabledOnOs(OS.LINUX)
class ProcNetPortListenersContractTest extends PortListenersContract {
    /** A hang guard for a child that never listens, not a speed check. */
    private static final long CHILD_PATIENCE_MILLIS = 60_000;
    private final List<Process> children = new CopyOnWriteArrayList<>();

    @Override
    protected PortListeners newListeners() {
        return new ProcNetPortListeners();
    }

    @Override
    protected int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    @Override
    protected long thisProcess() {
        return ProcessHandle.current().pid();
    }

    @Override
    protected AutoCloseable listenHere(int port) throws IOException {
        return LoopbackListener.on(port);
    }

    @Override
    protected ListeningChild startListeningChild(int port) throws Exception {
        Process child = new ProcessBuilder("python3", "-m", "http.server", "--bind", "127.0.0.1", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        children.add(child);
        awaitListening(child, port);
        return new ListeningChild() {
            @Override
            public long pid() {
                return child.pid();
            }

            @Override
            public String commandWord() {
                return "http.server";
            }

            @Override
            public void close() throws InterruptedException {
                end(child);
            }
        };
    }

    /** Whatever a test left running ends here, pass or fail. */
    @AfterEach
    void endChildren() throws InterruptedException {
        for (Process child : children) {
            end(child);
        }
    }

    private void end(Process child) throws InterruptedException {
        child.destroyForcibly();
        child.waitFor(); // reaped, so its socket is closed when this returns
        children.remove(child);
    }

    private static void awaitListening(Process child, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHILD_PATIENCE_MILLIS);
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!child.isAlive()) {
                    throw new AssertionError("python3 -m http.server " + port + " exited with " + child.exitValue());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("python3 -m http.server did not listen on " + port);
                }
                Thread.sleep(50);
            }
        }
    }
}
