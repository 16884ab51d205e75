package dev.localdb.domain.allocation;

import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.PortRange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chooses every port of one project in one transaction: the main port first, then each named port
 * in name order, each by the same strategies. A port chosen for one is never proposed for another,
 * and a port the project already has under one name is kept for that name. If any port cannot be
 * found, nothing is chosen at all: the exception ends the transaction before anything is written.
 *
 * @param mainPort   the port chosen for the main port
 * @param mainRule   the strategy that chose it
 * @param namedPorts the port chosen for each named port
 * @param namedRules the strategy that chose each named port
 */
record ProjectPortsChoice(PortNumber mainPort, String mainRule, Map<PortName, PortNumber> namedPorts,
                          Map<PortName, String> namedRules) {

    static ProjectPortsChoice choose(AllocationContext context, List<AllocationStrategy> strategies) {
        Set<PortName> names = namesToAllocate(context);
        Map<Optional<PortName>, PortNumber> ownPorts = ownPortsFor(context, names);
        Set<PortNumber> chosen = new HashSet<>();
        Optional<PortName> main = Optional.empty();
        Choice mainChoice = chooseOne(context.forPort(main, claimedFor(main, ownPorts, chosen)), strategies);
        chosen.add(mainChoice.port());
        Map<PortName, PortNumber> namedPorts = new TreeMap<>();
        Map<PortName, String> namedRules = new TreeMap<>();
        for (PortName name : names) {
            Optional<PortName> which = Optional.of(name);
            Choice choice = chooseOne(context.forPort(which, claimedFor(which, ownPorts, chosen)), strategies);
            chosen.add(choice.port());
            namedPorts.put(name, choice.port());
            namedRules.put(name, choice.rule());
        }
        return new ProjectPortsChoice(mainChoice.port(), mainChoice.rule(), namedPorts, namedRules);
    }

    /**
     * The names asked for, plus those the project holds now: a later request (a plain
     * {@code localdb port}, say) never takes a held port away from the server that uses it. A
     * reservation also keeps the names the project only remembers.
     */
    private static Set<PortName> namesToAllocate(AllocationContext context) {
        Set<PortName> names = new TreeSet<>(context.request().portNames());
        boolean keepAll = context.request().keepsEveryNamedPort();
        context.ownEntry()
                .filter(own -> keepAll || context.judge().statusOf(own).blocksOthers())
                .ifPresent(own -> names.addAll(own.namedPorts().keySet()));
        return names;
    }

    /** The port the project has (or remembers) for each port it now asks for, so each name keeps its own. */
    private static Map<Optional<PortName>, PortNumber> ownPortsFor(AllocationContext context, Set<PortName> names) {
        Map<Optional<PortName>, PortNumber> own = new HashMap<>();
        context.ownEntry().ifPresent(entry -> {
            own.put(Optional.empty(), entry.port());
            for (PortName name : names) {
                Optional.ofNullable(entry.namedPorts().get(name)).ifPresent(port -> own.put(Optional.of(name), port));
            }
        });
        return own;
    }

    private static Set<PortNumber> claimedFor(Optional<PortName> which, Map<Optional<PortName>, PortNumber> ownPorts,
                                              Set<PortNumber> chosen) {
        Set<PortNumber> claimed = new HashSet<>(chosen);
        ownPorts.forEach((name, port) -> {
            if (!name.equals(which)) {
                claimed.add(port);
            }
        });
        return claimed;
    }

    private static Choice chooseOne(AllocationContext context, List<AllocationStrategy> strategies) {
        for (AllocationStrategy strategy : strategies) {
            // A strategy that ignores canTake must still not hand one port out twice.
            Optional<PortNumber> proposed = strategy.choose(context).filter(port -> !context.claimed().contains(port));
            if (proposed.isPresent()) {
                return new Choice(proposed.get(), strategy.name());
            }
        }
        throw exhausted(context);
    }

    private static NoFreePortException exhausted(AllocationContext context) {
        int held = 0;
        int excluded = 0;
        int total = 0;
        for (PortRange range : context.settings().ranges()) {
            total += range.size();
            for (int p = range.first().value(); p <= range.last().value(); p++) {
                PortNumber port = new PortNumber(p);
                if (context.heldByOther(port) || context.claimed().contains(port)) {
                    held++;
                } else if (!context.settings().allows(port, true)) {
                    excluded++;
                }
            }
        }
        List<PortRange> ranges = context.settings().ranges();
        String forWhat = context.portName()
                .map(name -> "for port \"" + name + "\" of " + context.project() + " (so it got none of its ports)")
                .orElse("");
        return new NoFreePortException(ranges, held, total - held, excluded, forWhat);
    }

    private record Choice(PortNumber port, String rule) {
    }
}
