package dev.localdb.proxy;

import java.nio.file.Path;

/**
 * The local CA's certificate file, for {@code localdb proxy trust}: the one the proxy uses,
 * made the way the proxy makes it (same lock, same name constraints) when it does not exist yet.
 */
public final class CaCertificate {
    private CaCertificate() {
    }

    /** {@code ca.pem} in {@code caDirectory}, the CA made first when there is none. */
    public static Path loadOrCreate(Path caDirectory) {
        return LocalCertificateAuthority.loadOrCreate(caDirectory).certificateFile();
    }

    /** Where {@code ca.pem} is (or would be), without making it: {@code untrust} must not make a CA. */
    public static Path file(Path caDirectory) {
        return caDirectory.resolve(LocalCertificateAuthority.CERTIFICATE_FILE);
    }
}
