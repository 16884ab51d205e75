package dev.localdb.adapters.os;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIf;

/** macOS's launcher (perl's POSIX::setsid, as macOS has no setsid(1)) under the same contract, run here with this machine's perl. */
@EnabledIf("perlPresent")
class PerlSetsidLauncherContractTest extends DetachedServerLauncherContractTest {
    private static final Path PERL = Path.of("/usr/bin/perl");

    @Override
    protected LaunchDetachment detachment() {
        return LaunchDetachment.withPerlSetsid(PERL);
    }

    static boolean perlPresent() {
        return Files.isExecutable(PERL);
    }
}
