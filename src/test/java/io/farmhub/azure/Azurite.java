package io.farmhub.azure;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Azure Storage emulator for Azure-facing tests: one Azurite blob service per test JVM, started on first
 * use on a free port with its data in a temporary folder, stopped when the JVM exits.
 *
 * <p>The build installs Azurite with npm into {@code infra/local} and tells surefire where
 * ({@code farmhub.azurite.dir}). If Azurite cannot start, every test that needs it fails with the reason: an
 * Azure test that silently skips would let a broken Azure path ship.
 *
 * <p>Plain JUnit: {@code Azurite.get().blobServiceClient()}. Spring Boot tests:
 * <pre>{@code
 * @DynamicPropertySource
 * static void azurite(DynamicPropertyRegistry registry) { Azurite.register(registry); }
 * }</pre>
 */
public final class Azurite {

    /** Azurite's published development account and key (public knowledge, not a secret). */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static Azurite instance;

    private final Process process;
    private final int port;
    private final Path location;

    private Azurite(Process process, int port, Path location) {
        this.process = process;
        this.port = port;
        this.location = location;
    }

    /** The JVM's Azurite, started on first call. */
    public static synchronized Azurite get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "azurite-stop"));
        }
        return instance;
    }

    /** Points the azure profile's storage properties at this JVM's Azurite. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("farmhub.azure.storage.connection-string", () -> get().connectionString());
    }

    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=" + blobEndpoint() + ";";
    }

    /** A builder already pointed at Azurite, for tests that add their own pipeline policies. */
    public BlobServiceClientBuilder clientBuilder() {
        return new BlobServiceClientBuilder().connectionString(connectionString());
    }

    public BlobServiceClient blobServiceClient() {
        return clientBuilder().buildClient();
    }

    /** A container name no other test uses, so tests sharing the JVM's Azurite never see each other's blobs. */
    public static String uniqueContainerName(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().replace("-", "");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private static Azurite start() {
        Path main = azuriteMain();
        IllegalStateException last = null;
        // A free port can be taken by another process between probing and binding; try again on a new one.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOn(main, freePort());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Azurite startOn(Path main, int port) {
        Path location;
        Process process;
        try {
            location = Files.createTempDirectory("farmhub-azurite-");
            Path log = location.resolve("azurite.log");
            process = new ProcessBuilder(command(main, port, location))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Azurite could not be started with '" + node() + "' (is Node.js 18+ on the PATH?): "
                    + e.getMessage(), e);
        }
        Azurite azurite = new Azurite(process, port, location);
        try {
            Awaitility.await("Azurite answering on port " + port)
                    .atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Azurite exited with code " + process.exitValue()
                                    + ": " + azurite.output());
                        }
                        return azurite.answers();
                    });
        } catch (ConditionTimeoutException e) {
            azurite.stop();
            throw new IllegalStateException("Azurite did not answer on port " + port + " within "
                    + STARTUP_TIMEOUT.toSeconds() + " s: " + azurite.output(), e);
        } catch (RuntimeException e) {
            azurite.stop();
            throw new IllegalStateException(e.getMessage(), e);
        }
        return azurite;
    }

    /**
     * How Azurite is started: on the loopback, and with {@code --disableTelemetry}, since by default Azurite 3.37
     * reports to Application Insights and the cloud metadata address; tests talk to 127.0.0.1 only.
     */
    static List<String> command(Path main, int port, Path location) {
        return List.of(node(), main.toString(),
                "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port),
                "--location", location.toString(), "--silent", "--skipApiVersionCheck", "--loose",
                "--disableTelemetry");
    }

    /** The command line the running Azurite was started with, as the operating system reports it. */
    List<String> commandLine() {
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(blobEndpoint() + "?comp=list")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() > 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String output() {
        try {
            String text = Files.readString(location.resolve("azurite.log"), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(no output)" : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(location);
    }

    private static Path azuriteMain() {
        Path dir = Path.of(System.getProperty("farmhub.azurite.dir", "infra/local")).toAbsolutePath().normalize();
        Path main = dir.resolve("node_modules/azurite/dist/src/blob/main.js");
        if (!Files.isRegularFile(main)) {
            throw new IllegalStateException("Azurite is not installed in " + dir
                    + ": run './mvnw generate-test-resources' (it runs 'npm ci' there) and try again.");
        }
        return main;
    }

    private static String node() {
        return System.getProperty("farmhub.node", "node");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Azurite", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp folder is harmless; the JVM is exiting.
        }
    }
}
