package io.relaybox.connect.elasticsearch.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.connect.errors.ConnectException;

/** The SSL context of the connection: trusting a PEM CA file, a trust store, or the JVM's defaults. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext of(ConnectionSettings settings) {
        try {
            if (settings.caCertificate().isPresent()) {
                return trusting(pemTrustStore(Path.of(settings.caCertificate().get())));
            }
            if (settings.truststore().isPresent()) {
                Path file = Path.of(settings.truststore().get());
                KeyStore store = KeyStore.getInstance(settings.truststoreType());
                char[] password = settings.truststorePassword().map(p -> p.value().toCharArray()).orElse(null);
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
                return trusting(store);
            }
            return SSLContext.getDefault();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectException("cannot set up TLS for Elasticsearch: " + e.getMessage(), e);
        }
    }

    /** A trust store holding every certificate of the PEM file. */
    static KeyStore pemTrustStore(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(pem + " holds no PEM certificate");
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }

    private static SSLContext trusting(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
