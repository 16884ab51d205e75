package dev.localdb.server;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProjectName;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one embedded server needs. Addresses must be loopback: the server holds a project's
 * data without authentication, so it is never reachable from another machine.
 *
 * @param port           the TCP port (the project's PORT); 0 lets the system choose, for tests
 * @param dataDir        the project's data directory; documents live in {@code dataDir/collections}
 * @param serverInfoFile where {@code server.json} is written once the server listens
 * @param bindAddresses  loopback addresses to listen on, all on the same port
 * @param overview       every localdb project, for the overview page
 * @param control        starts and stops projects for the dashboard's buttons (only with the control token)
 * @param proxyPorts     the name proxy's ports: a request for {@code <name>.localhost} on one of them came through
 *                       the proxy, which keeps the browser's Host (docs/PROXY.md)
 */
public record ServerConfig(ProjectName project, int port, Path dataDir, Path serverInfoFile,
                           List<InetAddress> bindAddresses, ProjectsOverview overview, ProjectsControl control,
                           Set<Integer> proxyPorts) {
    public ServerConfig {
        proxyPorts = Set.copyOf(proxyPorts);
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(serverInfoFile, "serverInfoFile");
        Objects.requireNonNull(overview, "overview");
        Objects.requireNonNull(control, "control");
        if (port < 0 || port > PortNumber.MAX) {
            throw new InvalidInputException("Invalid port " + port + ": a port is a number from 1 to 65535.");
        }
        bindAddresses = List.copyOf(bindAddresses);
        if (bindAddresses.isEmpty()) {
            throw new InvalidInputException("No address to listen on: give at least one loopback address (127.0.0.1 or ::1).");
        }
        for (InetAddress address : bindAddresses) {
            if (!address.isLoopbackAddress()) {
                throw new InvalidInputException("Refusing to listen on " + address.getHostAddress()
                        + ": the localdb server listens on loopback addresses only (127.0.0.1, ::1).");
            }
        }
    }

    public ServerConfig(ProjectName project, int port, Path dataDir, Path serverInfoFile,
                        List<InetAddress> bindAddresses, ProjectsOverview overview, ProjectsControl control) {
        this(project, port, dataDir, serverInfoFile, bindAddresses, overview, control, Set.of());
    }

    /** A server whose dashboard only shows projects. */
    public ServerConfig(ProjectName project, int port, Path dataDir, Path serverInfoFile,
                        List<InetAddress> bindAddresses, ProjectsOverview overview) {
        this(project, port, dataDir, serverInfoFile, bindAddresses, overview, ProjectsControl.none());
    }

    /** This configuration, with the dashboard's Start/Stop buttons going to {@code control}. */
    public ServerConfig withControl(ProjectsControl control) {
        return new ServerConfig(project, port, dataDir, serverInfoFile, bindAddresses, overview, control, proxyPorts);
    }

    /** This configuration, answering requests that the name proxy forwards from these ports. */
    public ServerConfig withProxyPorts(Set<Integer> ports) {
        return new ServerConfig(project, port, dataDir, serverInfoFile, bindAddresses, overview, control, ports);
    }

    /** The usual configuration: 127.0.0.1, plus ::1 when this machine has IPv6 loopback. */
    public static ServerConfig onLoopback(ProjectName project, PortNumber port, Path dataDir,
                                          Path serverInfoFile, ProjectsOverview overview) {
        return onLoopback(project, port.value(), dataDir, serverInfoFile, overview);
    }

    /** As above, with a raw port number (0 = let the system choose). */
    public static ServerConfig onLoopback(ProjectName project, int port, Path dataDir,
                                          Path serverInfoFile, ProjectsOverview overview) {
        return new ServerConfig(project, port, dataDir, serverInfoFile, LoopbackAddresses.available(), overview);
    }
}
