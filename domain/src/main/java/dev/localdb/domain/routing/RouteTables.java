package dev.localdb.domain.routing;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule that turns what localdb knows into the names the proxy serves (docs/PROXY.md):
 *
 * <ul>
 *   <li>every project in the catalog, and every name holding a port in the registry (a plain
 *       {@code localdb port web} reservation too), is {@code <name>.localhost} → its main port;</li>
 *   <li>each of its named ports is {@code <port name>.<name>.localhost};</li>
 *   <li>a held port is forwarded ({@link RouteState#RUNNING}): a server that does not answer on it
 *       gets the proxy's 502 page, so no process is inspected per request; a released or never
 *       allocated port is {@link RouteState#STOPPED}, with the remembered port if there is one;</li>
 *   <li>an alias ({@code localdb proxy alias NAME PORT}) is {@code <alias>.localhost}, unless a
 *       project already has that name: projects come first.</li>
 * </ul>
 */
public final class RouteTables {
    private RouteTables() {
    }

    /**
     * @param registry the registry snapshot
     * @param projects the names in the project catalog
     * @param onDemand the projects a request starts (a subset of {@code projects})
     * @param aliases  static routes to ports localdb does not manage, by alias name
     */
    public static RouteTable from(Registry registry, Collection<ProjectName> projects, Set<ProjectName> onDemand,
                                  Map<ProjectName, PortNumber> aliases) {
        Set<ProjectName> names = new TreeSet<>(java.util.Comparator.comparing(ProjectName::value));
        names.addAll(projects);
        registry.list().stream().filter(a -> a.state() == AllocationState.HELD).map(Allocation::project).forEach(names::add);

        List<Route> routes = new ArrayList<>();
        for (ProjectName name : names) {
            Optional<Allocation> allocation = registry.find(name);
            RouteState state = allocation.filter(a -> a.state() == AllocationState.HELD).isPresent()
                    ? RouteState.RUNNING : RouteState.STOPPED;
            boolean startsOnDemand = onDemand.contains(name) && projects.contains(name);
            routes.add(new Route(host(name.value()), name, Optional.empty(), allocation.map(Allocation::port), state, startsOnDemand));
            allocation.ifPresent(a -> a.namedPorts().forEach((portName, port) -> routes.add(new Route(
                    host(portName.value() + "." + name.value()), name, Optional.of(portName), Optional.of(port), state, startsOnDemand))));
        }
        aliases.forEach((alias, port) -> routes.add(
                new Route(host(alias.value()), alias, Optional.empty(), Optional.of(port), RouteState.ALIAS, false)));
        return RouteTable.of(routes);
    }

    private static String host(String name) {
        return name + RouteTable.SUFFIX;
    }
}
