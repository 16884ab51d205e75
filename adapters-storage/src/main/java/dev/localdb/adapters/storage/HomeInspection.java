package dev.localdb.adapters.storage;

import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.model.Printable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * For {@code localdb doctor}: is the home private? The home itself must be a real directory of
 * the user's, 0700; everything inside must be the user's, not a link, and closed to group and
 * others (files 0600, directories 0700), which is how localdb creates them. Only looks (lstat and
 * directory listings): never creates, changes or removes anything, and never follows a link.
 */
public final class HomeInspection {
    static final String HOME = "home";
    static final String UNSAFE = "home files others could change";
    static final String READABLE = "home files others can read";

    private HomeInspection() {
    }

    public static List<HealthCheck> check(Path home) {
        Optional<FileFacts> root;
        try {
            root = FileFacts.of(home);
        } catch (IOException e) {
            return List.of(HealthCheck.problem(HOME, "Cannot inspect " + shown(home) + " (" + reason(e) + "); check that you may read it."));
        }
        if (root.isEmpty()) {
            return List.of(HealthCheck.ok(HOME, shown(home) + " does not exist yet; localdb creates it (0700) when it first needs it."));
        }
        Optional<HealthCheck> rootProblem = rootProblem(home, root.get());
        if (rootProblem.isPresent() && root.get().kind() != FileFacts.Kind.DIRECTORY) {
            return List.of(rootProblem.get()); // nothing inside to look at without following a link
        }
        HomeEntries inside = HomeEntries.below(home);
        return List.of(
                rootProblem.orElse(HealthCheck.ok(HOME, shown(home) + " is a private directory (0700) of yours.")),
                inside.unsafeCheck(),
                inside.readableCheck());
    }

    private static Optional<HealthCheck> rootProblem(Path home, FileFacts facts) {
        String where = shown(home);
        if (facts.kind() == FileFacts.Kind.SYMBOLIC_LINK) {
            return Optional.of(HealthCheck.problem(HOME, where + " is a symbolic link; localdb wants a real directory: set "
                    + "LOCALDB_HOME to the directory it points to, or replace the link with a directory."));
        }
        if (facts.kind() != FileFacts.Kind.DIRECTORY) {
            return Optional.of(HealthCheck.problem(HOME, where + " is not a directory; move it out of the way or set LOCALDB_HOME to another path."));
        }
        if (notYours(facts)) {
            return Optional.of(HealthCheck.problem(HOME, where + " belongs to user id " + facts.uid() + ", not to you; set LOCALDB_HOME "
                    + "to a directory of your own, or give it back to you with: chown $(id -u) " + Shell.quote(home)));
        }
        if (facts.permissions() >= 0 && (facts.permissions() & 0777) != 0700) {
            return Optional.of(HealthCheck.problem(HOME, where + " has mode " + mode(facts) + ", not 0700; make it private with: chmod 700 "
                    + Shell.quote(home)));
        }
        return Optional.empty();
    }

    static boolean notYours(FileFacts facts) {
        long self = FileSafety.currentUid();
        return self >= 0 && facts.uid() >= 0 && facts.uid() != self;
    }

    private static String shown(Path path) {
        return Printable.escaped(path.toString());
    }

    static String mode(FileFacts facts) {
        return String.format("%04o", facts.permissions());
    }

    static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }
}
