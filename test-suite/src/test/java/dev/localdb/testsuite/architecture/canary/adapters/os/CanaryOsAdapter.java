package dev.localdb.testsuite.architecture.canary.adapters.os;

import java.net.Socket;

/** Clean: an adapter may use sockets and processes. */
public final class CanaryOsAdapter {
    public boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public Socket socket() {
        return new Socket();
    }
}
