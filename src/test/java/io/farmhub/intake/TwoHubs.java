package io.farmhub.intake;

import io.farmhub.FarmHubApplication;
import io.farmhub.azure.Azurite;
import io.farmhub.eventstore.EventStore;
import io.farmhub.schedules.StoreQueries;
import io.farmhub.security.ApiKey;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Whole hubs with the azure profile, each its own Spring and Camel context, all on one Azurite and on the same
 * containers, as several instances of the hub share one storage account. Queries go through {@link StoreQueries},
 * standing in for the query engine (issue 5) that is not in this build.
 */
public final class TwoHubs {

    private final Map<String, String> containers = new HashMap<>();

    public TwoHubs() {
        for (String name : new String[] {"inbox", "archive", "errors", "events", "index", "reports", "locks"}) {
            containers.put(name, Azurite.uniqueContainerName(name));
        }
    }

    public String container(String name) {
        return containers.get(name);
    }

    @TestConfiguration
    static class Engine {
        @Bean
        StoreQueries queries(EventStore store) {
            return new StoreQueries(store);
        }
    }

    /** What {@code @SpringBootTest} leaves out of the scan: the other tests' own configurations. */
    public static final class NoTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NoTestConfigurations;
        }

        @Override
        public int hashCode() {
            return NoTestConfigurations.class.hashCode();
        }
    }

    /** Starts a hub; {@code extra} are further {@code name=value} settings. */
    public ConfigurableApplicationContext start(String hub, String... extra) {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("camel.main.name", hub);
        properties.put("farmhub.data-dir", "target/test-data/two-hubs-" + System.nanoTime() + "-" + hub);
        properties.put("farmhub.azure.storage.connection-string", Azurite.get().connectionString());
        properties.put("farmhub.routes.inbox", blob("inbox"));
        properties.put("farmhub.inbox.poll-delay", "200");
        properties.put("farmhub.routes.inbox-archive", blob("archive"));
        properties.put("farmhub.routes.command-errors", blob("errors"));
        properties.put("farmhub.routes.reports", blob("reports"));
        properties.put("farmhub.routes.schedule-locks", blob("locks"));
        properties.put("farmhub.eventstore.appendblob.container", container("events"));
        properties.put("farmhub.commands.index.container", container("index"));
        properties.put("farmhub.commands.errors.container", container("errors"));
        properties.put("farmhub.inbox.lease-seconds", "15");
        properties.put("farmhub.security.users.mary.api-key-sha256", ApiKey.sha256Hex("mary-key"));
        properties.put("farmhub.security.users.mary.roles", "farm-manager");
        for (String setting : extra) {
            properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        return new SpringApplicationBuilder(FarmHubApplication.class, Engine.class)
                .profiles("azure")
                // Keep other tests' @TestConfiguration classes out of the scan, as @SpringBootTest does.
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testTypeExcludeFilter", new NoTestConfigurations()))
                // As command-line arguments: they outrank the profile's own files, as an operator's settings do.
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private String blob(String name) {
        return "azure-storage-blob://farmhub/" + container(name) + "?serviceClient=#blobServiceClient";
    }
}
