package dev.localdb.domain.allocation;

import dev.localdb.domain.error.InvalidInputException;
import dev.localdb.domain.error.NoFreePortException;
import dev.localdb.domain.error.ProjectInUseException;
import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationStatus;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.PortProbe;
import dev.localdb.domain.port.ProcessInspector;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The application service every frontend uses: allocate, release, clean up and list ports.
 * Each operation that changes something is one registry transaction, so the check "is this port
 * free?" and the write "it is mine" happen under the same lock in every process.
 */
public final class PortAllocator {
    private final RegistryStore store;
    private final PortProbe probe;
    private final ProcessInspector inspector;
    private final Clock clock;
    private final AllocationSettings settings;
    private final List<AllocationStrategy> strategies;

    public PortAllocator(RegistryStore store, PortProbe probe, ProcessInspector inspector, Clock clock,
                         AllocationSettings settings) {
        this(store, probe, inspector, clock, settings, AllocationPolicy.standard());
    }

    public PortAllocator(RegistryStore store, PortProbe probe, ProcessInspector inspector, Clock clock,
                         AllocationSettings settings, List<AllocationStrategy> strategies) {
        this.store = store;
        this.probe = probe;
        this.inspector = inspector;
        this.clock = clock;
        this.settings = settings;
        this.strategies = List.copyOf(strategies);
    }

    /**
     * Gives the project a port by the first rule that finds one, and each of its named ports too,
     * all in this one transaction, and records them as held. When any port cannot be found, none
     * is taken (the registry is left as it was).
     *
     * @throws NoFreePortException when the main port or a named port cannot be found
     */
    public AllocationResult allocate(AllocationRequest request) {
        return store.update(current -> {
            Instant now = clock.instant();
            StatusJudge judge = new StatusJudge(inspector);
            Registry registry = cleanupIsDue(current, now) ? removeStale(current, judge, now).registry() : current;
            AllocationContext context = new AllocationContext(request, registry, settings, probe, judge);
            refuseIfServedByAnother(context);
            ProjectPortsChoice choice = ProjectPortsChoice.choose(context, strategies);
            Allocation allocation = heldAllocation(context, choice.mainPort(), now).withNamedPorts(choice.namedPorts());
            Registry next = releaseStaleHoldersOf(registry, allocation, context).with(allocation);
            return new Outcome<>(next, new AllocationResult(allocation, choice.mainRule(), choice.namedRules()));
        });
    }

    /** Frees the project's port; the project keeps remembering it. Empty when nothing was held. */
    public Optional<Allocation> release(ProjectName project) {
        return store.update(current -> current.find(project)
                .filter(Allocation::isHeld)
                .map(held -> new Outcome<>(current.with(held.released()), Optional.of(held)))
                .orElseGet(() -> new Outcome<>(current, Optional.empty())));
    }

    /**
     * {@code localdb release}: frees the project's port like {@link #release}, but refuses while
     * the project's server runs, because localdb would then lose track of a server it started
     * (status "stopped", stop "not running", and the next start a second copy on another port).
     *
     * @throws InvalidInputException when the project's server is running
     */
    public Optional<Allocation> releaseIdle(ProjectName project) {
        return store.update(current -> current.find(project)
                .filter(Allocation::isHeld)
                .map(held -> {
                    refuseIfRunning(held, "release its port");
                    return new Outcome<>(current.with(held.released()), Optional.of(held));
                })
                .orElseGet(() -> new Outcome<>(current, Optional.empty())));
    }

    private void refuseIfRunning(Allocation entry, String then) {
        if (new StatusJudge(inspector).statusOf(entry) == AllocationStatus.ACTIVE) {
            throw new InvalidInputException("Project " + entry.project() + " is running on port " + entry.port()
                    + "; stop it first ('localdb stop " + entry.project() + "'), then " + then + ".");
        }
    }

    /**
     * Removes the project's entry, so nothing of it is remembered: a reservation, a released
     * (remembered) entry or a stale one. Refused while the project's server runs, because the
     * port would then be in use but no longer known. Empty when the project had no entry.
     *
     * @throws InvalidInputException when the project's server is running
     */
    public Optional<Allocation> forget(ProjectName project) {
        return store.update(current -> current.find(project)
                .map(entry -> {
                    refuseIfRunning(entry, "forget it");
                    return new Outcome<>(current.without(project), Optional.of(entry));
                })
                .orElseGet(() -> new Outcome<>(current, Optional.empty())));
    }

    /**
     * Frees the project's port only if this owner still holds it, so a process that exits late
     * never frees a port that cleanup already gave to a newer owner.
     */
    public boolean releaseIfOwnedBy(ProjectName project, ProcessIdentity owner) {
        return store.update(current -> current.find(project)
                .filter(a -> a.isHeld() && a.owner().equals(Optional.of(owner)))
                .map(held -> new Outcome<>(current.with(held.released()), true))
                .orElseGet(() -> new Outcome<>(current, false)));
    }

    /**
     * Removes the project's entry altogether, remembering nothing, but only while this owner still
     * holds it. For short-lived users such as a test that should leave no trace; a late caller never
     * removes an entry that cleanup already gave to someone else.
     */
    public boolean forgetIfOwnedBy(ProjectName project, ProcessIdentity owner) {
        return store.update(current -> current.find(project)
                .filter(a -> a.isHeld() && a.owner().equals(Optional.of(owner)))
                .map(held -> new Outcome<>(current.without(project), true))
                .orElseGet(() -> new Outcome<>(current, false)));
    }

    /**
     * Removes the entries of the chosen names that no one holds any more: released ones, and stale
     * ones whose owner died (e.g. what a crashed short-lived user left). Held entries stay.
     * Returns how many were removed; writes nothing when none was.
     */
    public int forgetUnheld(Predicate<ProjectName> names) {
        return store.update(current -> {
            StatusJudge judge = new StatusJudge(inspector);
            Registry next = current;
            int removed = 0;
            for (Allocation allocation : current.list()) {
                AllocationStatus status = judge.statusOf(allocation);
                if (names.test(allocation.project()) && (status == AllocationStatus.RELEASED || status == AllocationStatus.STALE)) {
                    next = next.without(allocation.project());
                    removed++;
                }
            }
            return new Outcome<>(next, removed);
        });
    }

    /** Hands a held port to the process that now serves on it (e.g. from `start` to the server). */
    public Allocation assignOwner(ProjectName project, PortNumber port, ProcessIdentity owner) {
        return store.update(current -> {
            Allocation held = current.find(project)
                    .filter(a -> a.isHeld() && a.port().equals(port))
                    .orElseThrow(() -> new InvalidInputException("Project " + project + " does not hold port " + port + " any more."));
            Allocation owned = held.withOwner(Optional.of(owner));
            return new Outcome<>(current.with(owned), owned);
        });
    }

    /** Turns every stale allocation into a remembered port and records when cleanup ran. */
    public int cleanup() {
        return store.update(current -> {
            Outcome<Integer> cleaned = removeStale(current, new StatusJudge(inspector), clock.instant());
            return cleaned;
        });
    }

    /** Every allocation with what it means now. Reads only; never writes. */
    public RegistryView view() {
        Registry registry = store.read();
        StatusJudge judge = new StatusJudge(inspector);
        List<RegistryView.Entry> entries = registry.list().stream()
                .map(a -> new RegistryView.Entry(a, judge.statusOf(a)))
                .toList();
        return new RegistryView(entries, registry.lastCleanup());
    }

    public AllocationSettings settings() {
        return settings;
    }

    private boolean cleanupIsDue(Registry registry, Instant now) {
        return registry.lastCleanup()
                .map(last -> last.plus(settings.cleanupInterval()).isBefore(now))
                .orElse(true);
    }

    private static Outcome<Integer> removeStale(Registry registry, StatusJudge judge, Instant now) {
        List<Allocation> released = registry.list().stream()
                .filter(allocation -> judge.statusOf(allocation) == AllocationStatus.STALE)
                .map(Allocation::released)
                .toList();
        return new Outcome<>(registry.withAll(released).withLastCleanup(now), released.size());
    }

    /**
     * Rules 2 and 5 may choose a port whose holder died before cleanup ran. The registry allows one
     * holder per port, so that stale holder now only remembers it (all its ports, as they go
     * together), as cleanup would have left it.
     */
    private static Registry releaseStaleHoldersOf(Registry registry, Allocation taker, AllocationContext context) {
        List<Allocation> released = new ArrayList<>();
        // Asked of the index the rules built, not of every entry: it runs on every allocation.
        for (PortNumber port : taker.ports()) {
            for (Allocation other : context.othersOn(port)) {
                Allocation remembering = context.judge().statusOf(other) == AllocationStatus.STALE ? other.released() : null;
                if (remembering != null && !released.contains(remembering)) {
                    released.add(remembering); // an entry on two of the taker's ports, once
                }
            }
        }
        return registry.withAll(released);
    }

    private static void refuseIfServedByAnother(AllocationContext context) {
        Optional<ProcessIdentity> asking = context.request().owner();
        context.own()
                .filter(own -> asking.isPresent() && context.judge().statusOf(own) == AllocationStatus.ACTIVE)
                .filter(own -> !own.owner().equals(asking))
                .ifPresent(own -> {
                    throw new ProjectInUseException("Project " + own.project() + " is already served on port " + own.port()
                            + " by process " + own.owner().orElseThrow().pid() + "; stop it first with 'localdb stop " + own.project() + "'.");
                });
    }

    /** Keeps the original time when the project simply keeps its port. */
    private static Allocation heldAllocation(AllocationContext context, PortNumber port, Instant now) {
        Optional<Allocation> own = context.own();
        Optional<ProcessIdentity> owner = context.request().owner()
                .or(() -> own.filter(a -> context.judge().statusOf(a) == AllocationStatus.ACTIVE).flatMap(Allocation::owner));
        boolean keepsHeldPort = own.isPresent() && own.get().isHeld() && own.get().port().equals(port)
                && context.judge().statusOf(own.get()).blocksOthers();
        Instant since = keepsHeldPort ? own.get().allocatedAt() : now;
        return Allocation.held(context.project(), port, owner, since);
    }
}
