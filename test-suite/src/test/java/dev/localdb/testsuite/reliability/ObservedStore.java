package dev.localdb.testsuite.reliability;

import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.model.Registry;
import dev.localdb.domain.port.PortProbe;
import dev.localdb.domain.port.RegistryStore;
import dev.localdb.domain.port.RegistryTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the real store of a history worker and watches each transaction from inside the critical
 * section: it logs entering (with the registry it was given) and leaving (with the registry it
 * returns), and records everything the transaction learnt from outside (the time, and which ports
 * the host said were busy), so that the test can replay it exactly. No product code changes.
 */
final class ObservedStore implements RegistryStore {
    private final RegistryStore real;
    private final HistoryLog log;
    private final FrozenClock clock = new FrozenClock();
    private RecordingProbe probe;
    private int op;
    private String kind;
    private String project;

    ObservedStore(RegistryStore real, HistoryLog log) {
        this.real = real;
        this.log = log;
    }

    /** Names the operation whose transaction comes next. */
    void begin(int nextOp, String nextKind, String nextProject) {
        this.op = nextOp;
        this.kind = nextKind;
        this.project = nextProject;
    }

    PortProbe probe(PortProbe realProbe) {
        probe = new RecordingProbe(realProbe);
        return probe;
    }

    /** The allocator's clock: during a transaction, the instant logged for it. */
    Clock clock() {
        return clock;
    }

    @Override
    public <T> T update(RegistryTransaction<T> transaction) {
        return real.update(current -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            clock.now = now;
            probe.busy.clear();
            log.enter(op, RegistryDigest.of(current));
            boolean left = false;
            try {
                RegistryTransaction.Outcome<T> outcome = transaction.apply(current);
                log.leave(op, kind, project, now, List.copyOf(probe.busy), RegistryDigest.of(outcome.registry()));
                left = true;
                return outcome;
            } finally {
                if (!left) {
                    log.aborted(op);
                }
            }
        });
    }

    @Override
    public Registry read() {
        return real.read();
    }

    private static final class FrozenClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static final class RecordingProbe implements PortProbe {
        private final PortProbe real;
        private final List<Integer> busy = new ArrayList<>();

        RecordingProbe(PortProbe real) {
            this.real = real;
        }

        @Override
        public boolean isFree(PortNumber port) {
            boolean free = real.isFree(port);
            if (!free) {
                busy.add(port.value());
            }
            return free;
        }
    }
}
