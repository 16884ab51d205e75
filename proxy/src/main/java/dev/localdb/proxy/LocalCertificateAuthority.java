package dev.localdb.proxy;

import dev.localdb.files.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local certificate authority behind HTTPS: made once in the CA folder ({@code ca.pem} and
 * {@code ca-key.pem}, both 0600, folder 0700), then it issues a certificate per name on demand.
 * The CA is name-constrained to {@code localhost}, {@code *.localhost} and the loopback addresses,
 * so a user who trusts it trusts nothing else, even if its key were stolen.
 */
final class LocalCertificateAuthority {
    static final String CERTIFICATE_FILE = "ca.pem";
    static final String KEY_FILE = "ca-key.pem";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Apple's limit for a server certificate's lifetime (398 days), with a day to spare. */
    private static final Duration LEAF_VALIDITY = Duration.ofDays(397);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key and the certificate chain (leaf, then CA) that goes with it. */
    record Issued(PrivateKey key, X509Certificate leaf, X509Certificate ca) {
    }

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Path certificateFile;

    private LocalCertificateAuthority(X509Certificate certificate, PrivateKey key, Path certificateFile) {
        this.certificate = certificate;
        this.key = key;
        this.certificateFile = certificateFile;
    }

    /** Reads the CA from {@code directory}, making it first when it does not exist (under a lock: proxies may start together). */
    static LocalCertificateAuthority loadOrCreate(Path directory) {
        try {
            PrivateFiles.ensurePrivateDirectory(directory);
            Path lockFile = directory.resolve("ca.lock");
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.fileAttributes(directory))) {
                // Held until the channel closes: a second proxy starting now waits, then reads this CA.
                FileLock lock = channel.lock();
                assert lock.isValid();
                PrivateFiles.restrictToOwner(lockFile); // one an older version made without 0600
                Path certificateFile = directory.resolve(CERTIFICATE_FILE);
                Path keyFile = directory.resolve(KEY_FILE);
                if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
                    return new LocalCertificateAuthority(readCertificate(certificateFile), readKey(keyFile), certificateFile);
                }
                KeyPair pair = newKeyPair();
                X509Certificate certificate = selfSigned(pair);
                // The key first: a certificate without its key would be useless after a crash.
                PrivateFiles.replace(keyFile, ascii(pem(new JcaPKCS8Generator(pair.getPrivate(), null))));
                PrivateFiles.replace(certificateFile, ascii(pem(certificate)));
                return new LocalCertificateAuthority(certificate, pair.getPrivate(), certificateFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local CA in " + directory + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot read or create the local CA in " + directory + ": " + e.getMessage(), e);
        }
    }

    Path certificateFile() {
        return certificateFile;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A fresh key and certificate for one name; {@code localhost} also covers 127.0.0.1 and ::1. */
    Issued issue(String host) {
        try {
            KeyPair pair = newKeyPair();
            Instant now = Instant.now();
            X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(LEAF_VALIDITY)),
                    new X500Name("CN=" + host), pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            List<GeneralName> names = new ArrayList<>();
            names.add(new GeneralName(GeneralName.dNSName, host));
            if (host.equals("localhost")) {
                names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
                names.add(new GeneralName(GeneralName.iPAddress, "::1"));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate leaf = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
            return new Issued(pair.getPrivate(), leaf, certificate);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + host + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair) throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        String user = System.getProperty("user.name", "user");
        X500Name subject = new X500Name("CN=localdb development CA (" + user.replaceAll("[^A-Za-z0-9._-]", "_") + "),O=localdb");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), subject, pair.getPublic());
        byte[] ipv4Loopback = {127, 0, 0, 0, (byte) 255, 0, 0, 0};
        byte[] ipv6Loopback = new byte[32];
        ipv6Loopback[15] = 1;
        for (int i = 16; i < 32; i++) {
            ipv6Loopback[i] = (byte) 0xff;
        }
        NameConstraints constraints = new NameConstraints(new GeneralSubtree[] {
                new GeneralSubtree(new GeneralName(GeneralName.dNSName, "localhost")),
                new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(ipv4Loopback))),
                new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(ipv6Loopback)))}, null);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.nameConstraints, true, constraints)
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    /** EC P-256: every browser takes it, and a key takes a millisecond, so names are issued on the event loop. */
    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    /** PEM text; the key as PKCS#8 ("PRIVATE KEY"), which openssl, certutil and the JDK all read. */
    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().getCertificate(holder);
            }
            throw new IOException(file + " holds no certificate; delete the CA folder to make a new CA");
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException(file + " holds no private key; delete the CA folder to make a new CA");
        }
    }

    private static byte[] ascii(String pem) {
        return pem.getBytes(StandardCharsets.US_ASCII);
    }
}
