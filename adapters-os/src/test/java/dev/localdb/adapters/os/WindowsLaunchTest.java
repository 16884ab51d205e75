package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Windows mode starts a server with; it never runs on Windows here (docs/PLATFORMS.md). */
class WindowsLaunchTest {
    private final LaunchDetachment windows = LaunchDetachment.windows();

    @Test
    void aProjectCommandRunsUnderCmdWithoutItsAutoRunAndStdinFromNul() {
        assertThat(windows.shell()).containsExactly("cmd.exe", "/d", "/s", "/c");
        assertThat(windows.nullDevice()).isEqualTo(new File("NUL"));
    }

    @Test
    void theServerIsStartedAsItIsAndIsItsOwnPid() {
        List<String> command = List.of("cmd.exe", "/d", "/s", "/c", "npm run dev");

        assertThat(windows.wrap(command, List.of("ignored"))).isEqualTo(command);
        assertThat(windows.reportsPid()).isFalse();
        assertThat(LaunchDetachment.ignoringHangup().reportsPid()).isTrue();
    }

    @Test
    void theWindowsModeChoosesIt() {
        HostPlatform platform = HostPlatform.choose(Map.of("LOCALDB_PLATFORM", "windows"), "Linux");

        assertThat(platform.detachment().shell()).containsExactly("cmd.exe", "/d", "/s", "/c");
        assertThat(platform.limits()).noneMatch(limit -> limit.contains("cannot be started"));
    }
}
