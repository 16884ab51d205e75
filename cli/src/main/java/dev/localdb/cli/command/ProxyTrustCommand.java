package dev.localdb.cli.command;

import dev.localdb.adapters.os.CaTrustStores;
import dev.localdb.cli.ExitCode;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.proxy.CaCertificate;
import java.nio.file.Path;
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
        Path caDirectory = wiring.proxyFiles().caDirectory();
        Path certificate;
        try {
            certificate = CaCertificate.loadOrCreate(caDirectory);
        } catch (RuntimeException e) {
            throw new InvalidInputException(e.getMessage() + " (check that folder's owner and permissions, or delete it to make a new CA)");
        }
        spec.commandLine().getOut().println("The local CA of " + wiring.home().root() + ": " + certificate);
        return report(spec, wiring.caTrustStores().trust(certificate, stores.chosen()));
    }

    /** One line per store on stdout, failures on stderr; exit 1 when a store could not be changed. */
    static int report(CommandSpec spec, List<CaTrustStores.Outcome> outcomes) {
        boolean failed = false;
        for (CaTrustStores.Outcome outcome : outcomes) {
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
