package dev.localdb.domain.fake;

import dev.localdb.domain.contract.PortProbeContract;
import dev.localdb.domain.port.PortProbe;

/** The fake probe keeps the same promises as the socket probe. */
class FakePortProbeContractTest extends PortProbeContract {
    private final FakePortProbe fake = new FakePortProbe().occupyRange(1, 1023);

    @Override
    protected PortProbe newProbe() {
        return fake;
    }

    @Override
    protected AutoCloseable occupy(int port) {
        fake.occupy(port);
        return () -> fake.free(port);
    }

    @Override
    protected int freePortCandidate() {
        return 40_000;
    }
}
