package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The boot as macOS's sysctl and Windows's PowerShell print it (fixtures reconstructed from documentation). */
class BootIdentityParsersTest {

    @Test
    void macOsBootSessionUuidIsTheBoot() {
        assertThat(SysctlBootId.parseSessionUuid(PlatformFixture.read("sysctl-bootsessionuuid-reconstructed.txt")))
                .contains("5d3f1e52-6a0b-4c2e-9f6b-0d2e7c1a9b44");
    }

    @Test
    void macOsBootTimeIsTheBootWhereThereIsNoSessionUuid() {
        assertThat(SysctlBootId.parseBootTime(PlatformFixture.read("sysctl-boottime-reconstructed.txt")))
                .contains("boot-at-1733562000.482913");
    }

    @Test
    void anErrorMessageIsNoBoot() {
        assertThat(SysctlBootId.parseSessionUuid("sysctl: unknown oid 'kern.bootsessionuuid'")).isEmpty();
        assertThat(SysctlBootId.parseBootTime("sysctl: unknown oid 'kern.boottime'")).isEmpty();
        assertThat(WindowsBootTime.parse("Get-CimInstance : Access denied")).isEmpty();
    }

    @Test
    void windowsLastBootUpTimeIsTheBootToTheSecond() {
        assertThat(WindowsBootTime.parse(PlatformFixture.read("powershell-lastbootuptime-reconstructed.txt")))
                .contains("boot-at-2024-12-07T08:59:41Z");
    }
}
