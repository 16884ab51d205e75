package dev.localdb.adapters.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The name proxy's two files, under the same rules as the projects' (0600 in 0700 folders,
 * replaced in one step, refused when a link or another user's):
 *
 * <ul>
 *   <li>{@code runtime/proxy.json}: the running proxy's identity and ports, written by the proxy
 *       once it listens and removed when it stops; {@code localdb proxy status} and {@code stop}
 *       trust it only as far as the process it names is still that process;</li>
 *   <li>{@code proxy/aliases.json}: {@code {"db": 5432}}, the names routed to ports localdb does
 *       not manage ({@code localdb proxy alias}); changed under a lock, so two changes at once
 *       both land.</li>
 * </ul>
 */
public final class ProxyFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 256 * 1024;

    private final Path runtime;
    private final Path proxyDir;

    /** @param home the LocalDB home ({@code $LOCALDB_HOME}) */
    public ProxyFiles(Path home) {
        this.runtime = new LocalDbHome(home).runtime();
        this.proxyDir = home.resolve("proxy");
    }

    /** What the running proxy wrote about itself. {@code caCertificate} is empty while HTTPS is off. */
    public record ProxyState(ProcessIdentity process, int httpPort, int httpsPort, Optional<Path> caCertificate) {
    }

    public Path stateFile() {
        return runtime.resolve("proxy.json");
    }

    public Path aliasesFile() {
        return proxyDir.resolve("aliases.json");
    }

    /** Where the proxy's CA goes (created 0700 by the proxy on first use). */
    public Path caDirectory() {
        return proxyDir.resolve("ca");
    }

    /** The state the proxy left, if any; a damaged file reads as none (the proxy rewrites it when it starts). */
    public Optional<ProxyState> readState() {
        Optional<JsonNode> node = readJson("Proxy state file", stateFile());
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = node.get();
        try {
            ProcessIdentity process = new ProcessIdentity(n.path("pid").asLong(), n.path("startTime").asLong(),
                    n.path("bootId").asText(""));
            Optional<Path> ca = n.path("caCertificate").isTextual() ? Optional.of(Path.of(n.get("caCertificate").asText()))
                    : Optional.empty();
            return Optional.of(new ProxyState(process, n.path("httpPort").asInt(), n.path("httpsPort").asInt(), ca));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    public void writeState(ProxyState state) {
        ObjectNode n = JSON.createObjectNode();
        n.put("pid", state.process().pid());
        n.put("startTime", state.process().startTime());
        n.put("bootId", state.process().bootId());
        n.put("httpPort", state.httpPort());
        n.put("httpsPort", state.httpsPort());
        state.caCertificate().ifPresentOrElse(ca -> n.put("caCertificate", ca.toString()), () -> n.putNull("caCertificate"));
        write("Proxy state file", stateFile(), n);
    }

    /** Removes the state file if it still names {@code process} (a newer proxy's is left alone). */
    public void deleteState(ProcessIdentity process) {
        Optional<ProxyState> state = readState();
        if (state.isPresent() && state.get().process().equals(process)) {
            try {
                Files.deleteIfExists(stateFile());
            } catch (IOException e) {
                throw ProjectErrors.unusable("remove", stateFile(), e);
            }
        }
    }

    /** Alias name → port, sorted by name. */
    public Map<ProjectName, PortNumber> aliases() {
        Map<ProjectName, PortNumber> aliases = new TreeMap<>(java.util.Comparator.comparing(ProjectName::value));
        readJson("Proxy aliases file", aliasesFile()).ifPresent(node -> node.fields().forEachRemaining(field -> {
            try {
                aliases.put(ProjectName.of(field.getKey()), PortNumber.of(field.getValue().asInt()));
            } catch (InvalidInputException e) {
                // a hand-edited entry that is not a name and a port is skipped; the others still route
            }
        }));
        return aliases;
    }

    /** Changes the aliases under the aliases file's lock and returns them as written. */
    public Map<ProjectName, PortNumber> changeAliases(UnaryOperator<Map<ProjectName, PortNumber>> change) {
        Path lockFile = proxyDir.resolve(".aliases.lock");
        try {
            PrivateFiles.createDirectories(proxyDir);
            ProjectTrust.requireDirectory("Proxy folder", proxyDir);
            ProjectTrust.requireFile("Proxy aliases lock file", lockFile);
            try (FileChannel channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PrivateFiles.fileAttributes(lockFile.getParent()));
                 FileLock lock = channel.lock()) {
                Map<ProjectName, PortNumber> changed = change.apply(aliases());
                ObjectNode n = JSON.createObjectNode();
                changed.forEach((name, port) -> n.put(name.value(), port.value()));
                write("Proxy aliases file", aliasesFile(), n);
                return changed;
            }
        } catch (IOException e) {
            throw ProjectErrors.unusable("change", aliasesFile(), e);
        }
    }

    /**
     * Runs {@code action} holding {@code runtime/.proxy-start.lock}: {@code proxy start} looks,
     * launches and waits under it, so starts at the same moment make one proxy, never two.
     */
    public <T> T whileStarting(java.util.function.Supplier<T> action) {
        Path lockFile = runtime.resolve(".proxy-start.lock");
        try {
            PrivateFiles.createDirectories(runtime);
            ProjectTrust.requireDirectory("Runtime directory", runtime);
            ProjectTrust.requireFile("Proxy start lock file", lockFile);
            try (FileChannel channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PrivateFiles.fileAttributes(lockFile.getParent()));
                 FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw ProjectErrors.unusable("lock", lockFile, e);
        }
    }

    private Optional<JsonNode> readJson(String what, Path file) {
        ProjectTrust.requireDirectory(what.startsWith("Proxy state") ? "Runtime directory" : "Proxy folder", file.getParent());
        ProjectTrust.requireFile(what, file);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ProjectErrors.unusable("read", file, e);
        }
        try {
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(String what, Path file, ObjectNode content) {
        try {
            PrivateFiles.createDirectories(file.getParent());
            ProjectTrust.requireFile(what, file);
            PrivateFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
        } catch (IOException e) {
            throw ProjectErrors.unusable("write", file, e);
        }
    }
}
