package dev.localdb.adapters.storage.config;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.Printable;
import java.util.List;
import java.util.Map;

/**
 * One setting as the user wrote it: the text of an environment variable, or a plain value from
 * config.json (see {@code ConfigDocument}). It also words the one-line error for a bad value,
 * naming the variable or the file and key, and showing a good value.
 */
record SettingInput(ConfigKey key, Object value, SettingSource source) {

    boolean fromEnvironment() {
        return source.kind() == SettingSource.Kind.ENVIRONMENT;
    }

    /** E.g. {@code LOCALDB_LOCK_TIMEOUT_MS="ten" is invalid: <problem>. Example: LOCALDB_LOCK_TIMEOUT_MS=10000}. */
    InvalidInputException invalid(String problem) {
        String reason = problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
        if (fromEnvironment()) {
            return new InvalidInputException(key.env() + "=\"" + Printable.of(String.valueOf(value)) + "\" is invalid: " + reason
                    + ". Example: " + key.envExample());
        }
        return new InvalidInputException("Config file " + Printable.of(source.where()) + ": \"" + key.key() + "\": " + shown(value)
                + " is invalid: " + reason + ". Example: " + key.fileExample());
    }

    /** The value roughly as written in the file, short and safe to print. */
    static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "\"" + Printable.of(text) + "\"";
        }
        if (value instanceof List<?> list) {
            return list.size() <= 4 ? "[" + String.join(", ", list.stream().map(SettingInput::shown).toList()) + "]"
                    : "a list of " + list.size();
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return Printable.of(value.toString());
    }
}
