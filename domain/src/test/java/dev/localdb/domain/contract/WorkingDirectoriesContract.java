package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.port.WorkingDirectories;
import dev.localdb.domain.port.WorkingDirectories.PackageScripts;
import dev.localdb.domain.project.DevServerCommand.PackageManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link WorkingDirectories} must do, run against the file system and the fake alike. */
public abstract class WorkingDirectoriesContract {

    protected abstract WorkingDirectories directories();

    /** A new, empty directory; its absolute, normalised path. */
    protected abstract String newDirectory(String name);

    /** Writes the directory's package.json with this dev script (none: no "dev" in "scripts"), and a lock file if given. */
    protected abstract void packageJson(String directory, Optional<String> devScript, Optional<String> lockFile);

    @Test
    void anExistingDirectoryIsItself() {
        String dir = newDirectory("app");
        assertThat(directories().existing(dir)).contains(dir);
    }

    @Test
    void aMissingDirectoryIsNone() {
        String dir = newDirectory("app");
        assertThat(directories().existing(dir + "/missing")).isEmpty();
        assertThat(directories().existing("/no/such/\u0000dir")).as("not even a path").isEmpty();
    }

    @Test
    void aDirectoryWithoutPackageJsonOffersNothing() {
        assertThat(directories().packageJson(newDirectory("plain"))).isEmpty();
    }

    @Test
    void thePackageJsonGivesItsDevScriptAndTheManagerOfItsLockFile() {
        String npm = newDirectory("npm");
        packageJson(npm, Optional.of("vite"), Optional.empty());
        String pnpm = newDirectory("pnpm");
        packageJson(pnpm, Optional.of("next dev"), Optional.of("pnpm-lock.yaml"));
        String yarn = newDirectory("yarn");
        packageJson(yarn, Optional.empty(), Optional.of("yarn.lock"));

        assertThat(directories().packageJson(npm)).contains(new PackageScripts(Optional.of("vite"), PackageManager.NPM));
        assertThat(directories().packageJson(pnpm)).contains(new PackageScripts(Optional.of("next dev"), PackageManager.PNPM));
        assertThat(directories().packageJson(yarn)).as("no dev script").contains(new PackageScripts(Optional.empty(), PackageManager.YARN));
    }
}
