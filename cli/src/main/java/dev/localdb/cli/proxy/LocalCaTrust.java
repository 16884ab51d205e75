package dev.localdb.cli.proxy;

import dev.localdb.adapters.os.CaTrustStores;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.proxy.CaCertificate;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code proxy trust} and {@code untrust}: the proxy's local CA put in, or taken out of, the
 * browsers' stores ({@link CaTrustStores}), in words the commands can print without knowing
 * where the CA's file is or how a store is changed.
 */
public final class LocalCaTrust {
    /** The stores {@code --store} can pick; the same names as {@link CaTrustStores.Store}. */
    public enum Store {
        /** Chromium's and Firefox's certificate databases. */
        NSS,
        /** The OS's own store. */
        SYSTEM
    }

    /** One store's result: a line for stdout, or for stderr when the store could not be changed. */
    public record Outcome(String text, boolean failed) {
    }

    /** The CA trust puts in the stores. */
    public record LocalCa(Path home, Path certificate) {
        /** Printed before any store changes, so a store that fails still leaves the file named. */
        public String describe() {
            return "The local CA of " + home + ": " + certificate;
        }
    }

    private final CaTrustStores stores;
    private final Path caDirectory;
    private final Path home;

    /** @param home the LocalDB home the CA belongs to (the stores' entries are named after it) */
    public LocalCaTrust(CaTrustStores stores, Path caDirectory, Path home) {
        this.stores = stores;
        this.caDirectory = caDirectory;
        this.home = home;
    }

    /** The proxy's CA, made first (as the proxy makes it) when there is none. */
    public LocalCa loadOrCreate() {
        try {
            return new LocalCa(home, CaCertificate.loadOrCreate(caDirectory));
        } catch (RuntimeException e) {
            throw new InvalidInputException(e.getMessage() + " (check that folder's owner and permissions, or delete it to make a new CA)");
        }
    }

    public List<Outcome> trust(LocalCa ca, Set<Store> chosen) {
        return outcomes(stores.trust(ca.certificate(), adapterStores(chosen)));
    }

    /** The file only names the CA (its entries are found by nickname): untrust never makes one. */
    public List<Outcome> untrust(Set<Store> chosen) {
        return outcomes(stores.untrust(CaCertificate.file(caDirectory), adapterStores(chosen)));
    }

    private static Set<CaTrustStores.Store> adapterStores(Set<Store> chosen) {
        return chosen.stream().map(store -> switch (store) {
            case NSS -> CaTrustStores.Store.NSS;
            case SYSTEM -> CaTrustStores.Store.SYSTEM;
        }).collect(Collectors.toSet());
    }

    private static List<Outcome> outcomes(List<CaTrustStores.Outcome> outcomes) {
        return outcomes.stream().map(outcome -> new Outcome(outcome.text(), outcome.failed())).toList();
    }
}
