package dev.localdb.cli.doctor;

import dev.localdb.adapters.os.HostPlatform;
import dev.localdb.domain.diagnostics.HealthCheck;

/** The "platform" line: which operating system's adapters are in use and what they cannot do (docs/PLATFORMS.md). */
final class PlatformCheck {
    static final String NAME = "platform";

    private PlatformCheck() {
    }

    /** ok where the adapters have no known gap; info otherwise: a gap is the platform's, nothing for the user to fix. */
    static HealthCheck of(HostPlatform platform) {
        if (platform.limits().isEmpty()) {
            return HealthCheck.ok(NAME, platform.describe() + ".");
        }
        return HealthCheck.info(NAME, platform.describe() + "; cannot: " + String.join("; ", platform.limits()) + ".");
    }
}
