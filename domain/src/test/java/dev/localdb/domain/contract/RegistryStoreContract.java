package dev.localdb.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localdb.domain.model.Allocation;
import dev.localdb.domain.model.AllocationState;
import dev.localdb.domain.model.PortName;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.ProcessIdentity;
import dev.localdb.domain.model.ProjectName;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RegistryTransaction.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Every case a {@link RegistryStore} must satisfy, whatever it keeps the registry in. A store
 * implementation's test extends this class and says how to make a store and how to look at its
 * storage.
 */
public abstract class RegistryStoreContract {

    /** A store over fresh, empty storage. */
    protected abstract RegistryStore newStore();

    /**
     * A second store over the same storage, as another command would open it; stores that keep
     * the registry only in the object return the same instance.
     */
    protected RegistryStore reopen(RegistryStore store) {
        return store;
    }

    /**
     * Everything a write would change (contents, file identities, a write counter...), such that
     * two fingerprints are equal exactly when nothing was written in between.
     */
    protected abstract Object storageFingerprint(RegistryStore store) throws Exception;

    private static final ProcessIdentity OWNER = new ProcessIdentity(4242, Long.MAX_VALUE, "boot \"quoted\" \\ é ✓");

    @Test
    void anEmptyStoreReadsTheEmptyRegistry() {
        RegistryStore store = newStore();

        assertThat(store.read()).isEqualTo(Registry.EMPTY);
        AtomicReference<Registry> seen = new AtomicReference<>();
        store.update(current -> {
            seen.set(current);
            return new Outcome<>(current, null);
        });
        assertThat(seen.get()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void updatePublishesTheReturnedRegistryAndReturnsTheResult() {
        RegistryStore store = newStore();
        Allocation web = held("web", 3000, Optional.of(OWNER));

        String result = store.update(current -> new Outcome<>(current.with(web), "allocated"));

        assertThat(result).isEqualTo("allocated");
        assertThat(store.read()).isEqualTo(Registry.EMPTY.with(web));
        assertThat(reopen(store).read()).isEqualTo(Registry.EMPTY.with(web));
    }

    @Test
    void eachTransactionStartsFromWhatThePreviousOnePublished() {
        RegistryStore store = newStore();
        Allocation web = held("web", 3000, Optional.empty());
        store.update(current -> new Outcome<>(current.with(web), null));

        Registry seen = reopen(store).update(current -> new Outcome<>(current, current));

        assertThat(seen).isEqualTo(Registry.EMPTY.with(web));
    }

    @Test
    void readSeesTheChangeOfAnUpdate() {
        RegistryStore store = newStore();
        store.update(current -> new Outcome<>(current.with(held("web", 3000, Optional.empty())), null));
        assertThat(store.read().find(ProjectName.of("web"))).isPresent();

        store.update(current -> new Outcome<>(current.without(ProjectName.of("web")), null));

        assertThat(store.read()).isEqualTo(Registry.EMPTY);
        assertThat(reopen(store).read()).isEqualTo(Registry.EMPTY);
    }

    @Test
    void anOutcomeWithTheSameRegistryWritesNothing() throws Exception {
        RegistryStore store = newStore();
        store.update(current -> new Outcome<>(current.with(held("web", 3000, Optional.of(OWNER))), null));
        Object before = storageFingerprint(store);

        Integer same = store.update(current -> new Outcome<>(current, 1));
        // An equal registry built anew is "no change" too, not only the very same object.
        Integer equal = store.update(current -> new Outcome<>(Registry.of(current.list(), current.lastCleanup()), 2));

        assertThat(same).isEqualTo(1);
        assertThat(equal).isEqualTo(2);
        assertThat(storageFingerprint(store)).isEqualTo(before);
    }

    @Test
    void anExceptionInsideTheTransactionPropagatesAndChangesNothing() throws Exception {
        RegistryStore store = newStore();
        Allocation web = held("web", 3000, Optional.empty());
        store.update(current -> new Outcome<>(current.with(web), null));
        Object before = storageFingerprint(store);
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> store.update(current -> {
            current.with(held("api", 3001, Optional.empty()));
            throw boom;
        })).isSameAs(boom);

        assertThat(store.read()).isEqualTo(Registry.EMPTY.with(web));
        assertThat(storageFingerprint(store)).isEqualTo(before);
        // The store is usable afterwards: whatever it locked was let go.
        Allocation api = held("api", 3001, Optional.empty());
        reopen(store).update(current -> new Outcome<>(current.with(api), null));
        assertThat(store.read()).isEqualTo(Registry.EMPTY.with(web).with(api));
    }

    @Test
    void lastCleanupRoundTripsToTheNanosecond() {
        RegistryStore store = newStore();
        Instant when = Instant.parse("2031-05-06T07:08:09.123456789Z");

        store.update(current -> new Outcome<>(current.withLastCleanup(when), null));
        assertThat(reopen(store).read().lastCleanup()).contains(when);

        store.update(current -> new Outcome<>(new Registry(current.allocations(), Optional.empty()), null));
        assertThat(reopen(store).read().lastCleanup()).isEmpty();
    }

    @Test
    void allocationsOfEveryKindRoundTripExactly() {
        RegistryStore store = newStore();
        Registry registry = Registry.of(List.of(
                Allocation.held(ProjectName.of("web"), PortNumber.of(3000), Optional.of(OWNER),
                        Instant.parse("2024-02-29T23:59:59.123456789Z")),
                Allocation.held(ProjectName.of("api.v2_x-9"), PortNumber.of(65_535), Optional.empty(),
                        Instant.parse("2024-01-01T00:00:00Z")),
                new Allocation(ProjectName.of("old"), PortNumber.of(1), AllocationState.RELEASED, Optional.empty(),
                        Instant.EPOCH),
                // Two projects may remember the port a third one holds.
                new Allocation(ProjectName.of("docs"), PortNumber.of(3000), AllocationState.RELEASED, Optional.empty(),
                        Instant.parse("1969-12-31T23:59:59.999Z")),
                Allocation.held(ProjectName.of("far"), PortNumber.of(8080),
                        Optional.of(new ProcessIdentity(1, 0, "b")), Instant.parse("+10000-01-01T00:00:00.000001Z"))),
                Optional.of(Instant.parse("2024-03-01T12:00:00.5Z")));

        store.update(current -> new Outcome<>(registry, null));

        assertThat(store.read()).isEqualTo(registry);
        assertThat(reopen(store).read()).isEqualTo(registry);
        Registry seenByATransaction = reopen(store).update(current -> new Outcome<>(current, current));
        assertThat(seenByATransaction).isEqualTo(registry);
    }

    @Test
    void namedPortsRoundTripExactlyWithTheirEntries() {
        RegistryStore store = newStore();
        Registry registry = Registry.of(List.of(
                held("web", 3000, Optional.of(OWNER)).withNamedPorts(Map.of(
                        PortName.of("api"), PortNumber.of(3001), PortName.of("debug-ui"), PortNumber.of(65_535))),
                held("docs", 3002, Optional.empty()).withNamedPorts(Map.of(PortName.of("0"), PortNumber.of(1))),
                // A remembered named port may be the port another project holds now.
                held("old", 4000, Optional.empty()).withNamedPorts(Map.of(PortName.of("api"), PortNumber.of(3000))).released(),
                held("plain", 4001, Optional.empty())),
                Optional.empty());

        store.update(current -> new Outcome<>(registry, null));

        assertThat(store.read()).isEqualTo(registry);
        assertThat(reopen(store).read()).isEqualTo(registry);
        assertThat(reopen(store).read().find(ProjectName.of("web")).orElseThrow().namedPorts())
                .containsExactly(Map.entry(PortName.of("api"), PortNumber.of(3001)), Map.entry(PortName.of("debug-ui"), PortNumber.of(65_535)));
        // Dropping the named ports is a change like any other.
        store.update(current -> new Outcome<>(current.with(current.find(ProjectName.of("web")).orElseThrow().withNamedPorts(Map.of())), null));
        assertThat(reopen(store).read().find(ProjectName.of("web")).orElseThrow().namedPorts()).isEmpty();
    }

    @Test
    void concurrentReadModifyWriteTransactionsLoseNothing() throws Exception {
        RegistryStore first = newStore();
        RegistryStore second = reopen(first);
        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                RegistryStore store = i % 2 == 0 ? first : second;
                Allocation own = held("project-" + i, 20_000 + i, Optional.empty());
                done.add(pool.submit(() -> {
                    start.await();
                    return store.update(current -> new Outcome<>(current.with(own), current.size()));
                }));
            }
            start.countDown();
            List<Object> sizesSeen = new ArrayList<>();
            for (Future<?> future : done) {
                sizesSeen.add(future.get());
            }
            // Each transaction saw a different number of predecessors: none ran on a stale snapshot.
            assertThat(sizesSeen).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        Registry result = reopen(first).read();
        assertThat(result.size()).isEqualTo(threads);
        Map<ProjectName, Allocation> allocations = result.allocations();
        for (int i = 0; i < threads; i++) {
            assertThat(allocations.get(ProjectName.of("project-" + i)).port()).isEqualTo(PortNumber.of(20_000 + i));
        }
    }

    protected static Allocation held(String project, int port, Optional<ProcessIdentity> owner) {
        return Allocation.held(ProjectName.of(project), PortNumber.of(port), owner, Instant.parse("2025-06-01T10:00:00.000000001Z"));
    }
}
