package dev.localdb.testsuite.architecture.canary.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.architecture.canary.domain.port.CanaryPortBook;

/** Clean: the server receives the domain port it needs; it never chooses an adapter. */
public final class CanaryServer {
    private final CanaryPortBook book;
    private final ObjectMapper json = new ObjectMapper();

    public CanaryServer(CanaryPortBook book) {
        this.book = book;
    }

    public String name() {
        return json.getClass().getSimpleName() + book.find("demo").isPresent();
    }
}
