package dev.localdb.testsuite.architecture.canary.proxy;

import dev.localdb.testsuite.architecture.canary.domain.port.CanaryPortBook;
import io.netty.util.AsciiString;
import org.bouncycastle.asn1.x500.X500Name;

/** Clean: the proxy runs its own engine (Netty, BouncyCastle) from the domain port it is given. */
public final class CanaryProxy {
    private final CanaryPortBook book;

    public CanaryProxy(CanaryPortBook book) {
        this.book = book;
    }

    public String route(String host) {
        return new AsciiString(host) + " " + new X500Name("CN=" + host) + book.find(host).isPresent();
    }
}
