package dev.localdb.cli.command;

import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.cli.proxy.LocalCaTrust;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Makes the browsers trust the proxy's local CA (made first if need be), so https://NAME.localhost opens without a warning. */
@Command(name = "trust", description = "Trust the proxy's local CA in this OS's browser stores (NSS, system store, keychain).")
public final class ProxyTrustCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Mixin
    TrustStoresOption stores;

    private final Wiring wiring;

    ProxyTrustCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        LocalCaTrust trust = wiring.localCaTrust();
        LocalCaTrust.LocalCa ca = trust.loadOrCreate();
        spec.commandLine().getOut().println(ca.describe());
        return report(spec, trust.trust(ca, stores.chosen()));
    }

    /** One line per store on stdout, failures on stderr; exit 1 when a store could not be changed. */
    static int report(CommandSpec spec, List<LocalCaTrust.Outcome> outcomes) {
        boolean failed = false;
        for (LocalCaTrust.Outcome outcome : outcomes) {
            if (outcome.failed()) {
                spec.commandLine().getErr().println("error: " + outcome.text());
                failed = true;
            } else {
                spec.commandLine().getOut().println(outcome.text());
            }
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return failed ? ExitCode.FAILURE : ExitCode.OK;
    }
}
