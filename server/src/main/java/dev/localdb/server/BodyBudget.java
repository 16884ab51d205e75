package dev.localdb.server;

import com.sun.net.httpserver.HttpExchange;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory of the request bodies being handled at once. Each body costs a few times its
 * size while it is parsed and stored, and the heap is 32 MiB: without a bound, a handful of
 * concurrent 1 MiB writes would end the server. A write reserves its declared length (1 MiB when
 * it declares none) for as long as it is handled; when {@link #TOTAL_BYTES} are taken it waits
 * briefly, then gets 503 with {@code Retry-After}.
 */
final class BodyBudget {
    static final int TOTAL_BYTES = 4 * RequestBody.MAX_BYTES;
    private static final long WAIT_MILLIS = 1_000;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    private final Semaphore bytes = new Semaphore(TOTAL_BYTES);

    /** What a request holds until it is answered; closing it gives the bytes back. */
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws HttpError 503 when the budget stays taken for {@link #WAIT_MILLIS} */
    Reservation reserve(HttpExchange exchange) {
        int amount = cost(exchange);
        if (amount == 0) {
            return () -> { };
        }
        boolean acquired;
        try {
            acquired = bytes.tryAcquire(amount, WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            RequestBody.discardRest(exchange.getRequestBody()); // so that the client reads the 503, not a reset
            exchange.getResponseHeaders().set("Retry-After", "1");
            throw new HttpError(503, "The server is busy storing other large documents: retry in a second.");
        }
        return () -> bytes.release(amount);
    }

    /**
     * The bytes a body may occupy once read: its declared length, or the limit for a chunked one. A
     * declared length over the limit (or an invalid one) costs nothing: it is refused unread.
     */
    private static int cost(HttpExchange exchange) {
        if (!WRITES.contains(exchange.getRequestMethod())) {
            return 0;
        }
        var headers = exchange.getRequestHeaders();
        if (headers.containsKey("Transfer-Encoding")) {
            return RequestBody.MAX_BYTES;
        }
        String declared = headers.getFirst("Content-Length");
        if (declared == null) {
            return 0;
        }
        try {
            long length = Long.parseLong(declared.trim());
            return length > 0 && length <= RequestBody.MAX_BYTES ? (int) length : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** For tests: bytes not reserved right now. */
    int available() {
        return bytes.availablePermits();
    }
}
