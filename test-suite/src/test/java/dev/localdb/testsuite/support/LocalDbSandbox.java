package dev.localdb.testsuite.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh world for each test that starts servers: a temporary {@code LOCALDB_HOME}, a block of
 * quiet ports in {@code LOCALDB_PORT_RANGES}, a scratch folder, and {@code BROWSER} set to a
 * script that only records the URL (no test ever opens a real browser). After the test, pass or
 * fail, {@code localdb stop --all} runs and then every process still tied to the home is killed,
 * so no server outlives its test.
 *
 * <pre>
 * &#64;RegisterExtension
 * final LocalDbSandbox sandbox = new LocalDbSandbox();
 * </pre>
 */
public final class LocalDbSandbox implements BeforeEachCallback, AfterEachCallback {
    /** Room for a few projects, retries on other ports and a foreign listener or two. */
    public static final int PORTS = 10;
    private Path root;
    private Path home;
    private Path scratch;
    private int firstPort;
    private final Map<String, String> env = new HashMap<>();
    private LocalDbRunner localdb;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("localdb-e2e");
        home = Files.createDirectory(root.resolve("home"));
        scratch = Files.createDirectory(root.resolve("scratch"));
        firstPort = QuietPorts.block(PORTS);
        env.put("LOCALDB_PORT_RANGES", firstPort + "-" + lastPort());
        env.put("BROWSER", recordingBrowser().toString());
        localdb = new LocalDbRunner(home);
        env.forEach(localdb::env);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            localdb.run("stop", "--all", "--timeout", "2");
        } finally {
            try {
                List<String> killed = LeftoverProcesses.killAll(home);
                if (!killed.isEmpty() && context.getExecutionException().isEmpty()) {
                    System.err.println("[" + context.getDisplayName() + "] killed what 'localdb stop --all' left running: " + killed);
                }
            } finally {
                deleteRecursively(root);
            }
        }
    }

    public LocalDbRunner localdb() {
        return localdb;
    }

    public Path home() {
        return home;
    }

    /** A folder outside the home for the test's own files (scripts, markers). */
    public Path scratch() {
        return scratch;
    }

    /** Every environment variable the sandbox gives localdb, for runs that do not go through {@link #localdb()}. */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public int firstPort() {
        return firstPort;
    }

    /** The name proxy's http port here: the first of the sandbox's range, which allocation must step over. */
    public int proxyHttpPort() {
        return firstPort;
    }

    public int proxyHttpsPort() {
        return firstPort + 1;
    }

    /** {@link #localdb()} with the name proxy on, on this sandbox's proxy ports (every other run has it off). */
    public LocalDbRunner localdbWithProxy() {
        return localdb.env("LOCALDB_PROXY", "on")
                .env("LOCALDB_PROXY_HTTP_PORT", Integer.toString(proxyHttpPort()))
                .env("LOCALDB_PROXY_HTTPS_PORT", Integer.toString(proxyHttpsPort()));
    }

    public int lastPort() {
        return firstPort + PORTS - 1;
    }

    /** Each URL the browser was asked to open, one per line; empty if it never was. */
    public List<String> openedUrls() throws IOException {
        Path log = scratch.resolve("browser-opened.txt");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /**
     * The control link behind what the browser was given: {@code localdb open} gives it a private
     * page that redirects to the link (issue #13, item 4), so that no ticket is on a command line.
     * The page must be a file only this user can read.
     */
    public static String linkBehind(String opened) throws IOException {
        if (!opened.startsWith("file:")) {
            throw new AssertionError("The browser was given " + opened + ", not a file: URL of a redirecting page");
        }
        Path page = Path.of(java.net.URI.create(opened));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(page, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!mode.equals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))) {
            throw new AssertionError(page + " is " + java.nio.file.attribute.PosixFilePermissions.toString(mode) + ", not rw-------");
        }
        java.util.regex.Matcher refresh = java.util.regex.Pattern.compile("http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"")
                .matcher(Files.readString(page));
        if (!refresh.find()) {
            throw new AssertionError(page + " does not redirect: " + Files.readString(page));
        }
        return refresh.group(1).replace("&amp;", "&");
    }

    /** Writes an executable file in the scratch folder. */
    public Path script(String name, String text) throws IOException {
        Path file = scratch.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    /**
     * The browser localdb launches for {@code start} and {@code open}. It ignores SIGHUP because a
     * pseudo-terminal that closes as soon as localdb exits hangs up on it; a real terminal stays open.
     */
    private Path recordingBrowser() throws IOException {
        Path log = scratch.resolve("browser-opened.txt");
        return script("record-browser.sh", "#!/bin/sh\ntrap '' HUP\nprintf '%s\\n' \"$1\" >> '" + log + "'\n");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
