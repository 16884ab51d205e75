package dev.localdb.adapters.storage;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level keys of {@code config.json} in file order, with plain Java values so the CLI needs
 * no JSON library: {@code String}, {@code Long} or {@code BigInteger} (whole numbers),
 * {@code Double} (other numbers), {@code Boolean}, {@code List<Object>}, {@code Map<String, Object>},
 * or {@code null} for JSON null. Checking the values is the reader's caller's job.
 */
public record ConfigDocument(Path file, Map<String, Object> values) {
    public ConfigDocument {
        // LinkedHashMap, not Map.copyOf: keeps the file's order and allows JSON null.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
