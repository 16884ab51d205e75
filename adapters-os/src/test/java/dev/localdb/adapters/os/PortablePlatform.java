package dev.localdb.adapters.os;

import java.util.Map;

/** The portable mode as LOCALDB_PLATFORM=portable chooses it, for the tests that run contracts against it. */
final class PortablePlatform {
    static final HostPlatform PLATFORM = HostPlatform.choose(Map.of(HostPlatform.ENV, "portable"), "Linux");

    private PortablePlatform() {
    }
}
