package dev.localdb.domain.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localdb.domain.contract.PortListenersContract;
import dev.localdb.domain.model.ListenerScan;
import dev.localdb.domain.model.ListeningProcess;
import dev.localdb.domain.model.PortListener;
import dev.localdb.domain.model.PortNumber;
import dev.localdb.domain.port.PortListeners;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake keeps the same promises as the /proc reader. */
class FakePortListenersContractTest extends PortListenersContract {
    private static final long SELF = 4242;
    private final FakePortListeners fake = new FakePortListeners();
    private long nextChild = 5000;

    @Override
    protected PortListeners newListeners() {
        return fake;
    }

    @Override
    protected int freePort() {
        return 40_000;
    }

    @Override
    protected long thisProcess() {
        return SELF;
    }

    @Override
    protected AutoCloseable listenHere(int port) {
        fake.listen(port, new PortListener("127.0.0.1", List.of(new ListeningProcess(SELF, SELF, "java -jar tests.jar"))));
        return () -> fake.close(port);
    }

    @Override
    protected ListeningChild startListeningChild(int port) {
        long pid = nextChild++;
        fake.listen(port, new PortListener("127.0.0.1", List.of(new ListeningProcess(pid, pid, "python3 -m http.server " + port))));
        return new ListeningChild() {
            @Override
            public long pid() {
                return pid;
            }

            @Override
            public String commandWord() {
                return "http.server";
            }

            @Override
            public void close() {
                fake.close(port);
            }
        };
    }

    /** Beyond the contract: the fake can play a host without /proc. */
    @Test
    void aHostThatCannotTellSaysSo() {
        fake.cannotTell();

        ListenerScan scan = fake.scan(PortNumber.of(40_000));

        assertThat(scan.known()).isFalse();
        assertThat(scan.listeners()).isEmpty();
    }
}
