package io.farmhub.notify.eventgrid;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway certificate for 127.0.0.1, made once per test JVM with the JDK's keytool into a temporary PKCS12
 * store: the local HTTPS endpoint serves it, and the SDK's Netty client trusts exactly it (nothing else is
 * loosened, hostname verification included).
 */
final class TestCertificate {

    private static final char[] PASSWORD = "farmhub-test".toCharArray();
    private static TestCertificate instance;

    private final KeyStore keyStore;

    private TestCertificate(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    static synchronized TestCertificate get() {
        if (instance == null) {
            instance = generate();
        }
        return instance;
    }

    SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        return ssl;
    }

    X509Certificate certificate() throws GeneralSecurityException {
        return (X509Certificate) keyStore.getCertificate("eventgrid");
    }

    /** The SDK transport (Netty, as in production) trusting only this certificate. */
    HttpClient azureHttpClient() {
        try {
            SslContext trust = SslContextBuilder.forClient().trustManager(certificate()).build();
            return new NettyAsyncHttpClientBuilder(
                    reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(trust))).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the test HTTP client", e);
        }
    }

    private static TestCertificate generate() {
        try {
            Path dir = Files.createTempDirectory("farmhub-eventgrid-tls");
            Path store = dir.resolve("eventgrid.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "eventgrid", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD);
            }
            Files.delete(store);
            Files.delete(dir);
            return new TestCertificate(ks);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
