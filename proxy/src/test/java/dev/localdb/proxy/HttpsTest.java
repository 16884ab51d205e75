package dev.localdb.proxy;

import static dev.localdb.proxy.ProxyFixture.running;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a local CA, a certificate per name by SNI, HTTP/2 and HTTP/1.1 by ALPN. */
class HttpsTest {
    @TempDir
    Path home;
    private final ProxyFixture fixture = new ProxyFixture();
    private ProxyServer proxy;
    private Backend shop;
    private SSLContext trustingTheCa;

    @BeforeEach
    void start() throws Exception {
        shop = fixture.backend("shop");
        fixture.routes(running("shop.localhost", "shop", shop.port()));
        proxy = fixture.start(home.resolve("ca"));
        trustingTheCa = trusting(proxy.caCertificate());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void theCaIsPrivateAndSurvivesARestart() throws Exception {
        Path ca = home.resolve("ca");
        assertThat(proxy.caCertificate()).isEqualTo(ca.resolve("ca.pem"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca.pem")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.resolve("ca-key.pem")))).isEqualTo("rw-------");
        byte[] before = Files.readAllBytes(ca.resolve("ca.pem"));
        fixture.close();

        ProxyServer again = fixture.start(ca);

        assertThat(Files.readAllBytes(again.caCertificate())).isEqualTo(before);
        X509Certificate certificate = certificate(again.caCertificate());
        assertThat(certificate.getBasicConstraints()).isEqualTo(0);
        // The name constraints extension: the CA can vouch for localhost names only.
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.30");
    }

    @Test
    void http11OverTlsWithACertificateForTheName() throws Exception {
        try (SSLSocket socket = tlsSocket("shop.localhost", "http/1.1")) {
            socket.getOutputStream().write(RawHttp.get("shop.localhost", "/tls").getBytes(StandardCharsets.US_ASCII));
            String response = new String(readResponse(socket.getInputStream()), StandardCharsets.UTF_8);

            assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.1");
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "shop.localhost"));
            assertThat(response).startsWith("HTTP/1.1 200").contains("x-forwarded-proto: https").contains("uri: /tls");
        }
    }

    @Test
    void http2ByAlpnForwardsThroughTheSameEngine() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheCa).version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI base = URI.create("https://shop.localhost:" + proxy.httpsPort());

        HttpResponse<String> get = client.send(HttpRequest.newBuilder(base.resolve("/h2?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/upload"))
                .POST(HttpRequest.BodyPublishers.ofString("over h2")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(get.statusCode()).isEqualTo(200);
        Map<String, String> seen = Backend.seen(get.body());
        assertThat(seen).containsEntry("uri", "/h2?x=1").containsEntry("host", "shop.localhost:" + proxy.httpsPort())
                .containsEntry("x-forwarded-proto", "https");
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(Backend.body(post.body())).isEqualTo("over h2");
    }

    @Test
    void pagesOverHttp2LinkWithHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheCa).version(HttpClient.Version.HTTP_2).build();

        HttpResponse<String> index = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + proxy.httpsPort() + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(index.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("https://shop.localhost:" + proxy.httpsPort() + "/");
    }

    @Test
    void aForeignNameGetsNoCertificateOfItsOwnAndIsRefused() throws Exception {
        try (SSLSocket socket = tlsSocket("example.com", "http/1.1")) {
            socket.getOutputStream().write(RawHttp.get("example.com", "/").getBytes(StandardCharsets.US_ASCII));
            String response = new String(readResponse(socket.getInputStream()), StandardCharsets.UTF_8);

            // The JDK falls back from the SNI name to the socket's host name ("localhost") to check it.
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(leaf.getSubjectAlternativeNames()).contains(List.of(2, "localhost")).doesNotContain(List.of(2, "example.com"));
            assertThat(response).startsWith("HTTP/1.1 421");
        }
    }

    private SSLSocket tlsSocket(String serverName, String protocol) throws Exception {
        SSLSocket socket = (SSLSocket) trustingTheCa.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), proxy.httpsPort());
        socket.setSoTimeout(20_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name serverName
        parameters.setApplicationProtocols(new String[] {protocol});
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** Reads one Content-Length response whole. */
    private static byte[] readResponse(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        String lower = head.toString().toLowerCase();
        int at = lower.indexOf("content-length:");
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        return (head + new String(in.readNBytes(length), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("localdb", certificate(caPem));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
