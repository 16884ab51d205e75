package dev.localdb.domain.port;

import dev.localdb.domain.project.DevServerCommand.PackageManager;
import java.util.Objects;
import java.util.Optional;

/**
 * The folders a project's own command runs in ({@code new --dir}, {@code edit --dir}) as this
 * host sees them, and what their {@code package.json} says about the dev server.
 */
public interface WorkingDirectories {

    /**
     * The directory, absolute and normalised, when it exists; empty when it does not, or when the
     * text cannot even be a path here (a NUL character, say).
     */
    Optional<String> existing(String given);

    /**
     * What the folder's {@code package.json} offers; empty when it has none (a plain file, not a
     * link elsewhere). A broken or oversized one simply has no dev script.
     */
    Optional<PackageScripts> packageJson(String directory);

    /**
     * @param devScript the text of {@code "scripts": {"dev": ...}}, when there is a non-blank one
     * @param manager   the package manager the folder uses, by its lock file (npm when there is none)
     */
    record PackageScripts(Optional<String> devScript, PackageManager manager) {
        public PackageScripts {
            Objects.requireNonNull(devScript, "devScript");
            Objects.requireNonNull(manager, "manager");
        }
    }
}
