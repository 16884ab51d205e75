package dev.localdb.domain.fake;

import dev.localdb.domain.contract.WorkingDirectoriesContract;
import dev.localdb.domain.port.WorkingDirectories;
import dev.localdb.domain.project.DevServerCommand.PackageManager;
import java.util.Map;
import java.util.Optional;

/** The fake directories keep the same promises as the file system. */
class FakeWorkingDirectoriesContractTest extends WorkingDirectoriesContract {
    private static final Map<String, PackageManager> LOCK_FILES = Map.of("pnpm-lock.yaml", PackageManager.PNPM,
            "yarn.lock", PackageManager.YARN, "bun.lock", PackageManager.BUN);
    private final FakeWorkingDirectories fake = new FakeWorkingDirectories();

    @Override
    protected WorkingDirectories directories() {
        return fake;
    }

    @Override
    protected String newDirectory(String name) {
        return fake.add("/work/" + name);
    }

    @Override
    protected void packageJson(String directory, Optional<String> devScript, Optional<String> lockFile) {
        fake.packageJson(directory, devScript, lockFile.map(LOCK_FILES::get).orElse(PackageManager.NPM));
    }
}
