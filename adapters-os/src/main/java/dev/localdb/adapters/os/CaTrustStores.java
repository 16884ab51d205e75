package dev.localdb.adapters.os;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the proxy's local CA where this OS's browsers look for trusted roots, and takes it out
 * again: the NSS databases of Chromium and Firefox (certutil), the system store (Linux, only as
 * root: localdb never runs sudo for the user, it prints the commands), the login keychain (macOS),
 * and on Windows the command to run. Every entry carries a tag made from the LocalDB home, so
 * {@code untrust} removes this home's CA and nothing else (another home's, or a CA of mkcert's).
 */
public final class CaTrustStores {
    /** The stores {@code --store} can pick. */
    public enum Store {
        /** Chromium's and Firefox's certificate databases (Linux; Firefox on macOS too). */
        NSS,
        /** The OS's own store: Linux's system store, macOS's login keychain, Windows' user Root store. */
        SYSTEM
    }

    /** One store's result, one line (plus the commands to run by hand, indented, when there are some). */
    public record Outcome(String text, boolean failed) {
        static Outcome done(String text) {
            return new Outcome(text, false);
        }

        static Outcome failure(String text) {
            return new Outcome(text, true);
        }
    }

    /** A certificate database and the browser that reads it, for the report. */
    private record NssDatabase(Path directory, String browser) {
        String argument() {
            return "sql:" + directory;
        }
    }

    /** Linux's two system-store layouts: Debian's and Fedora's. */
    private record SystemStore(String tool, Path anchors, String extension, List<String> refresh) {
    }

    private static final List<SystemStore> LINUX_SYSTEM_STORES = List.of(
            new SystemStore("update-ca-certificates", Path.of("/usr/local/share/ca-certificates"), ".crt",
                    List.of("update-ca-certificates")),
            new SystemStore("update-ca-trust", Path.of("/etc/pki/ca-trust/source/anchors"), ".pem",
                    List.of("update-ca-trust", "extract")));
    private static final String CERTUTIL_MISSING = "certutil is missing, so the NSS databases (Chromium, Firefox) are unchanged:"
            + " install it (Debian/Ubuntu: sudo apt-get install libnss3-tools; Fedora: sudo dnf install nss-tools) and run this again.";
    /** A nickname may hold several certificates; a bound on removing them, in case certutil keeps saying yes. */
    private static final int MAX_DELETIONS = 20;

    private final Path userHome;
    private final String osName;
    private final boolean root;
    private final String tag;
    private final ExternalCommands commands;

    /**
     * @param userHome  the user's home ({@code $HOME}): where the browsers keep their databases
     * @param osName    {@code os.name}
     * @param root      whether this process runs as root (it may change the system store)
     * @param localDbHome the LocalDB home whose CA this is: it names the entries
     */
    public CaTrustStores(Path userHome, String osName, boolean root, Path localDbHome, ExternalCommands commands) {
        this.userHome = userHome;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.root = root;
        this.tag = tagOf(localDbHome);
        this.commands = commands;
    }

    /** Root by the owner of /proc/self (the effective uid) where there is /proc, else by name. */
    public static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Eight hex digits of the home's SHA-256: short, the same for every run, different for another home. */
    static String tagOf(Path localDbHome) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(localDbHome.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The NSS nickname of this home's CA. */
    public String nickname() {
        return "localdb local CA (" + tag + ")";
    }

    public List<Outcome> trust(Path certificate, Set<Store> stores) {
        List<Outcome> outcomes = new ArrayList<>();
        if (windows()) {
            outcomes.add(Outcome.done("Windows: not changed (untested there); to trust the CA for your user, run:\n"
                    + "  certutil -addstore -user Root \"" + certificate + "\""));
            return outcomes;
        }
        if (stores.contains(Store.NSS)) {
            outcomes.addAll(trustInNss(certificate));
        }
        if (stores.contains(Store.SYSTEM)) {
            outcomes.add(mac() ? trustInKeychain(certificate) : trustInSystemStore(certificate));
        }
        return outcomes;
    }

    /** {@code certificate} may be gone (a deleted CA folder): what names it is the nickname and the file name. */
    public List<Outcome> untrust(Path certificate, Set<Store> stores) {
        List<Outcome> outcomes = new ArrayList<>();
        if (windows()) {
            String serial = Files.isRegularFile(certificate) ? read(certificate).getSerialNumber().toString(16) : "<serial of ca.pem>";
            outcomes.add(Outcome.done("Windows: not changed (untested there); to remove the CA, run:\n"
                    + "  certutil -delstore -user Root " + serial));
            return outcomes;
        }
        if (stores.contains(Store.NSS)) {
            outcomes.addAll(untrustInNss());
        }
        if (stores.contains(Store.SYSTEM)) {
            outcomes.add(mac() ? untrustInKeychain(certificate) : untrustInSystemStore());
        }
        return outcomes;
    }

    private List<Outcome> trustInNss(Path certificate) {
        Optional<Path> certutil = commands.find("certutil");
        if (certutil.isEmpty()) {
            return List.of(Outcome.done(CERTUTIL_MISSING));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (NssDatabase db : nssDatabases(true)) {
            String where = "NSS database " + shown(db.directory()) + " (" + db.browser() + ")";
            if (!Files.isRegularFile(db.directory().resolve("cert9.db"))) {
                Optional<String> problem = createChromiumDatabase(certutil.get(), db);
                if (problem.isPresent()) {
                    outcomes.add(Outcome.failure("Could not create " + where + ": " + problem.get()));
                    continue;
                }
            }
            // A CA made again (its folder deleted) keeps the nickname: the old certificate goes first.
            removeNickname(certutil.get(), db);
            ExternalCommands.Outcome added = commands.run(List.of(certutil.get().toString(), "-A", "-d", db.argument(),
                    "-t", "C,,", "-n", nickname(), "-i", certificate.toString()));
            outcomes.add(added.succeeded() ? Outcome.done("Trusted in " + where + ".")
                    : Outcome.failure("Could not trust the CA in " + where + ": certutil: " + added.firstLine()));
        }
        if (outcomes.isEmpty()) {
            outcomes.add(Outcome.done("No NSS database found (no Firefox profile under " + shown(userHome.resolve(".mozilla/firefox")) + ")."));
        }
        return outcomes;
    }

    /**
     * Chromium makes {@code ~/.pki/nssdb} on its first start; made here already (empty password,
     * as Chromium does, and as mkcert expects), a Chromium started later trusts the CA from the start.
     */
    private Optional<String> createChromiumDatabase(Path certutil, NssDatabase db) {
        try {
            PrivateFiles.createDirectories(db.directory());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot create the folder: " + e.getMessage());
        }
        ExternalCommands.Outcome created = commands.run(List.of(certutil.toString(), "-N", "--empty-password", "-d", db.argument()));
        return created.succeeded() ? Optional.empty() : Optional.of("certutil: " + created.firstLine());
    }

    private List<Outcome> untrustInNss() {
        List<NssDatabase> databases = nssDatabases(false);
        Optional<Path> certutil = commands.find("certutil");
        if (certutil.isEmpty()) {
            return databases.isEmpty() ? List.of() : List.of(Outcome.done(CERTUTIL_MISSING));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (NssDatabase db : databases) {
            String where = "NSS database " + shown(db.directory()) + " (" + db.browser() + ")";
            if (!listed(certutil.get(), db)) {
                outcomes.add(Outcome.done("Not trusted in " + where + "."));
                continue;
            }
            removeNickname(certutil.get(), db);
            outcomes.add(listed(certutil.get(), db)
                    ? Outcome.failure("Could not remove the CA from " + where + ": certutil -D left '" + nickname() + "' in it.")
                    : Outcome.done("Removed from " + where + "."));
        }
        return outcomes;
    }

    private boolean listed(Path certutil, NssDatabase db) {
        return commands.run(List.of(certutil.toString(), "-L", "-d", db.argument(), "-n", nickname())).succeeded();
    }

    private void removeNickname(Path certutil, NssDatabase db) {
        for (int i = 0; i < MAX_DELETIONS; i++) {
            if (!commands.run(List.of(certutil.toString(), "-D", "-d", db.argument(), "-n", nickname())).succeeded()) {
                return;
            }
        }
    }

    /** Chromium's database (also when it is still to be made, for {@code trust}), then every Firefox profile that has one. */
    private List<NssDatabase> nssDatabases(boolean includeMissingChromium) {
        List<NssDatabase> found = new ArrayList<>();
        if (!mac()) {
            Path chromium = userHome.resolve(".pki/nssdb");
            if (includeMissingChromium || Files.isRegularFile(chromium.resolve("cert9.db"))) {
                found.add(new NssDatabase(chromium, "Chromium"));
            }
            Path snapChromium = userHome.resolve("snap/chromium/current/.pki/nssdb");
            if (Files.isRegularFile(snapChromium.resolve("cert9.db"))) {
                found.add(new NssDatabase(snapChromium, "Chromium snap"));
            }
        }
        List<Path> firefoxRoots = mac() ? List.of(userHome.resolve("Library/Application Support/Firefox/Profiles"))
                : List.of(userHome.resolve(".mozilla/firefox"), userHome.resolve("snap/firefox/common/.mozilla/firefox"));
        for (Path profiles : firefoxRoots) {
            if (!Files.isDirectory(profiles)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(profiles)) {
                List<Path> sorted = new ArrayList<>();
                entries.forEach(sorted::add);
                sorted.sort(null);
                for (Path profile : sorted) {
                    if (Files.isRegularFile(profile.resolve("cert9.db"))) {
                        found.add(new NssDatabase(profile, "Firefox"));
                    }
                }
            } catch (IOException e) {
                // an unreadable profiles folder holds no database certutil could change either
            }
        }
        return found;
    }

    private Outcome trustInSystemStore(Path certificate) {
        Optional<SystemStore> store = linuxSystemStore();
        if (store.isEmpty()) {
            return Outcome.done("System store: not changed (neither update-ca-certificates nor update-ca-trust is installed).");
        }
        Path file = systemFile(store.get());
        if (!root) {
            return Outcome.done("System store: not changed (that needs root, and localdb never runs sudo); to trust the CA there too"
                    + " (curl, wget), run:\n  sudo install -m 644 " + certificate + " " + file + "\n  sudo "
                    + String.join(" ", store.get().refresh()));
        }
        try {
            copyWorldReadable(certificate, file);
        } catch (IOException | UnsupportedOperationException e) {
            return Outcome.failure("Could not trust the CA in the system store: cannot write " + file + ": " + e.getMessage());
        }
        ExternalCommands.Outcome refreshed = refresh(store.get());
        return refreshed.succeeded() ? Outcome.done("Trusted in the system store (" + file + ").")
                : Outcome.failure("Could not trust the CA in the system store: " + store.get().tool() + ": " + refreshed.firstLine());
    }

    /**
     * The one file localdb makes readable by all (0644), on purpose: a CA certificate holds no
     * secret, and the system store's refresh tools and every program that trusts it must read it.
     * Not a {@code PrivateFiles} file, so written here.
     */
    private static void copyWorldReadable(Path certificate, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(certificate, file, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private Outcome untrustInSystemStore() {
        Optional<SystemStore> store = linuxSystemStore();
        if (store.isEmpty()) {
            return Outcome.done("Not trusted in the system store (neither update-ca-certificates nor update-ca-trust is installed).");
        }
        Path file = systemFile(store.get());
        if (!Files.exists(file)) {
            return Outcome.done("Not trusted in the system store.");
        }
        if (!root) {
            return Outcome.done("System store: not changed (that needs root, and localdb never runs sudo); to remove the CA there, run:\n"
                    + "  sudo rm " + file + "\n  sudo " + String.join(" ", store.get().refresh()));
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            return Outcome.failure("Could not remove the CA from the system store: cannot delete " + file + ": " + e.getMessage());
        }
        ExternalCommands.Outcome refreshed = refresh(store.get());
        return refreshed.succeeded() ? Outcome.done("Removed from the system store (" + file + ").")
                : Outcome.failure("Removed " + file + ", but " + store.get().tool() + " failed: " + refreshed.firstLine());
    }

    private ExternalCommands.Outcome refresh(SystemStore store) {
        List<String> command = new ArrayList<>(store.refresh());
        command.set(0, commands.find(store.tool()).map(Path::toString).orElse(store.tool()));
        return commands.run(command);
    }

    private Optional<SystemStore> linuxSystemStore() {
        return LINUX_SYSTEM_STORES.stream().filter(store -> commands.find(store.tool()).isPresent()).findFirst();
    }

    private Path systemFile(SystemStore store) {
        return store.anchors().resolve("localdb-" + tag + store.extension());
    }

    /** Untested: no macOS to run it on (docs/PROXY.md says so). */
    private Outcome trustInKeychain(Path certificate) {
        Path keychain = loginKeychain();
        ExternalCommands.Outcome added = commands.run(List.of("security", "add-trusted-cert", "-d", "-r", "trustRoot",
                "-k", keychain.toString(), certificate.toString()));
        return added.succeeded() ? Outcome.done("Trusted in the login keychain (" + shown(keychain) + ").")
                : Outcome.failure("Could not trust the CA in the login keychain: security: " + added.firstLine());
    }

    /** Untested, like {@link #trustInKeychain}: the trust setting first, then the certificate by its SHA-1. */
    private Outcome untrustInKeychain(Path certificate) {
        if (!Files.isRegularFile(certificate)) {
            return Outcome.done("Not trusted in the login keychain (there is no " + certificate + ").");
        }
        Path keychain = loginKeychain();
        commands.run(List.of("security", "remove-trusted-cert", "-d", certificate.toString()));
        ExternalCommands.Outcome deleted = commands.run(List.of("security", "delete-certificate", "-Z", sha1(read(certificate)),
                keychain.toString()));
        return deleted.succeeded() ? Outcome.done("Removed from the login keychain (" + shown(keychain) + ").")
                : Outcome.done("Not trusted in the login keychain.");
    }

    private Path loginKeychain() {
        return userHome.resolve("Library/Keychains/login.keychain-db");
    }

    private static X509Certificate read(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new InvalidInputException("Cannot read the CA certificate " + certificate + ": " + e.getMessage()
                    + "; delete its folder to make a new CA.");
        }
    }

    private static String sha1(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    /** {@code ~/...} for paths in the user's home: shorter, and what the user would type. */
    private String shown(Path path) {
        return path.startsWith(userHome) ? "~/" + userHome.relativize(path) : path.toString();
    }

    private boolean mac() {
        return osName.startsWith("mac");
    }

    private boolean windows() {
        return osName.startsWith("windows");
    }
}
