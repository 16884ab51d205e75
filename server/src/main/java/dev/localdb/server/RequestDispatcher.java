package dev.localdb.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.localdb.domain.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * The single handler behind every listener: counts the request as in flight, checks that it comes
 * from this machine, reserves room for its body, routes it, and turns every failure into a JSON error. Nothing a handler
 * throws reaches the client as a stack trace.
 */
final class RequestDispatcher implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(RequestDispatcher.class.getName());
    private final InFlightRequests inFlight;
    private final HealthRoute health;
    private final OverviewPage overviewPage;
    private final DocumentsApi documents;
    private final DashboardApi dashboard;
    private final Set<Integer> proxyPorts;
    private final BodyBudget bodies = new BodyBudget();
    private final Semaphore handlers = new Semaphore(WorkerThreads.HANDLERS, true);

    RequestDispatcher(InFlightRequests inFlight, HealthRoute health, OverviewPage overviewPage, DocumentsApi documents,
                      DashboardApi dashboard, Set<Integer> proxyPorts) {
        this.proxyPorts = Set.copyOf(proxyPorts);
        this.inFlight = inFlight;
        this.health = health;
        this.overviewPage = overviewPage;
        this.documents = documents;
        this.dashboard = dashboard;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            if (!inFlight.enter()) {
                exchange.getResponseHeaders().set("Connection", "close");
                Responses.error(exchange, 503, "The server is stopping: start it again with localdb start.");
                return;
            }
            try {
                answer(exchange);
            } finally {
                inFlight.exit();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Client went away: {0}", e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            checkLocal(exchange);
            routeInTurn(exchange);
        } catch (HttpError e) {
            if (mayHaveUnreadBody(exchange) && !((e.status() == 413 || e.status() == 415) && drainedBody(exchange))) {
                // The unread body makes the connection unusable: the JDK closes it once the answer
                // is out, and a client told keep-alive would send its next request into that close.
                exchange.getResponseHeaders().set("Connection", "close");
            }
            if (e.allow() != null) {
                exchange.getResponseHeaders().set("Allow", e.allow());
            }
            failIfPossible(exchange, e.status(), e.getMessage());
        } catch (InvalidInputException e) {
            failIfPossible(exchange, 400, e.getMessage());
        } catch (StoreException e) {
            LOG.log(Level.WARNING, e.getMessage());
            failIfPossible(exchange, 500, e.getMessage());
        } catch (IOException e) {
            if (exchange.getResponseCode() != -1) {
                throw e; // the reply was under way: the client went away, nothing to tell it
            }
            LOG.log(Level.WARNING, "Storage failed: {0}", e.toString());
            if (StorageFull.is(e)) {
                failIfPossible(exchange, 507, StorageFull.MESSAGE);
            } else {
                failIfPossible(exchange, 500, storageError(e));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Request " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " failed", e);
            failIfPossible(exchange, 500, "internal error");
        }
    }

    /** Disk full, permissions changed under us...: say so, without a stack trace. */
    private static String storageError(IOException e) {
        String what = e instanceof FileSystemException file
                ? file.getFile() + (file.getReason() == null ? "" : ": " + file.getReason()) + " (" + e.getClass().getSimpleName() + ")"
                : String.valueOf(e.getMessage());
        return "Storage error on " + what + ": check the data directory's free space and permissions.";
    }

    private void checkLocal(HttpExchange exchange) {
        var host = exchange.getRequestHeaders().get("Host");
        if (!LocalOrigin.isLocalHost(host)) {
            throw new HttpError(403, "Forbidden Host header: use http://localhost, http://127.0.0.1, http://[::1] or a name under .localhost (this server only answers local names).");
        }
        int port = exchange.getLocalAddress().getPort();
        if (!LocalOrigin.namesPort(host.get(0), port) && !LocalOrigin.viaProxy(host.get(0), proxyPorts)) {
            throw new HttpError(403, "Forbidden Host header " + Text.shorten(host.get(0)) + ": this server listens on port " + port + ".");
        }
        if (!LocalOrigin.isLocalOrigin(exchange.getRequestHeaders().get("Origin"))) {
            throw new HttpError(403, "Forbidden Origin: only pages served from localhost, 127.0.0.1 or [::1] may call this server.");
        }
    }

    /**
     * The request's headers are in (read on its connection's own thread); at most
     * {@link WorkerThreads#HANDLERS} requests are handled at once, as each may hold megabytes.
     * {@code /health} costs nothing and never waits behind them.
     */
    private void routeInTurn(HttpExchange exchange) throws IOException {
        if ("/health".equals(exchange.getRequestURI().getRawPath())) {
            route(exchange);
            return;
        }
        handlers.acquireUninterruptibly();
        try (BodyBudget.Reservation reserved = bodies.reserve(exchange)) {
            route(exchange);
        } finally {
            handlers.release();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), ""); // null for odd URIs like "a:b"
        if (path.equals("/")) {
            HttpError.requireMethod(method, path, "GET");
            overviewPage.handle(exchange);
        } else if (path.equals("/health")) {
            HttpError.requireMethod(method, path, "GET");
            health.handle(exchange);
        } else if (path.startsWith(DocumentsApi.PREFIX)) {
            documents.handle(exchange, method, path);
        } else if (path.startsWith(DashboardApi.PREFIX)) {
            dashboard.handle(exchange, method, path);
        } else {
            throw HttpError.notFound("No route for " + Text.shorten(path) + ": try /, /health, /api/collections or /dashboard/projects.");
        }
    }

    /** Sends the error unless a response was already started (then the client sees a cut-off reply). */
    /**
     * Reads and drops what is left of a refused body, up to {@link #DRAIN_LIMIT}, so that the
     * client, still sending it, gets the answer: a server that closes with unread bytes makes
     * the kernel reset the connection, and the client then sees no answer at all. Only a body of
     * a declared length up to the limit is read. Costs a 16 KiB
     * buffer; the request's 5 s bound still applies.
     *
     * @return whether the whole body was read (the connection can then stay open)
     */
    private static boolean drainedBody(HttpExchange exchange) {
        long declared;
        try {
            declared = Long.parseLong(Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Content-Length"), "-1").trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared < 0 || declared > DRAIN_LIMIT) {
            return false; // chunked, or more than is worth reading: the client may never send it all
        }
        byte[] sink = new byte[16 * 1024];
        long left = DRAIN_LIMIT;
        try {
            var body = exchange.getRequestBody();
            for (int n; (n = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
                left -= n;
                if (left == 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A body was announced (a length above zero, or chunked) and a refusal may have left it unread. */
    private static boolean mayHaveUnreadBody(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        String length = headers.getFirst("Content-Length");
        return headers.containsKey("Transfer-Encoding") || (length != null && !length.trim().equals("0"));
    }

    /** Larger refused bodies are cut off by closing the connection. */
    private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private static void failIfPossible(HttpExchange exchange, int status, String message) throws IOException {
        if (exchange.getResponseCode() == -1) {
            Responses.error(exchange, status, message);
        }
    }
}
