package dev.localdb.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy ships BoringSSL for Linux x86-64 (proxy/pom.xml); there its handshakes must not fall
 * back to the JDK's TLS unnoticed (far fewer handshakes per second: docs/BENCHMARKS.md).
 */
class TlsProviderTest {
    @TempDir
    Path caFolder;

    @Test
    void handshakesGoThroughBoringSslWhereItsNativeLibraryIsShipped() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")), "BoringSSL is shipped for Linux x86-64 only");

        assertThat(OpenSsl.isAvailable()).as("BoringSSL loads: %s", OpenSsl.unavailabilityCause()).isTrue();
        assertThat(SniCertificates.PROVIDER).isEqualTo(SslProvider.OPENSSL);
        assertThat(new SniCertificates(LocalCertificateAuthority.loadOrCreate(caFolder.resolve("ca"))).map("shop.localhost").getClass().getSimpleName()).contains("OpenSsl");
    }
}
