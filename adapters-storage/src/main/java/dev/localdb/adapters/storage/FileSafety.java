package dev.localdb.adapters.storage;

import java.nio.file.Path;

/**
 * The rules that keep other users out of the registry, the config file and the server files:
 * localdb only uses a runtime directory and files that are really there (no symbolic links), that
 * belong to the user running it, and that nobody else can write to. A refusal's type says which
 * file it is about ({@link GuardedFile}). (New files and directories are private from creation:
 * see {@link dev.localdb.files.PrivateFiles}.)
 */
final class FileSafety {
    private FileSafety() {
    }

    /** The registry's runtime directory. */
    static void requireSafeDirectory(Path dir, FileFacts facts) {
        GuardedFile file = GuardedFile.REGISTRY;
        String what = "Runtime directory " + dir;
        requireKind(file, what, facts, FileFacts.Kind.DIRECTORY, "a directory");
        requireOwnedByCurrentUser(file, what, facts);
        if (facts.isWritableByOthers()) {
            throw file.refusal(what + " can be written by other users (mode "
                    + String.format("%04o", facts.permissions()) + "); run 'chmod 700 " + dir + "' and try again.");
        }
    }

    /**
     * A file others may write is refused even inside a private directory: someone made it so on
     * purpose or by mistake, and either way localdb should not trust or keep using it unasked.
     */
    static void requireSafeFile(GuardedFile file, String what, FileFacts facts) {
        requireKind(file, what, facts, FileFacts.Kind.REGULAR_FILE, "a regular file");
        requireOwnedByCurrentUser(file, what, facts);
        if (facts.isWritableByOthers()) {
            throw file.refusal(what + " can be written by other users (mode "
                    + String.format("%04o", facts.permissions()) + "); make it private with 'chmod 600' and try again.");
        }
    }

    private static void requireKind(GuardedFile file, String what, FileFacts facts, FileFacts.Kind expected, String noun) {
        if (facts.kind() == FileFacts.Kind.SYMBOLIC_LINK) {
            throw file.refusal(what + " is a symbolic link, which localdb refuses to follow; replace it with "
                    + noun + ".");
        }
        if (facts.kind() != expected) {
            throw file.refusal(what + " is not " + noun + "; move it out of the way and try again.");
        }
    }

    private static void requireOwnedByCurrentUser(GuardedFile file, String what, FileFacts facts) {
        long self = CurrentUser.uid();
        if (self >= 0 && facts.uid() >= 0 && facts.uid() != self) {
            throw file.refusal(what + " belongs to user id " + facts.uid() + ", not to you (user id " + self
                    + "); localdb only uses its own files. Give it back to you or set LOCALDB_HOME to a directory of your own.");
        }
    }

    /** The numeric id of the user running localdb; -1 where the platform has none (used by {@link HomeInspection}). */
    static long currentUid() {
        return CurrentUser.uid();
    }

    /** The numeric user id of this process, looked up once; -1 where the platform has none. */
    private static final class CurrentUser {
        private static final long UID = find();

        static long uid() {
            return UID;
        }

        private static long find() {
            try {
                return new com.sun.security.auth.module.UnixSystem().getUid();
            } catch (LinkageError | RuntimeException notUnix) {
                return -1;
            }
        }
    }
}
