package dev.localdb.files;

import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What 0600 / 0700 mean where a file system has ACLs instead of POSIX modes (Windows): one entry
 * that allows the owner everything, and nothing else, so the entries a new file inherited from
 * its folder (Users, Authenticated Users, ...) are replaced. A directory's entry is inherited by
 * what is made inside it, so a file created there by other means (a lock file opened with
 * {@link java.nio.channels.FileChannel#open}) is owner-only too, and the instant between a new
 * entry's creation and its ACL (before any content) matters only for the outermost new folder.
 * Pure, so it is tested on Linux, whose file systems have no ACL view.
 */
final class OwnerOnlyAcl {
    private OwnerOnlyAcl() {
    }

    /** ACLs stand in for POSIX modes only where there are no POSIX modes (a file system may offer both). */
    static boolean appliesTo(Set<String> supportedViews) {
        return supportedViews.contains("acl") && !supportedViews.contains("posix");
    }

    static List<AclEntry> entries(UserPrincipal owner, boolean directory) {
        return List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(directory ? EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                        : EnumSet.noneOf(AclEntryFlag.class))
                .build());
    }
}
