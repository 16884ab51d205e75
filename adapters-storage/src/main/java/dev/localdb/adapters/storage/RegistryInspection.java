package dev.localdb.adapters.storage;

import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.error.RegistryUnusableException;
import dev.localdb.domain.model.Printable;
import dev.localdb.domain.model.Registry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * For {@code localdb doctor}: the registry as {@link JsonFileRegistryStore#read()} sees it (same
 * safety rules, same reader and parser), plus what a change would clean up or has set aside.
 * Takes no lock and never creates, moves, rewrites or deletes a file: a damaged registry stays
 * exactly as it is, for the next change to set aside.
 */
public final class RegistryInspection {
    static final String REGISTRY = "registry";
    static final String TEMP_FILES = "registry temp files";
    static final String BACKUPS = "damaged registry backups";

    /**
     * @param checks   one line each for the registry, its leftover temp files and its backups
     * @param registry what the registry says, when it could be read (also from a newer schema)
     */
    public record Findings(List<HealthCheck> checks, Optional<Registry> registry) {
        public Findings {
            checks = List.copyOf(checks);
        }
    }

    private RegistryInspection() {
    }

    public static Findings inspect(Path runtimeDir) {
        RegistryFiles files = new RegistryFiles(runtimeDir);
        try {
            Optional<FileFacts> dir = StorageErrors.io(GuardedFile.REGISTRY, "inspect runtime directory", files.dir(),
                    () -> FileFacts.of(files.dir()));
            if (dir.isEmpty()) {
                return new Findings(List.of(HealthCheck.ok(REGISTRY, "none yet: nothing has been allocated in this home.")),
                        Optional.of(Registry.EMPTY));
            }
            FileSafety.requireSafeDirectory(files.dir(), dir.get());
            StorageErrors.io(GuardedFile.REGISTRY, "inspect registry lock file", files.lock(), () -> FileFacts.of(files.lock()))
                    .ifPresent(facts -> FileSafety.requireSafeFile(GuardedFile.REGISTRY, "Registry lock file " + files.lock(), facts));
        } catch (RegistryUnusableException e) {
            return new Findings(List.of(HealthCheck.problem(REGISTRY, e.getMessage())), Optional.empty());
        }
        List<HealthCheck> checks = new ArrayList<>();
        Optional<Registry> registry = readRegistry(files, checks);
        checks.add(tempFiles(files));
        checks.add(backups(files));
        return new Findings(checks, registry);
    }

    private static Optional<Registry> readRegistry(RegistryFiles files, List<HealthCheck> checks) {
        String where = Printable.escaped(files.data().toString());
        try {
            Optional<RegistryParser.Parsed> parsed = RegistryFileReader.load(files.data());
            if (parsed.isEmpty()) {
                checks.add(HealthCheck.ok(REGISTRY, "none yet: nothing has been allocated in this home."));
                return Optional.of(Registry.EMPTY);
            }
            int schema = parsed.get().schemaVersion();
            if (schema > RegistryJson.SCHEMA_VERSION) {
                return newer(parsed.get(), where, checks);
            }
            Registry registry = RegistryParser.toRegistry(parsed.get());
            checks.add(HealthCheck.ok(REGISTRY, where + " reads fine (schema " + schema + ", " + registry.size()
                    + (registry.size() == 1 ? " entry)." : " entries).")));
            return Optional.of(registry);
        } catch (CorruptRegistryException e) {
            checks.add(HealthCheck.problem(REGISTRY, where + " is damaged (" + StorageErrors.oneLine(e.reason())
                    + "); 'localdb ports --cleanup' sets it aside as " + RegistryFiles.CORRUPT_PREFIX
                    + "<time> and rebuilds it from the running servers (any change would)."));
        } catch (RegistryUnusableException e) {
            checks.add(HealthCheck.problem(REGISTRY, e.getMessage()));
        }
        return Optional.empty();
    }

    /** As a read does: what this version understands is still shown, but nothing may change it. */
    private static Optional<Registry> newer(RegistryParser.Parsed parsed, String where, List<HealthCheck> checks) {
        String newer = where + " was written by a newer localdb (schema " + parsed.schemaVersion() + "; this version knows "
                + RegistryJson.SCHEMA_VERSION + ")";
        try {
            Registry registry = RegistryParser.toRegistry(parsed);
            checks.add(HealthCheck.problem(REGISTRY, newer + ": this version can show it but never change it; upgrade localdb."));
            return Optional.of(registry);
        } catch (CorruptRegistryException e) {
            checks.add(HealthCheck.problem(REGISTRY, newer + " and this version cannot read it (" + StorageErrors.oneLine(e.reason())
                    + "); upgrade localdb."));
            return Optional.empty();
        }
    }

    private static HealthCheck tempFiles(RegistryFiles files) {
        List<String> found = list(files, RegistryFiles::isTempFile);
        if (found.isEmpty()) {
            return HealthCheck.ok(TEMP_FILES, "none.");
        }
        return HealthCheck.info(TEMP_FILES, found.size() + " left by an interrupted write (" + String.join(", ", found)
                + "); harmless: the next change removes them.");
    }

    private static HealthCheck backups(RegistryFiles files) {
        List<String> found = list(files, file -> file.getFileName().toString().startsWith(RegistryFiles.CORRUPT_PREFIX));
        if (found.isEmpty()) {
            return HealthCheck.ok(BACKUPS, "none.");
        }
        return HealthCheck.problem(BACKUPS, found.size() + " damaged registr" + (found.size() == 1 ? "y was" : "ies were")
                + " set aside in " + Printable.escaped(files.dir().toString()) + " (" + String.join(", ", found)
                + "); look at them for ports a project may have lost, then delete them.");
    }

    /** The names in the runtime directory that match, sorted; an unreadable directory lists nothing. */
    private static List<String> list(RegistryFiles files, Predicate<Path> wanted) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files.dir(), wanted::test)) {
            entries.forEach(entry -> names.add(Printable.escaped(entry.getFileName().toString())));
        } catch (IOException e) {
            return names;
        }
        names.sort(null);
        return names;
    }
}
