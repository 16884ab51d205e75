package dev.localdb.domain.model;

import dev.localdb.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A project as {@code localdb new} records it.
 *
 * @param preferredPort    tried before the configured ranges (rule 3)
 * @param command          a shell command that serves on {@code $PORT}; empty = the embedded LocalDB server
 * @param workingDirectory where the command runs (absolute); empty = the project's own folder
 * @param portNames        extra ports the server needs besides {@code $PORT}, each in {@code PORT_<NAME>}
 *                         (from {@code --port-name}); each name once, at most {@value #MAX_PORT_NAMES}
 * @param onDemand         the name proxy starts the server on the first request for it ({@code --on-demand})
 *                         instead of answering "not running"
 */
public record ProjectConfig(ProjectName name, Optional<PortNumber> preferredPort, Optional<String> command,
                            Optional<String> workingDirectory, Instant createdAt, List<PortName> portNames,
                            boolean onDemand) {
    public static final int MAX_COMMAND_LENGTH = 4096;
    public static final int MAX_PORT_NAMES = 16;

    public ProjectConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preferredPort, "preferredPort");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(portNames, "portNames");
        command.ifPresent(ProjectConfig::checkCommand);
        workingDirectory.ifPresent(ProjectConfig::checkDirectory);
        portNames = List.copyOf(portNames);
        checkPortNames(portNames);
    }

    /** A project the proxy does not start. */
    public ProjectConfig(ProjectName name, Optional<PortNumber> preferredPort, Optional<String> command,
                         Optional<String> workingDirectory, Instant createdAt, List<PortName> portNames) {
        this(name, preferredPort, command, workingDirectory, createdAt, portNames, false);
    }

    /** A project with its main port only. */
    public ProjectConfig(ProjectName name, Optional<PortNumber> preferredPort, Optional<String> command,
                         Optional<String> workingDirectory, Instant createdAt) {
        this(name, preferredPort, command, workingDirectory, createdAt, List.of());
    }

    /** A project with every default: the embedded server, no preferred port. */
    public static ProjectConfig defaults(ProjectName name, Instant now) {
        return new ProjectConfig(name, Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    /** The same project, started (or not) by the proxy's first request. */
    public ProjectConfig withOnDemand(boolean startsOnDemand) {
        return new ProjectConfig(name, preferredPort, command, workingDirectory, createdAt, portNames, startsOnDemand);
    }

    public boolean usesEmbeddedServer() {
        return command.isEmpty();
    }

    private static void checkCommand(String command) {
        if (command.isBlank() || command.length() > MAX_COMMAND_LENGTH || command.indexOf('\0') >= 0) {
            throw new InvalidInputException("Invalid --command: give a non-empty shell command of at most "
                    + MAX_COMMAND_LENGTH + " characters, e.g. --command \"python3 -m http.server $PORT\".");
        }
    }

    private static void checkPortNames(List<PortName> names) {
        if (names.size() > MAX_PORT_NAMES) {
            throw new InvalidInputException("Too many --port-name options (" + names.size() + "): a project can have at most "
                    + MAX_PORT_NAMES + " named ports besides its main port.");
        }
        Set<PortName> seen = new HashSet<>();
        for (PortName portName : names) {
            if (!seen.add(portName)) {
                throw new InvalidInputException("Port name \"" + portName + "\" is given twice: give each --port-name once.");
            }
        }
    }

    private static void checkDirectory(String directory) {
        if (!directory.startsWith("/") || directory.indexOf('\0') >= 0) {
            throw new InvalidInputException("Invalid --dir \"" + directory + "\": give an absolute path.");
        }
    }
}
