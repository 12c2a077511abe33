package io.relaybox.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The security files of an Elasticsearch configuration folder: the file realm's {@code users} and {@code users_roles}
 * (a PBKDF2 hash, so no Elasticsearch tool has to run), and the HTTP certificate and key as PEM, made with the JDK's
 * {@code keytool}.
 */
final class ElasticsearchSecurityFiles {

    /** Relative to the configuration folder, as {@code elasticsearch.yml} names them. */
    static final String CERTIFICATE = "certs/http.crt";
    static final String KEY = "certs/http.key";
    /** The role of the monitoring user: cluster and index statistics, nothing else. */
    static final String MONITOR_ROLE = "relaybox_monitor";
    private static final int PBKDF2_ITERATIONS = 10_000;
    private static final String ALIAS = "http";

    private final Path config;
    private final RunAs runAs;

    ElasticsearchSecurityFiles(Path config, RunAs runAs) {
        this.config = config;
        this.runAs = runAs;
    }

    /**
     * Writes the users of the file realm: the user as {@code superuser} and the monitoring user with
     * {@value #MONITOR_ROLE}, defined in {@code roles.yml}; nobody when security is off.
     */
    void writeUsers(ElasticsearchServer.Security security) throws IOException {
        StringBuilder users = new StringBuilder();
        StringBuilder usersRoles = new StringBuilder();
        StringBuilder roles = new StringBuilder();
        security.user().ifPresent(user -> {
            users.append(user.user()).append(':').append(hash(user.password())).append('\n');
            usersRoles.append("superuser:").append(user.user()).append('\n');
        });
        security.monitor().ifPresent(monitor -> {
            users.append(monitor.user()).append(':').append(hash(monitor.password())).append('\n');
            usersRoles.append(MONITOR_ROLE).append(':').append(monitor.user()).append('\n');
            roles.append(MONITOR_ROLE).append(":\n")
                    .append("  cluster: [monitor]\n")
                    .append("  indices:\n")
                    .append("    - names: ['*']\n")
                    .append("      privileges: [monitor, view_index_metadata]\n");
        });
        writePrivately(config.resolve("users"), users.toString());
        writePrivately(config.resolve("users_roles"), usersRoles.toString());
        writePrivately(config.resolve("roles.yml"), roles.toString());
    }

    /** Makes the self-signed HTTP certificate (for 127.0.0.1 and localhost) unless it exists; copies it to {@code caCopy}. */
    void ensureCertificate(Path caCopy) throws IOException {
        Path certificate = config.resolve(CERTIFICATE);
        Path key = config.resolve(KEY);
        if (!Files.exists(certificate) || !Files.exists(key)) {
            runAs.createPrivateDirectory(certificate.getParent());
            Path keyStore = Files.createTempFile("relaybox-es-http", ".p12");
            char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
            try {
                Files.delete(keyStore);
                keytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(),
                        "-storetype", "PKCS12", "-storepass", new String(password)));
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStore)) {
                    store.load(in, password);
                }
                Key privateKey = store.getKey(ALIAS, password);
                writePrivately(key, pem("PRIVATE KEY", privateKey.getEncoded()));
                writePrivately(certificate, pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new PlatformException("cannot make Elasticsearch's HTTP certificate: " + e.getMessage(), e);
            } finally {
                Files.deleteIfExists(keyStore);
            }
        }
        Files.copy(certificate, caCopy, StandardCopyOption.REPLACE_EXISTING);
        runAs.giveTo(caCopy);
    }

    /** An SSL context that trusts the PEM certificate(s) of the file. */
    static SSLContext trusting(Path pemCertificates) {
        try (InputStream in = Files.newInputStream(pemCertificates)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new PlatformException("cannot read the CA certificate " + pemCertificates + ": " + e.getMessage(), e);
        }
    }

    /** The file realm's PBKDF2 format: {@code {PBKDF2}<iterations>$<salt>$<hash>}, HMAC-SHA512, 256-bit key. */
    static String hash(String password) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return hash(password, salt);
    }

    static String hash(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, PBKDF2_ITERATIONS, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "{PBKDF2}" + PBKDF2_ITERATIONS + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new PlatformException("this JDK cannot hash with PBKDF2WithHmacSHA512: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private void writePrivately(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        runAs.giveTo(file);
    }

    private static void keytool(List<String> arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
                run.destroyForcibly();
                throw new PlatformException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while making Elasticsearch's certificate", e);
        }
    }
}
