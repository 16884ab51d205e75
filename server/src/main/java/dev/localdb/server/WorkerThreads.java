package dev.localdb.server;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run requests. The JDK server reads a request's line and headers on the thread
 * it is given, so a fixed pool lets a few clients that send their headers slowly hold every thread
 * while {@code /health} waits behind them. Instead each connection with a request under way gets a
 * thread of its own (small stacks, up to {@link #MAX}; beyond that the JDK closes the new
 * connection), and a slow client is cut off after {@link LoopbackListeners#REQUEST_SECONDS}. Only
 * {@link #HANDLERS} of them handle requests at once. Idle threads end after 30 s, so an idle
 * server keeps none.
 */
final class WorkerThreads {
    /** Above the 200 concurrent clients the reliability suite sends. */
    static final int MAX = 256;
    /** Of those, how many may be past their headers and handled at once (see RequestDispatcher). */
    static final int HANDLERS = 4;
    private static final long STACK_BYTES = 256 * 1024;

    private WorkerThreads() {
    }

    static ThreadPoolExecutor create() {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(0, MAX, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(null, task, "localdb-http-" + number.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true); // never what keeps the JVM alive; the stop logic ends the server
            return thread;
        });
    }
}
