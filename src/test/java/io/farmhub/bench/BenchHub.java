package io.farmhub.bench;

import io.farmhub.FarmHubApplication;
import io.farmhub.commands.CommandGateway;
import io.farmhub.security.ApiKey;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole hub, started inside the benchmark process as {@code ./mvnw spring-boot:run} would start it: the
 * embedded profile on a temporary data folder, a random HTTP port, and one configured farm-manager whose API key
 * the HTTP clients send.
 */
final class BenchHub implements AutoCloseable {

    static final String API_KEY = "bench-key-" + UUID.randomUUID();

    private final ConfigurableApplicationContext context;

    private BenchHub(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** {@code more}: further arguments (properties), after the bench's own so they may override them. */
    static BenchHub start(Path dataDir, String... more) {
        SpringApplication app = new SpringApplication(FarmHubApplication.class);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--farmhub.data-dir=" + dataDir.toAbsolutePath(),
                "--farmhub.security.users." + HerdWorkload.USER + ".api-key-sha256=" + ApiKey.sha256Hex(API_KEY),
                "--farmhub.security.users." + HerdWorkload.USER + ".roles=farm-manager",
                "--logging.level.root=WARN",
                "--logging.level.io.farmhub=WARN"));
        args.addAll(List.of(more));
        return new BenchHub(app.run(args.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    CommandGateway gateway() {
        return context.getBean(CommandGateway.class);
    }

    io.farmhub.eventstore.EventStore store() {
        return context.getBean(io.farmhub.eventstore.EventStore.class);
    }

    io.farmhub.projection.ProjectionCache projections() {
        return context.getBean(io.farmhub.projection.ProjectionCache.class);
    }

    /** Streams the read side has been told of and not caught up yet (how far it lags). */
    int projectionsBehind() {
        return context.getBean(io.farmhub.projection.ProjectionRunner.class).behind();
    }

    URI commandsUri() {
        return uri("/api/commands");
    }

    /** An address on the hub's web server, e.g. {@code /api/sensors/readings}. */
    URI uri(String path) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        context.close();
    }
}
