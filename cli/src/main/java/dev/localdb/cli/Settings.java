package dev.localdb.cli;

import dev.localdb.adapters.os.EphemeralPortRange;
import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.adapters.storage.config.ConfigKey;
import dev.localdb.adapters.storage.config.ConfigLoader;
import dev.localdb.adapters.storage.config.Configuration;
import dev.localdb.domain.allocation.AllocationSettings;
import java.time.Duration;
import java.util.Map;

/**
 * The settings the allocator and the registry use, from {@link ConfigLoader}: each value from its
 * environment variable, else $LOCALDB_HOME/config.json, else the built-in default (docs/CONFIG.md).
 * {@code LOCALDB_PORT_RANGES} (e.g. {@code 3000-3999,8000-8099}) replaces the default ranges;
 * {@code LOCALDB_LOCK_TIMEOUT_MS} bounds the wait for the registry lock.
 */
public record Settings(AllocationSettings allocation, Duration lockTimeout) {
    static final String RANGES_ENV = ConfigKey.PORT_RANGES.env();
    static final String LOCK_TIMEOUT_ENV = ConfigKey.LOCK_TIMEOUT_MS.env();

    public static Settings of(Configuration configuration) {
        return new Settings(configuration.allocation(), configuration.lockTimeout());
    }

    /** What the CLI would use in this environment, config file included (for tools outside the CLI). */
    public static Settings from(Map<String, String> env) {
        return of(load(env, LocalDbHome.from(env, System.getProperty("user.home"))));
    }

    static Configuration load(Map<String, String> env, LocalDbHome home) {
        return ConfigLoader.load(env, home.configFile(), EphemeralPortRange.read());
    }
}
