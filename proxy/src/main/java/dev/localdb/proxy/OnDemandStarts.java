package dev.localdb.proxy;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.OnDemandStarter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs on-demand starts off the event loops (a start blocks for seconds) and shares one start
 * among every request that arrives for the same project while it runs: a page that loads fifty
 * modules must not start its server fifty times.
 */
final class OnDemandStarts implements AutoCloseable {
    private final OnDemandStarter starter;
    private final ExecutorService executor;
    private final Map<ProjectName, CompletableFuture<PortNumber>> running = new HashMap<>();

    OnDemandStarts(OnDemandStarter starter) {
        this.starter = starter;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "localdb-proxy-start-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Completes on a starter thread with the port, or exceptionally with the starter's failure. */
    CompletableFuture<PortNumber> start(ProjectName project) {
        CompletableFuture<PortNumber> start;
        synchronized (running) {
            CompletableFuture<PortNumber> existing = running.get(project);
            if (existing != null) {
                return existing;
            }
            start = new CompletableFuture<>();
            running.put(project, start);
        }
        CompletableFuture<PortNumber> mine = start;
        try {
            executor.execute(() -> {
                try {
                    PortNumber port = starter.start(project);
                    forget(project, mine);
                    mine.complete(port);
                } catch (RuntimeException | Error e) {
                    forget(project, mine);
                    mine.completeExceptionally(e);
                }
            });
        } catch (RuntimeException rejected) {
            forget(project, mine);
            mine.completeExceptionally(rejected);
        }
        return mine;
    }

    /** A request for a running on-demand project is forwarded: the starter notes it for the idle stop. */
    void served(ProjectName project) {
        starter.served(project);
    }

    private void forget(ProjectName project, CompletableFuture<PortNumber> start) {
        synchronized (running) {
            running.remove(project, start);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
