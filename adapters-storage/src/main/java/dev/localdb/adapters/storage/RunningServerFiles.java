package dev.localdb.adapters.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localdb.domain.error.LocalDbException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.PortListeners;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.RunningServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.localdb.adapters.storage.GuardedFile.SERVER_FILE;

/**
 * The running embedded servers, from the {@code <projects>/<name>/server.json} that each writes
 * while it listens: {@code {"pid":1234,"port":3000,"started_at":"2025-01-31T12:00:00.123Z"}}. The
 * file alone proves nothing (a server killed with -9 leaves it behind, and its PID may since
 * belong to another program, and anyone who can write a project folder can plant one), so a server
 * counts only when the process with that PID itself holds a socket listening on that port (its
 * socket inode among its open files): a live PID next to somebody else's listener is not enough,
 * or {@code stop} would later signal a process that merely happened to run. It then holds its
 * port, owned by that process. Where the host cannot tell who listens, nothing is rebuilt. Anything doubtful (a link, a file
 * of another user, a damaged or oversized file, a second claim on one port) is left out: a project
 * left out merely gets a port anew, while a wrong entry would keep a port from its rightful user.
 */
public final class RunningServerFiles implements RunningServers {
    /** The one spelling of the name; the cli passes {@link #in} to the server it starts. */
    public static final String FILE_NAME = "server.json";
    private static final int MAX_BYTES = 64 * 1024;

    private final Path projects;
    private final ProcessInspector inspector;
    private final PortListeners listeners;

    /**
     * @param projects  the folder that holds one folder per project
     * @param inspector tells whether a PID runs and gives the identity the rebuilt entry records
     * @param listeners tells which processes hold the sockets listening on the port; the server must be one
     */
    public RunningServerFiles(Path projects, ProcessInspector inspector, PortListeners listeners) {
        this.projects = Objects.requireNonNull(projects, "projects");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    /** A project's server file, e.g. {@code projects/web/server.json}; it exists while that project's server listens. */
    public static Path in(Path projectFolder) {
        return projectFolder.resolve(FILE_NAME);
    }

    @Override
    public Registry registry() {
        Map<PortNumber, Allocation> byPort = new LinkedHashMap<>();
        // Made here, not at class loading: this runs only for a damaged registry, and starting
        // Jackson's data binding would slow down every command.
        ObjectMapper json = new ObjectMapper();
        for (Path folder : projectFolders()) {
            running(folder, json).ifPresent(allocation -> byPort.putIfAbsent(allocation.port(), allocation));
        }
        return Registry.of(byPort.values(), Optional.empty());
    }

    /** Folders named like projects, sorted, so that of two claims on one port the same one always wins. */
    private List<Path> projectFolders() {
        List<Path> folders = new ArrayList<>();
        try {
            if (!isKind(projects, FileFacts.Kind.DIRECTORY)) {
                return folders;
            }
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(projects)) {
                for (Path folder : listing) {
                    if (isProjectName(folder.getFileName().toString()) && isKind(folder, FileFacts.Kind.DIRECTORY)) {
                        folders.add(folder);
                    }
                }
            }
        } catch (IOException unreadable) {
            // Rebuilding is a rescue: without a readable projects folder there is nothing to rescue.
        }
        folders.sort(null);
        return folders;
    }

    private Optional<Allocation> running(Path folder, ObjectMapper json) {
        try {
            Optional<JsonNode> info = read(in(folder), json);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            JsonNode pid = info.get().path("pid");
            JsonNode port = info.get().path("port");
            JsonNode startedAt = info.get().path("started_at");
            if (!pid.isIntegralNumber() || !pid.canConvertToLong() || pid.asLong() <= 0
                    || !port.isInt() || port.asInt() < PortNumber.MIN || port.asInt() > PortNumber.MAX || !startedAt.isTextual()) {
                return Optional.empty();
            }
            PortNumber number = PortNumber.of(port.asInt());
            Instant since = UtcTimes.parse(startedAt.asText());
            Optional<ProcessIdentity> owner = inspector.identify(pid.asLong());
            if (owner.isEmpty() || !listensItself(pid.asLong(), number)) {
                return Optional.empty();
            }
            return Optional.of(Allocation.held(ProjectName.of(folder.getFileName().toString()), number, owner, since));
        } catch (IOException | DateTimeException | LocalDbException doubtful) {
            return Optional.empty();
        }
    }

    private boolean listensItself(long pid, PortNumber port) {
        return listeners.scan(port).listeners().stream()
                .anyMatch(socket -> socket.processes().stream().anyMatch(process -> process.pid() == pid));
    }

    /** The file's JSON when it is a small regular file of this user, not a link; empty otherwise. */
    private static Optional<JsonNode> read(Path file, ObjectMapper json) throws IOException {
        Optional<FileFacts> facts = FileFacts.of(file);
        if (facts.isEmpty() || facts.get().size() > MAX_BYTES) {
            return Optional.empty();
        }
        FileSafety.requireSafeFile(SERVER_FILE, "Server file " + file, facts.get());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.ofNullable(json.readTree(bytes)).filter(JsonNode::isObject);
    }

    private static boolean isKind(Path path, FileFacts.Kind kind) throws IOException {
        return FileFacts.of(path).map(facts -> facts.kind() == kind).orElse(false);
    }

    private static boolean isProjectName(String name) {
        try {
            ProjectName.of(name);
            return true;
        } catch (LocalDbException notAProject) {
            return false;
        }
    }
}
