package dev.localdb.domain.fake;

import dev.localdb.domain.contract.ProjectCatalogContract;
import dev.localdb.domain.port.ProjectCatalog;

/** The in-memory catalog keeps the same promises as the JSON one. */
class InMemoryProjectCatalogContractTest extends ProjectCatalogContract {
    private final InMemoryProjectCatalog fake = new InMemoryProjectCatalog();

    @Override
    protected ProjectCatalog newCatalog() {
        return fake;
    }

    @Override
    protected ProjectCatalog reopened() {
        return fake;
    }
}
