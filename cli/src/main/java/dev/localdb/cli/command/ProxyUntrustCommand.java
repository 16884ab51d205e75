package dev.localdb.cli.command;

import dev.localdb.cli.Wiring;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Undoes {@code proxy trust}: removes this home's CA, and only it, from the same stores; nothing to remove is fine. */
@Command(name = "untrust", description = "Remove the proxy's local CA from the stores 'proxy trust' put it in.")
public final class ProxyUntrustCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Mixin
    TrustStoresOption stores;

    private final Wiring wiring;

    ProxyUntrustCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        return ProxyTrustCommand.report(spec, wiring.localCaTrust().untrust(stores.chosen()));
    }
}
