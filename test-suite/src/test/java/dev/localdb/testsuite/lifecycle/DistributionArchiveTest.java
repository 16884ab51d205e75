package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.Http;
import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import dev.localdb.testsuite.support.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The distribution (issue #17): dist/target/localdb-&lt;version&gt;.tar.gz unpacked into a temporary
 * folder outside the checkout runs {@code port}, {@code start} and {@code stop} with a real dev
 * server, makes its class-data archive in the user's cache folder on the first run (0700 folder,
 * 0600 file) and uses it afterwards; install.sh links it into a PATH folder with completion.
 */
class DistributionArchiveTest {
    private static final String HTTP_SERVER = "python3 -m http.server \"$PORT\" --bind 127.0.0.1";
    // A hang guard for the background training, not a speed check.
    private static final long ARCHIVE_WAIT_SECONDS = 300;

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();
    final Http http = new Http();
    private Path outside;
    private Path unpacked;
    private Path cache;
    private LocalDbRunner localdb;

    @BeforeEach
    void unpack() throws Exception {
        outside = Files.createTempDirectory("localdb-dist");
        Path tarGz = Path.of(System.getProperty("localdb.dist", "../dist/target/localdb") + ".tar.gz").toAbsolutePath();
        assertThat(tarGz).as("built by mvn package (dist module)").isRegularFile();
        exec(outside, "tar", "xzf", tarGz.toString());
        try (Stream<Path> top = Files.list(outside)) {
            // The archive holds exactly one top-level folder; exec's own output lives elsewhere.
            List<Path> entries = top.toList();
            assertThat(entries).as("top level of the unpacked archive").hasSize(1);
            unpacked = entries.get(0);
        }
        assertThat(unpacked.getFileName().toString()).startsWith("localdb-");
        assertThat(unpacked.toRealPath().startsWith(LocalDbRunner.repository().toRealPath())).isFalse();
        cache = outside.resolve("cache");
        localdb = new LocalDbRunner(sandbox.home(), unpacked.resolve("bin/localdb"));
        sandbox.env().forEach(localdb::env);
        localdb.env("XDG_CACHE_HOME", cache.toString());
    }

    @AfterEach
    void removeUnpacked() throws Exception {
        if (outside != null) {
            // A training the launcher started in the background (it ends by itself) finishes first.
            awaitNoTraining(cache.resolve("localdb"));
            deleteRecursively(outside);
        }
    }

    @Test
    void unpackedAnywhereItAllocatesStartsAndStopsAndMakesItsClassDataArchiveInTheUsersCache() throws Exception {
        Result version = localdb.run("--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).containsPattern("^localdb \\d+\\.\\d+\\.\\d+")
                .containsPattern("\\ncommit ([0-9a-f]{7,}|unknown)\\n").contains("\njava " + System.getProperty("java.version"));

        int port = localdb.run("port", "web").port();
        assertThat(port).isBetween(sandbox.firstPort(), sandbox.lastPort());
        Result created = localdb.run("new", "site", "--command", HTTP_SERVER);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Started server = Started.from(localdb.run("start", "site"));
        assertThat(http.get(server.port(), "/").status()).isEqualTo(200);
        Result stop = localdb.run("stop", "site");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(Processes.ofHome(sandbox.home()).stream().map(Processes::describe)).as("left running after stop").isEmpty();

        Path archive = awaitArchive();
        assertThat(mode(cache.resolve("localdb"))).isEqualTo("rwx------");
        assertThat(mode(archive)).isEqualTo("rw-------");
        assertThat(mode(Path.of(archive + ".size"))).isEqualTo("rw-------");
        assertThat(archive.getFileName().toString()).startsWith("localdb-" + System.getProperty("java.version") + "-");

        // From now on the launcher maps it, and hands it on to the JVMs localdb starts.
        assertThat(properties().err()).contains("localdb.cds.archive = " + archive);
    }

    @Test
    void anArchiveOthersCouldWriteIsNotUsedAndAGroupWritableCacheFolderIsMadePrivate() throws Exception {
        assertThat(localdb.run("--version").exitCode()).isZero();
        Path archive = awaitArchive();
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw--w----"));
        assertThat(properties().err()).doesNotContain("localdb.cds.archive");

        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(cache.resolve("localdb"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Result run = properties();
        assertThat(mode(cache.resolve("localdb"))).isEqualTo("rwx------");
        assertThat(run.err()).contains("localdb.cds.archive = " + archive);
    }

    @Test
    void withoutJava17ItSaysSoClearly() throws Exception {
        Result noJava = localdb.env("JAVA_HOME", outside.resolve("no-such-jdk").toString()).run("--version");
        assertThat(noJava.exitCode()).isEqualTo(1);
        assertThat(noJava.err()).contains("JAVA_HOME is ").contains("JDK or JRE 17 or newer");

        Path old = fakeJava("jdk11", "openjdk version \"11.0.2\" 2019-01-15");
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Result eleven = localdb.env("JAVA_HOME", old.toString()).run("--version");
        assertThat(eleven.exitCode()).isEqualTo(1);
        assertThat(eleven.err()).contains("localdb needs Java 17 or newer, but " + old + "/bin/java is 11.0.2");

        Path eight = fakeJava("jdk8", "openjdk version \"1.8.0_372\"");
        Result noRelease = localdb.env("JAVA_HOME", eight.toString()).run("--version");
        assertThat(noRelease.exitCode()).isEqualTo(1);
        assertThat(noRelease.err()).contains("localdb needs Java 17 or newer").contains("is 1.8.0_372");
    }

    @Test
    void installShLinksTheLauncherIntoThePrefixAndInstallsCompletion() throws Exception {
        Path prefix = outside.resolve("prefix");
        Result install = exec(unpacked, unpacked.resolve("install.sh").toString(), "--prefix", prefix.toString());
        assertThat(install.out()).contains(prefix.resolve("bin/localdb").toString());

        Path link = prefix.resolve("bin/localdb");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(link.toRealPath()).isEqualTo(unpacked.resolve("bin/localdb").toRealPath());
        assertThat(Files.readString(prefix.resolve("share/bash-completion/completions/localdb"))).contains("complete -F");
        assertThat(Files.readString(prefix.resolve("share/localdb/localdb-completion.zsh"))).contains("bashcompinit");
        Result viaLink = new LocalDbRunner(sandbox.home(), link).env("XDG_CACHE_HOME", cache.toString()).run("--version");
        assertThat(viaLink.exitCode()).as(viaLink.toString()).isZero();
        assertThat(viaLink.out()).startsWith("localdb ");
        awaitArchive(); // the installer's own runs trained one: let it finish before the folder goes
    }

    @Test
    void theZipHoldsWhatTheTarHoldsAndEveryBundledJarsLicenceIsListed() throws Exception {
        Path zip = Path.of(System.getProperty("localdb.dist", "../dist/target/localdb") + ".zip").toAbsolutePath();
        List<String> zipped = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).forEach(zipped::add);
        }
        List<String> unpackedFiles;
        try (Stream<Path> files = Files.walk(unpacked)) {
            unpackedFiles = files.filter(Files::isRegularFile).map(p -> unpacked.getFileName() + "/" + unpacked.relativize(p)).toList();
        }
        assertThat(zipped).containsExactlyInAnyOrderElementsOf(unpackedFiles);
        assertThat(unpackedFiles).contains(unpacked.getFileName() + "/bin/localdb.cmd", unpacked.getFileName() + "/install.ps1",
                unpacked.getFileName() + "/docs/INSTALL.md", unpacked.getFileName() + "/licenses/Apache-2.0.txt");

        String listed = Files.readString(unpacked.resolve("licenses/THIRD-PARTY.md"));
        try (Stream<Path> jars = Files.list(unpacked.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                String name = jar.getFileName().toString();
                if (!name.startsWith("localdb-")) {
                    assertThat(listed).as("THIRD-PARTY.md lists %s", name).contains(name.replaceFirst("-\\d.*", ""));
                }
            }
        }
        assertThat(unpacked.resolve("licenses/bundled/bcprov-jdk18on-jar/META-INF/LICENSE.md")).isRegularFile();
        assertThat(unpacked.resolve("licenses/bundled/jackson-core-jar/META-INF/NOTICE")).isRegularFile();
    }

    /** {@code localdb --version} with the JVM's system properties shown on stderr. */
    private Result properties() throws Exception {
        Result run = localdb.env("LOCALDB_JAVA_OPTS", "-XshowSettings:properties").run("--version");
        localdb.env("LOCALDB_JAVA_OPTS", "");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    /** The archive the first run trains in the background, once complete (its size file is written last but one). */
    private Path awaitArchive() throws Exception {
        Path folder = cache.resolve("localdb");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ARCHIVE_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<Path> done = files.filter(p -> p.toString().endsWith(".jsa") && Files.exists(Path.of(p + ".size"))).toList();
                    if (!done.isEmpty() && noTrainingLeft(folder)) {
                        assertThat(done).hasSize(1);
                        return done.get(0);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no class-data archive in " + folder + " after " + ARCHIVE_WAIT_SECONDS + " s");
    }

    private static void awaitNoTraining(Path folder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ARCHIVE_WAIT_SECONDS);
        while (Files.isDirectory(folder) && !noTrainingLeft(folder) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static boolean noTrainingLeft(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.noneMatch(p -> p.toString().endsWith(".lock") || p.getFileName().toString().contains(".tmp."));
        }
    }

    private Path fakeJava(String name, String versionLine) throws IOException {
        Path jdk = Files.createDirectories(outside.resolve(name).resolve("bin")).getParent();
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return jdk;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private Result exec(Path dir, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("HOME", outside.toString());
        builder.environment().put("LOCALDB_HOME", sandbox.home().toString());
        builder.environment().put("XDG_CACHE_HOME", outside.resolve("cache").toString());
        builder.environment().remove("XDG_DATA_HOME");
        Path out = Files.createTempFile(sandbox.scratch(), "out", ".txt");
        Path err = Files.createTempFile(sandbox.scratch(), "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            assertThat(result.exitCode()).as("%s: %s", List.of(command), result).isZero();
            return result;
        } finally {
            process.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
