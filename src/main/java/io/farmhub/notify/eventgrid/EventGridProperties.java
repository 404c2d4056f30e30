package io.farmhub.notify.eventgrid;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code farmhub.notify.eventgrid.*}: one custom topic per notification topic, keyed by its name
 * ({@code farm-events}, {@code farm-projections}, {@code farm-commands}).
 *
 * @param enabled turns on the webhook and the inbound routes (the azure profile sets it)
 * @param topics endpoint and access key per topic; a blank key means {@code DefaultAzureCredential}
 * @param retry the SDK's exponential back-off for transient failures (408, 429, 5xx, I/O)
 * @param publisherThreads threads that send to Event Grid, so appenders never wait on the network
 * @param queueCapacity publish calls that may wait for a thread; beyond it a call is dropped, logged and counted
 */
@ConfigurationProperties("farmhub.notify.eventgrid")
public record EventGridProperties(
        @DefaultValue("false") boolean enabled,
        Map<String, TopicEndpoint> topics,
        @DefaultValue Retry retry,
        @DefaultValue("2") int publisherThreads,
        @DefaultValue("1000") int queueCapacity) {

    public EventGridProperties {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        retry = retry == null ? new Retry(5, Duration.ofMillis(800), Duration.ofSeconds(30)) : retry;
    }

    /** A custom topic's endpoint, e.g. {@code https://farm-events.westeurope-1.eventgrid.azure.net/api/events}. */
    public record TopicEndpoint(String endpoint, String key) {

        boolean hasKey() {
            return key != null && !key.isBlank();
        }
    }

    public record Retry(
            @DefaultValue("5") int maxRetries,
            @DefaultValue("800ms") Duration baseDelay,
            @DefaultValue("30s") Duration maxDelay) {
    }
}
