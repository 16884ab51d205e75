package dev.localdb.testsuite.architecture.canary.adapters.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.testsuite.architecture.canary.domain.port.CanaryPortBook;
import dev.localdb.testsuite.architecture.canary.domain.CanaryValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Clean: an adapter may use files and Jackson to implement a domain port. */
public final class CanaryStorageAdapter implements CanaryPortBook {
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;

    public CanaryStorageAdapter(Path file) {
        this.file = file;
    }

    @Override
    public Optional<CanaryValue> find(String project) {
        return Files.exists(file)
                ? Optional.ofNullable(json.convertValue(project, CanaryValue.class))
                : Optional.empty();
    }
}
