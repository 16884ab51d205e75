package dev.localdb.cli.doctor;

import dev.localdb.adapters.os.EphemeralPortRange;
import dev.localdb.adapters.os.Ipv6Loopback;
import dev.localdb.adapters.storage.HomeInspection;
import dev.localdb.adapters.storage.RegistryInspection;
import dev.localdb.adapters.storage.StaleServerFiles;
import dev.localdb.adapters.storage.LocalDbHome;
import dev.localdb.cli.Wiring;
import dev.localdb.domain.diagnostics.HealthCheck;
import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.model.PortRange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code localdb doctor} checks, in the order it prints them: the home, the registry,
 * what cleanup would remove, the platform adapters, IPv6, the port ranges and the name proxy's ports. Only looks: it takes no lock and never
 * creates, changes or removes a file (the registry store is not even built).
 */
public final class Doctor {
    private final Wiring wiring;

    public Doctor(Wiring wiring) {
        this.wiring = wiring;
    }

    public List<HealthCheck> examine(Instant now) {
        List<HealthCheck> checks = new ArrayList<>();
        LocalDbHome home;
        try {
            home = wiring.home();
        } catch (InvalidInputException e) {
            checks.add(HealthCheck.problem("home", e.getMessage()));
            home = null;
        }
        if (home != null) {
            checks.addAll(HomeInspection.check(home.root()));
            RegistryInspection.Findings registry = RegistryInspection.inspect(home.runtime());
            checks.addAll(registry.checks());
            checks.add(StaleChecks.allocations(registry.registry(), wiring.inspector()));
            checks.add(serverFiles(home, now));
        }
        checks.add(PlatformCheck.of(wiring.platform()));
        checks.add(Ipv6Loopback.available()
                ? HealthCheck.ok("IPv6", "a server can listen on ::1.")
                : HealthCheck.info("IPv6", "not available (cannot listen on ::1); localdb checks and serves IPv4 only, nothing to do."));
        Optional<String> brokenConfig = brokenConfig();
        if (brokenConfig.isPresent()) {
            // One problem line for the file; the checks that need its settings say why they did not run.
            checks.add(HealthCheck.problem("config", brokenConfig.get()));
            checks.add(HealthCheck.info(EphemeralOverlap.NAME, "not checked: config.json could not be read (see above)."));
            checks.add(HealthCheck.info(ProxyPortsCheck.NAME, "not checked: config.json could not be read (see above)."));
        } else {
            checks.add(ranges());
            checks.add(proxyPorts());
        }
        return checks;
    }

    private HealthCheck serverFiles(LocalDbHome home, Instant now) {
        try {
            return StaleChecks.serverFiles(new StaleServerFiles(home.projects(), wiring.inspector()).findDead(now));
        } catch (IOException e) {
            return HealthCheck.problem(StaleChecks.SERVER_FILES, "cannot read " + home.projects() + " ("
                    + e.getClass().getSimpleName() + "); check that it is a directory of yours.");
        }
    }

    private Optional<String> brokenConfig() {
        try {
            wiring.configuration();
            wiring.settings();
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e.getMessage());
        }
    }

    private HealthCheck proxyPorts() {
        try {
            return new ProxyPortsCheck(wiring).examine();
        } catch (dev.localdb.domain.error.LocalDbException e) {
            return HealthCheck.problem(ProxyPortsCheck.NAME, e.getMessage());
        }
    }

    private HealthCheck ranges() {
        List<PortRange> configured;
        try {
            configured = wiring.settings().allocation().ranges();
        } catch (InvalidInputException e) {
            return HealthCheck.problem(EphemeralOverlap.NAME, e.getMessage());
        }
        return EphemeralOverlap.check(EphemeralPortRange.read(), configured);
    }
}
