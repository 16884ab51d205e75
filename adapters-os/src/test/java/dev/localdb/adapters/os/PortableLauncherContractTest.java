package dev.localdb.adapters.os;

/** The portable mode's launcher (no setsid: hangups ignored) under the same contract. */
class PortableLauncherContractTest extends DetachedServerLauncherContractTest {
    @Override
    protected LaunchDetachment detachment() {
        return PortablePlatform.PLATFORM.detachment();
    }
}
