package dev.localdb.adapters.storage.config;

import java.nio.file.Path;

/**
 * Where an effective value came from: the built-in default, the config file, or an environment
 * variable (which wins over the file).
 *
 * @param where the file's path or the variable's name; empty for a default
 */
public record SettingSource(Kind kind, String where) {
    public enum Kind {
        DEFAULT("default"), FILE("file"), ENVIRONMENT("environment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final SettingSource DEFAULT = new SettingSource(Kind.DEFAULT, "");

    public static SettingSource file(Path file) {
        return new SettingSource(Kind.FILE, file.toString());
    }

    public static SettingSource environment(String variable) {
        return new SettingSource(Kind.ENVIRONMENT, variable);
    }

    /** "default", the file's path, or the variable's name: what {@code localdb config} shows. */
    public String label() {
        return kind == Kind.DEFAULT ? "default" : where;
    }
}
