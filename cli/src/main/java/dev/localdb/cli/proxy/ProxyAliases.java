package dev.localdb.cli.proxy;

import dev.localdb.adapters.storage.ProxyFiles;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.port.ProjectCatalog;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code proxy alias}: names routed to ports localdb does not manage, kept in {@code
 * proxy/aliases.json}, each change one read-modify-write under that file's lock.
 */
public final class ProxyAliases {
    private final ProxyFiles files;
    private final ProjectCatalog catalog;

    public ProxyAliases(ProxyFiles files, ProjectCatalog catalog) {
        this.files = files;
        this.catalog = catalog;
    }

    /** Routes {@code alias}.localhost to {@code port}, in place of what it routed to before. */
    public void add(ProjectName alias, PortNumber port) {
        // A project's name is already routed to its server: an alias of that name would hide one of the two.
        if (catalog.find(alias).isPresent()) {
            throw new InvalidInputException("There is a project " + alias + ", and " + alias
                    + ".localhost is its name: pick another name for the alias.");
        }
        files.changeAliases(aliases -> {
            Map<ProjectName, PortNumber> changed = new TreeMap<>(aliases);
            changed.put(alias, port);
            return changed;
        });
    }

    /** @return whether there was such an alias */
    public boolean remove(ProjectName alias) {
        AtomicBoolean removed = new AtomicBoolean();
        files.changeAliases(aliases -> {
            Map<ProjectName, PortNumber> changed = new TreeMap<>(aliases);
            removed.set(changed.remove(alias) != null);
            return changed;
        });
        return removed.get();
    }
}
