package dev.localdb.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner-only ACL that stands in for 0600 / 0700 on Windows, built from a real principal of this machine. */
class OwnerOnlyAclTest {
    @TempDir
    Path dir;

    @Test
    void aFileGetsOneEntryAllowingItsOwnerEverything() throws Exception {
        UserPrincipal owner = Files.getOwner(dir);

        List<AclEntry> entries = OwnerOnlyAcl.entries(owner, false);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(AclEntryType.ALLOW);
            assertThat(entry.principal()).isEqualTo(owner);
            assertThat(entry.permissions()).containsExactlyInAnyOrder(AclEntryPermission.values());
            assertThat(entry.flags()).isEmpty();
        });
    }

    @Test
    void aDirectorysEntryIsInheritedByWhatIsMadeInside() throws Exception {
        List<AclEntry> entries = OwnerOnlyAcl.entries(Files.getOwner(dir), true);

        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.flags())
                .containsExactlyInAnyOrder(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT));
    }

    @Test
    void aclsStandInOnlyWhereThereAreNoPosixModes() {
        assertThat(OwnerOnlyAcl.appliesTo(Set.of("basic", "dos", "acl", "owner", "user"))).as("NTFS").isTrue();
        assertThat(OwnerOnlyAcl.appliesTo(Set.of("basic", "posix", "unix", "owner", "acl"))).as("both: modes win").isFalse();
        assertThat(OwnerOnlyAcl.appliesTo(Set.of("basic", "posix", "unix", "owner"))).as("Linux").isFalse();
        assertThat(OwnerOnlyAcl.appliesTo(Set.of("basic"))).as("neither").isFalse();
        assertThat(OwnerOnlyAcl.appliesTo(dir.getFileSystem().supportedFileAttributeViews())).as("this machine").isFalse();
    }
}
