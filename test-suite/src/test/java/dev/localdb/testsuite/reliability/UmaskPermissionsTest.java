package dev.localdb.testsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Poll;
import dev.localdb.testsuite.support.RegistryFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the umask, everything localdb creates is private: every folder 0700 and every file
 * 0600 (registry, lock, damaged copies, logs, server.json, project.json, documents). The launcher
 * runs under {@code sh -c 'umask 000; exec bin/localdb ...'}, and the server it starts inherits
 * that umask. The home itself is created by localdb, so it is checked too. A temporary registry
 * file exists only between write and rename: it is checked as the registry it becomes, since the
 * rename keeps the mode it was created with.
 */
class UmaskPermissionsTest {
    private static final Pattern URL = Pattern.compile("URL: http://localhost:(\\d+)\\n");

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();

    @ParameterizedTest(name = "umask {0}")
    @ValueSource(strings = {"000", "022"})
    void everythingLocaldbCreatesIsPrivate(String umask) throws Exception {
        Path home = sandbox.home();
        Files.delete(home); // localdb creates it, under the umask
        List<String> seen = new ArrayList<>();

        assertThat(run(umask, "port", "alpha").exitCode()).isZero();
        Result started = run(umask, "start", "shop", "--create", "--no-browser");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        int port = Integer.parseInt(group(URL, started));
        Poll.until("server.json", Duration.ofSeconds(10), () -> Files.exists(home.resolve("projects/shop/server.json")));
        for (int i = 0; i < 3; i++) {
            Http.Response stored = http.send("POST", port, "/api/notes", "{\"n\":" + i + "}");
            assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        }
        assertThat(run(umask, "logs", "shop").exitCode()).isZero();
        assertThat(run(umask, "new", "other", "--port=" + sandbox.lastPort()).exitCode()).isZero();
        seen.addAll(assertPrivate(home, "while the server runs"));

        damageInPlace(RegistryFile.path(home));
        Result rebuilt = run(umask, "port", "beta");
        assertThat(rebuilt.exitCode()).as(rebuilt.toString()).isZero();
        assertThat(rebuilt.err()).contains("kept it as");
        assertThat(run(umask, "stop", "shop").exitCode()).isZero();
        assertThat(run(umask, "release", "alpha").exitCode()).isZero();
        assertThat(run(umask, "ports", "--cleanup").exitCode()).isZero();
        seen.addAll(assertPrivate(home, "after stop, release and cleanup"));

        assertThat(seen).as("the walk saw every kind of file").anyMatch(p -> p.endsWith("runtime/.port-registry.json"))
                .anyMatch(p -> p.endsWith("runtime/.port-registry.lock"))
                .anyMatch(p -> p.contains("runtime/.port-registry.json.corrupt-"))
                .anyMatch(p -> p.endsWith(".log"))
                .anyMatch(p -> p.endsWith("projects/shop/server.json"))
                .anyMatch(p -> p.endsWith("projects/shop/project.json"))
                .anyMatch(p -> p.contains("projects/shop/data/"));
        Figures.record("UmaskPermissionsTest[umask " + umask + "]", seen.size() + " paths checked, all 0700/0600");
    }

    /** Every directory 0700, every file 0600, nothing else (no links, no other kinds); returns what was checked. */
    private static List<String> assertPrivate(Path home, String when) throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        List<String> checked = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                String expected = attributes.isDirectory() ? "rwx------" : attributes.isRegularFile() ? "rw-------" : "no such kind";
                checked.add(path.toString());
                if (!mode.equals(expected)) {
                    wrong.put(home.relativize(path).toString(), mode + " (expected " + expected + ")");
                }
            }
        }
        assertThat(wrong).as(when).isEmpty();
        return checked;
    }

    /** Cuts the registry short through its own inode, so its mode stays the one localdb gave it. */
    private static void damageInPlace(Path registry) throws IOException {
        try (FileChannel channel = FileChannel.open(registry, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
    }

    private Result run(String umask, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask " + umask + "; exec \"$0\" \"$@\"",
                LocalDbRunner.launcher().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(sandbox.env());
        builder.environment().put("LOCALDB_HOME", sandbox.home().toString());
        builder.environment().put("LOCALDB_PROXY", "off"); // tests that want the name proxy turn it on
        Path out = Files.createTempFile(sandbox.scratch(), "out", ".txt");
        Path err = Files.createTempFile(sandbox.scratch(), "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("localdb %s finished", List.of(args)).isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String group(Pattern pattern, Result result) {
        Matcher matcher = pattern.matcher(result.out());
        assertThat(matcher.find()).as("%s in %s", pattern, result).isTrue();
        return matcher.group(1);
    }
}
