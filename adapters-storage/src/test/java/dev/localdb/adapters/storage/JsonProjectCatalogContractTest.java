package dev.localdb.adapters.storage;

import dev.localdb.domain.contract.ProjectCatalogContract;
import dev.localdb.domain.port.ProjectCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The JSON catalog keeps the catalog contract; every re-read goes through a fresh instance. */
class JsonProjectCatalogContractTest extends ProjectCatalogContract {
    @TempDir
    Path home;

    @Override
    protected ProjectCatalog newCatalog() {
        return new JsonProjectCatalog(home.resolve("projects"), warning -> {
            throw new AssertionError("unexpected warning: " + warning);
        });
    }

    @Override
    protected ProjectCatalog reopened() {
        return newCatalog();
    }
}
