package dev.localdb.adapters.storage;

import static dev.localdb.adapters.storage.HomeInspection.mode;
import static dev.localdb.adapters.storage.HomeInspection.notYours;
import static dev.localdb.adapters.storage.HomeInspection.reason;

import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.model.Printable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything below a home, sorted into what localdb refuses to trust (links, other users' entries,
 * entries others can write, unreadable ones) and what is merely readable by others.
 */
final class HomeEntries {
    private static final int SHOWN = 3;

    private final Path home;
    private final List<String> unsafe = new ArrayList<>();
    private final List<String> readable = new ArrayList<>();
    private boolean foreign;
    private boolean links;

    private HomeEntries(Path home) {
        this.home = home;
    }

    static HomeEntries below(Path home) {
        HomeEntries entries = new HomeEntries(home);
        try {
            // walkFileTree follows no link unless asked: a link is visited as a file, never entered.
            Files.walkFileTree(home, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(home)) {
                        entries.judge(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    entries.judge(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    entries.unsafe.add(entries.relative(file) + " (cannot read: " + reason(e) + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            entries.unsafe.add(". (cannot read: " + reason(e) + ")");
        }
        return entries;
    }

    private void judge(Path entry) {
        Optional<FileFacts> facts;
        try {
            facts = FileFacts.of(entry);
        } catch (IOException e) {
            unsafe.add(relative(entry) + " (cannot inspect: " + reason(e) + ")");
            return;
        }
        if (facts.isEmpty()) {
            return; // removed while we looked
        }
        FileFacts f = facts.get();
        String name = relative(entry);
        if (f.kind() == FileFacts.Kind.SYMBOLIC_LINK) {
            links = true;
            unsafe.add(name + " (symbolic link)");
        } else if (notYours(f)) {
            foreign = true;
            unsafe.add(name + " (owned by user id " + f.uid() + ")");
        } else if (f.isWritableByOthers()) {
            unsafe.add(name + " (" + mode(f) + ", " + ((f.permissions() & 0002) != 0 ? "world" : "group") + "-writable)");
        } else if (f.permissions() >= 0 && (f.permissions() & 0077) != 0) {
            readable.add(name + " (" + mode(f) + ")");
        }
    }

    HealthCheck unsafeCheck() {
        if (unsafe.isEmpty()) {
            return HealthCheck.ok(HomeInspection.UNSAFE, "none: every file and directory is yours and only you can write to it.");
        }
        List<String> fixes = new ArrayList<>();
        fixes.add("chmod -R go-rwx " + Shell.quote(home));
        if (foreign) {
            fixes.add("chown -R $(id -u) " + Shell.quote(home));
        }
        String linkAdvice = links ? ", and replace the symbolic links with real files (localdb does not follow links)" : "";
        return HealthCheck.problem(HomeInspection.UNSAFE, count(unsafe) + " localdb refuses to trust: " + listed(unsafe)
                + "; fix with: " + String.join(" && ", fixes) + linkAdvice);
    }

    HealthCheck readableCheck() {
        if (readable.isEmpty()) {
            return HealthCheck.ok(HomeInspection.READABLE, "none: files are 0600 and directories 0700.");
        }
        return HealthCheck.problem(HomeInspection.READABLE, count(readable) + " readable by group or others: " + listed(readable)
                + "; make them private with: chmod -R go-rwx " + Shell.quote(home));
    }

    private String relative(Path entry) {
        return Printable.escaped(home.relativize(entry).toString());
    }

    private static String count(List<String> entries) {
        return entries.size() == 1 ? "1 entry" : entries.size() + " entries";
    }

    private static String listed(List<String> entries) {
        String shown = String.join(", ", entries.subList(0, Math.min(SHOWN, entries.size())));
        return entries.size() > SHOWN ? shown + " and " + (entries.size() - SHOWN) + " more" : shown;
    }
}
