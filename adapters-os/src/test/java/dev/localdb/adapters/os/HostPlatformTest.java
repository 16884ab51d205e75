package dev.localdb.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortNumber;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class HostPlatformTest {

    @Test
    void localdbPlatformForcesEachMode() {
        for (HostPlatform.Kind kind : HostPlatform.Kind.values()) {
            assertThat(HostPlatform.choose(Map.of(HostPlatform.ENV, " " + kind.label().toUpperCase() + " "), "Linux").kind()).isEqualTo(kind);
            assertThat(HostPlatform.choose(Map.of(HostPlatform.ENV, kind.label()), "Linux").describe()).contains("forced by LOCALDB_PLATFORM");
        }
    }

    @Test
    void anUnknownModeIsBadInputNamingTheChoices() {
        assertThatThrownBy(() -> HostPlatform.choose(Map.of(HostPlatform.ENV, "solaris"), "Linux"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("auto, linux, macos, windows, portable");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void linuxWithProcIsChosenHereAndEmptyOrAutoMeansChoose() {
        assertThat(HostPlatform.choose(Map.of(), "Linux").kind()).isEqualTo(HostPlatform.Kind.LINUX);
        assertThat(HostPlatform.choose(Map.of(HostPlatform.ENV, "auto"), "Linux").kind()).isEqualTo(HostPlatform.Kind.LINUX);
        assertThat(HostPlatform.choose(Map.of(HostPlatform.ENV, ""), "Linux").limits()).isEmpty();
    }

    @Test
    void aSystemWithNothingBetterGetsThePortableMode() {
        assertThat(HostPlatform.detect("FreeBSD")).isEqualTo(HostPlatform.Kind.PORTABLE);
        assertThat(HostPlatform.detect("Windows 11")).isEqualTo(HostPlatform.Kind.WINDOWS);
    }

    @Test
    void thePortableModeCannotTellWhoListensAndSaysSo() throws Exception {
        try (java.net.ServerSocket listening = LoopbackListener.on(0)) {
            assertThat(PortablePlatform.PLATFORM.portListeners().scan(PortNumber.of(listening.getLocalPort())).known()).isFalse();
        }
        assertThat(PortablePlatform.PLATFORM.limits()).anyMatch(limit -> limit.contains("who listens on a port cannot be told"));
    }

    @Test
    void thePortableModeHasNoBootButStillIdentifiesThisProcessByItsStartInstant() {
        var self = PortablePlatform.PLATFORM.inspector().current();
        assertThat(self.bootId()).isEqualTo(ProcessHandleTable.UNKNOWN_BOOT);
        assertThat(self.startTime()).isEqualTo(ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli());
    }
}
