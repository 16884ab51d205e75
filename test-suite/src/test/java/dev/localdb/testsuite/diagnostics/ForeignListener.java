package dev.localdb.testsuite.diagnostics;

import dev.localdb.testsuite.support.Poll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

/** A program outside localdb listening on a port: {@code python3 -m http.server}, ended by close() however the test went. */
final class ForeignListener implements AutoCloseable {
    private final Process process;

    private ForeignListener(Process process) {
        this.process = process;
    }

    /** Starts it on 127.0.0.1:{@code port} and returns once it accepts connections. */
    static ForeignListener on(int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", "-m", "http.server", "--bind", "127.0.0.1", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        ForeignListener listener = new ForeignListener(process);
        try {
            Poll.until("python3 -m http.server listens on " + port, Duration.ofSeconds(60), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("python3 -m http.server " + port + " exited with " + process.exitValue());
                }
                return accepts(port);
            });
            return listener;
        } catch (RuntimeException | Error | InterruptedException e) {
            listener.close();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
