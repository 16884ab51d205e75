package dev.localdb.cli.command;

import dev.localdb.cli.proxy.LocalCaTrust;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --store nss,system}: the same choice for {@code proxy trust} and {@code untrust}, so untrust can undo exactly what trust did. */
public final class TrustStoresOption {
    @Option(names = "--store", split = ",", paramLabel = "STORE",
            description = "Only these stores: nss (Chromium, Firefox), system (the OS's store). Default: both.")
    List<LocalCaTrust.Store> stores;

    Set<LocalCaTrust.Store> chosen() {
        return stores == null || stores.isEmpty() ? EnumSet.allOf(LocalCaTrust.Store.class) : EnumSet.copyOf(stores);
    }
}
