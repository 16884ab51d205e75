package dev.localdb.testsuite.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.testsuite.support.LocalDbRunner;
import dev.localdb.testsuite.support.LocalDbRunner.Result;
import dev.localdb.testsuite.support.LocalDbSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12's {@code proxy trust} / {@code untrust} through {@code bin/localdb}, against real NSS
 * databases (certutil) in a temporary {@code $HOME}: trust puts exactly {@code ca.pem} in them as a
 * trusted CA under this home's nickname, untrust takes it out, and untrust again is a no-op. Only
 * {@code --store nss}: the tests may run as root, and the machine's system store is not theirs to
 * change. Everything lives in the sandbox, which is deleted after each test, pass or fail.
 */
class ProxyTrustTest {
    private static final Pattern NICKNAME = Pattern.compile("localdb local CA \\([0-9a-f]{8}\\)");

    @RegisterExtension
    final LocalDbSandbox sandbox = new LocalDbSandbox();

    private Path userHome;
    private Path chromium;
    private Path firefox;
    private LocalDbRunner localdb;

    @BeforeEach
    void aHomeWithAChromiumAndAFirefoxDatabase() throws Exception {
        userHome = Files.createDirectory(sandbox.scratch().resolve("user"));
        chromium = Files.createDirectories(userHome.resolve(".pki/nssdb"));
        firefox = Files.createDirectories(userHome.resolve(".mozilla/firefox/abcd1234.default-release"));
        Files.createDirectories(userHome.resolve(".mozilla/firefox/no-database-here"));
        for (Path db : List.of(chromium, firefox)) {
            Result created = certutil("-N", "--empty-password", "-d", "sql:" + db);
            assertThat(created.exitCode()).as(created.toString()).isZero();
        }
        localdb = sandbox.localdb().env("HOME", userHome.toString());
    }

    @Test
    void trustPutsTheCaInEveryDatabaseAndUntrustTakesItOut() throws Exception {
        Result trusted = localdb.run("proxy", "trust", "--store", "nss");

        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(trusted.out()).as(trusted.toString())
                .contains("Trusted in NSS database ~/.pki/nssdb (Chromium).")
                .contains("Trusted in NSS database ~/.mozilla/firefox/abcd1234.default-release (Firefox).")
                .doesNotContain("no-database-here");
        Path ca = sandbox.home().resolve("proxy/ca/ca.pem");
        assertThat(ca).as("trust makes the CA when there is none").isRegularFile();
        String nickname = nicknameIn(chromium);
        for (Path db : List.of(chromium, firefox)) {
            assertThat(trustOf(db, nickname)).as("trust flags in %s", db).isEqualTo("C,,");
            assertThat(pem(certutil("-L", "-d", "sql:" + db, "-n", nickname, "-a")))
                    .as("the certificate in %s is ca.pem", db).isEqualTo(pem(Files.readString(ca, StandardCharsets.US_ASCII)));
            // NSS's own verdict: a trusted CA for TLS servers (an untrusted one is "marked as not trusted").
            Result verified = certutil("-V", "-u", "L", "-d", "sql:" + db, "-n", nickname);
            assertThat(verified.exitCode()).as(verified.toString()).isZero();
            assertThat(verified.out()).contains("certificate is valid");
        }

        Result again = localdb.run("proxy", "trust", "--store", "nss");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(certutil("-L", "-d", "sql:" + chromium).out()).as("trusting twice leaves one entry")
                .containsOnlyOnce(nickname);

        Result untrusted = localdb.run("proxy", "untrust", "--store", "nss");
        assertThat(untrusted.exitCode()).as(untrusted.toString()).isZero();
        assertThat(untrusted.out()).contains("Removed from NSS database ~/.pki/nssdb (Chromium).")
                .contains("Removed from NSS database ~/.mozilla/firefox/abcd1234.default-release (Firefox).");
        for (Path db : List.of(chromium, firefox)) {
            assertThat(certutil("-L", "-d", "sql:" + db).out()).as("entries of %s", db).doesNotContain(nickname);
        }

        Result twice = localdb.run("proxy", "untrust", "--store", "nss");
        assertThat(twice.exitCode()).as(twice.toString()).isZero();
        assertThat(twice.out()).contains("Not trusted in NSS database ~/.pki/nssdb (Chromium).")
                .contains("Not trusted in NSS database ~/.mozilla/firefox/abcd1234.default-release (Firefox).");
    }

    /** Untrust takes this home's CA only: another home's entry (another nickname) stays trusted. */
    @Test
    void untrustLeavesAnotherHomesCaAlone() throws Exception {
        LocalDbRunner other = new LocalDbRunner(Files.createDirectory(sandbox.scratch().resolve("other-home")))
                .env("HOME", userHome.toString());
        Result otherTrusted = other.run("proxy", "trust", "--store", "nss");
        assertThat(otherTrusted.exitCode()).as(otherTrusted.toString()).isZero();
        String otherNickname = nicknameIn(chromium);

        Result trusted = localdb.run("proxy", "trust", "--store", "nss");
        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        Result untrusted = localdb.run("proxy", "untrust", "--store", "nss");
        assertThat(untrusted.exitCode()).as(untrusted.toString()).isZero();

        String left = certutil("-L", "-d", "sql:" + chromium).out();
        Matcher nicknames = NICKNAME.matcher(left);
        assertThat(nicknames.find()).as(left).isTrue();
        assertThat(nicknames.group()).isEqualTo(otherNickname);
        assertThat(nicknames.find()).as("only the other home's CA is left: %s", left).isFalse();
    }

    /** Chromium makes ~/.pki/nssdb on its first start; trust makes it already, so a Chromium started later trusts the CA. */
    @Test
    void trustMakesChromiumsDatabaseWhenThereIsNone() throws Exception {
        deleteRecursively(userHome.resolve(".pki"));

        Result trusted = localdb.run("proxy", "trust", "--store", "nss");

        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(chromium.resolve("cert9.db")).isRegularFile();
        assertThat(trustOf(chromium, nicknameIn(chromium))).isEqualTo("C,,");
    }

    /** The one nickname of ours in the database's listing. */
    private String nicknameIn(Path db) throws Exception {
        String listing = certutil("-L", "-d", "sql:" + db).out();
        Matcher matcher = NICKNAME.matcher(listing);
        assertThat(matcher.find()).as("a localdb nickname in %s", listing).isTrue();
        return matcher.group();
    }

    /** The trust flags certutil lists for {@code nickname}, e.g. {@code C,,}. */
    private String trustOf(Path db, String nickname) throws Exception {
        return certutil("-L", "-d", "sql:" + db).out().lines()
                .filter(line -> line.startsWith(nickname))
                .map(line -> line.substring(nickname.length()).strip())
                .findFirst().orElseThrow(() -> new AssertionError(nickname + " is not in " + db));
    }

    /** The base64 body of a PEM certificate, without line breaks: certutil and BouncyCastle wrap lines differently. */
    private static String pem(String text) {
        int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
        int end = text.indexOf("-----END CERTIFICATE-----");
        assertThat(begin).as("a PEM certificate in: %s", text).isNotNegative();
        return text.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end).replaceAll("\\s", "");
    }

    private static String pem(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return pem(result.out());
    }

    private static Result certutil(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(concat("certutil", args)).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("certutil finished").isTrue();
            return new Result(process.exitValue(), out, "");
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
