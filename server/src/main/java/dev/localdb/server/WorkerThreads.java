package dev.localdb.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run request handlers: few, because requests are short file operations and an
 * idle server must stay small. Extra requests wait in the queue rather than getting threads.
 */
final class WorkerThreads {
    static final int COUNT = 8;

    private WorkerThreads() {
    }

    static ThreadPoolExecutor create() {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(COUNT, COUNT, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "localdb-http-" + number.incrementAndGet());
            thread.setDaemon(true); // never what keeps the JVM alive; the stop logic ends the server
            return thread;
        });
        pool.allowCoreThreadTimeOut(true); // after 30 s without requests no worker thread is left
        return pool;
    }
}
