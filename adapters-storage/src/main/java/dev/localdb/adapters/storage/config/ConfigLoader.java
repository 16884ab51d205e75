package dev.localdb.adapters.storage.config;

import dev.localdb.adapters.storage.ConfigDocument;
import dev.localdb.adapters.storage.ConfigFile;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortRange;
import dev.localdb.domain.model.Printable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds each setting's input by precedence: environment variable, then config.json, then the
 * built-in default. Only reads; a missing file is fine. {@link SettingsMerger} checks and combines them.
 */
public final class ConfigLoader {
    /**
     * Where the OS range is unknown (not Linux): the IANA dynamic range, 49152-65535, which is
     * macOS's and Windows's default.
     */
    static final Configuration.Ephemeral IANA_DYNAMIC = new Configuration.Ephemeral(PortRange.of(49152, 65535),
            "IANA dynamic range (the OS range could not be read)");
    static final String PROC_FILE = "/proc/sys/net/ipv4/ip_local_port_range";

    private ConfigLoader() {
    }

    /**
     * @param osEphemeral the range read from the OS, if it could be read
     */
    public static Configuration load(Map<String, String> env, Path configFile, Optional<PortRange> osEphemeral) {
        Optional<ConfigDocument> document = ConfigFile.read(configFile);
        Map<String, Object> fileValues = document.map(ConfigDocument::values).orElse(Map.of());
        rejectUnknownKeys(configFile, fileValues);
        Map<ConfigKey, SettingInput> inputs = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            String fromEnv = env.get(key.env());
            if (fromEnv != null && !fromEnv.isBlank()) {
                inputs.put(key, new SettingInput(key, fromEnv, SettingSource.environment(key.env())));
            } else if (fileValues.containsKey(key.key())) {
                Object value = fileValues.get(key.key());
                SettingInput input = new SettingInput(key, value, SettingSource.file(configFile));
                if (value == null) {
                    throw input.invalid("null is not a value; remove the key to use the default");
                }
                inputs.put(key, input);
            }
        }
        Configuration.Ephemeral ephemeral = osEphemeral.map(r -> new Configuration.Ephemeral(r, PROC_FILE)).orElse(IANA_DYNAMIC);
        return SettingsMerger.merge(configFile, document.isPresent(), inputs, ephemeral);
    }

    private static void rejectUnknownKeys(Path file, Map<String, Object> values) {
        for (String key : values.keySet()) {
            if (ConfigKey.byKey(key).isEmpty()) {
                String hint = ConfigKey.closest(key).map(k -> "did you mean \"" + k.key() + "\"? ").orElse("");
                throw new InvalidInputException("Config file " + Printable.of(file.toString()) + ": unknown key \"" + Printable.of(key)
                        + "\"; " + hint + "Known keys: " + ConfigKey.allKeys() + ".");
            }
        }
    }
}
