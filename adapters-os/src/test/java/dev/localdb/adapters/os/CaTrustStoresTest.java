package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.adapters.os.CaTrustStores.Outcome;
import dev.localdb.adapters.os.CaTrustStores.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code proxy trust} does where the e2e test cannot go: without root it prints the sudo
 * commands and runs none, without certutil it names the package, on Windows it prints the
 * command. The programs are fakes on a PATH of the test's own, which record that they ran.
 */
class CaTrustStoresTest {
    @TempDir
    Path dir;

    @Test
    void withoutRootTheSystemStoreIsLeftAloneAndTheSudoCommandsArePrinted() throws IOException {
        Path bin = fakeTools("update-ca-certificates");
        Path ca = dir.resolve("ca.pem");

        List<Outcome> outcomes = stores(bin, "Linux", false).trust(ca, Set.of(Store.SYSTEM));

        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).failed()).isFalse();
        assertThat(outcomes.get(0).text()).contains("needs root", "localdb never runs sudo")
                .containsPattern("\n  sudo install -m 644 " + java.util.regex.Pattern.quote(ca.toString())
                        + " /usr/local/share/ca-certificates/localdb-[0-9a-f]{8}\\.crt\n  sudo update-ca-certificates$");
        assertThat(dir.resolve("ran-update-ca-certificates")).as("the tool ran without root").doesNotExist();
    }

    @Test
    void untrustOfACaNeverInTheSystemStoreSaysSo() throws IOException {
        Path bin = fakeTools("update-ca-certificates");

        List<Outcome> outcomes = stores(bin, "Linux", false).untrust(dir.resolve("ca.pem"), Set.of(Store.SYSTEM));

        assertThat(outcomes).containsExactly(new Outcome("Not trusted in the system store.", false));
        assertThat(dir.resolve("ran-update-ca-certificates")).doesNotExist();
    }

    @Test
    void withoutCertutilTheNssDatabasesAreUnchangedAndThePackageIsNamed() throws IOException {
        Path bin = fakeTools();
        Path chromium = Files.createDirectories(dir.resolve("user/.pki/nssdb"));
        Files.createFile(chromium.resolve("cert9.db"));
        CaTrustStores stores = stores(bin, "Linux", false);

        for (List<Outcome> outcomes : List.of(stores.trust(dir.resolve("ca.pem"), Set.of(Store.NSS)),
                stores.untrust(dir.resolve("ca.pem"), Set.of(Store.NSS)))) {
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).failed()).isFalse();
            assertThat(outcomes.get(0).text()).contains("certutil is missing", "libnss3-tools", "nss-tools");
        }
    }

    @Test
    void onWindowsTheCommandIsPrinted() throws IOException {
        Path ca = dir.resolve("ca.pem");

        List<Outcome> outcomes = stores(fakeTools(), "Windows 11", false).trust(ca, Set.of(Store.NSS, Store.SYSTEM));

        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).text()).endsWith("\n  certutil -addstore -user Root \"" + ca + "\"");
    }

    @Test
    void theNicknameNamesTheLocalDbHome() {
        ExternalCommands commands = new ExternalCommands(Map.of(), Duration.ofSeconds(5));
        String one = new CaTrustStores(dir, "Linux", false, Path.of("/home/a/.localdb"), commands).nickname();

        assertThat(one).matches("localdb local CA \\([0-9a-f]{8}\\)");
        assertThat(new CaTrustStores(dir, "Linux", false, Path.of("/home/a/.localdb"), commands).nickname()).isEqualTo(one);
        assertThat(new CaTrustStores(dir, "Linux", false, Path.of("/home/b/.localdb"), commands).nickname()).isNotEqualTo(one);
    }

    @Test
    void aProgramPastItsDeadlineIsStoppedAndReported() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("slow-bin"));
        script(bin.resolve("slow"), "#!/bin/sh\nexec sleep 30\n");
        ExternalCommands commands = new ExternalCommands(Map.of("PATH", bin + ":" + System.getenv("PATH")),
                Duration.ofSeconds(1));

        ExternalCommands.Outcome outcome = commands.run(List.of(commands.find("slow").orElseThrow().toString()));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.firstLine()).endsWith("slow did not finish within 1 s");
        assertThat(commands.run(List.of(dir.resolve("missing").toString())).firstLine()).startsWith("cannot run ");
    }

    private CaTrustStores stores(Path bin, String os, boolean root) {
        return new CaTrustStores(dir.resolve("user"), os, root, dir.resolve("localdb-home"),
                new ExternalCommands(Map.of("PATH", bin.toString()), Duration.ofSeconds(10)));
    }

    /** A PATH folder whose programs only leave a "ran-NAME" file behind. */
    private Path fakeTools(String... names) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String name : names) {
            script(bin.resolve(name), "#!/bin/sh\ntouch '" + dir.resolve("ran-" + name) + "'\n");
        }
        return bin;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
