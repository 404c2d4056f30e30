package io.farmhub.notify.eventgrid;

import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.models.CloudEvent;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import com.azure.messaging.eventgrid.EventGridPublisherClientBuilder;
import io.farmhub.notify.Topic;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds one SDK publisher per configured topic from {@link EventGridProperties}. */
final class EventGridClients {

    private EventGridClients() {
    }

    /**
     * @param httpClient the transport, or null for the SDK's default (tests pass one that trusts their certificate)
     * @throws IllegalStateException naming the property when the configuration cannot work
     */
    static Map<Topic, EventGridPublisherClient<CloudEvent>> build(EventGridProperties props, HttpClient httpClient) {
        Map<Topic, EventGridPublisherClient<CloudEvent>> clients = new EnumMap<>(Topic.class);
        props.topics().forEach((name, endpoint) -> {
            Topic topic = topic(name);
            if (endpoint == null || endpoint.endpoint() == null || endpoint.endpoint().isBlank()) {
                return; // listed without an endpoint: treated as not configured
            }
            clients.put(topic, client(name, endpoint, props.retry(), httpClient));
        });
        return clients;
    }

    private static EventGridPublisherClient<CloudEvent> client(
            String name, EventGridProperties.TopicEndpoint endpoint, EventGridProperties.Retry retry, HttpClient http) {
        String url = endpoint.endpoint().trim();
        if (endpoint.hasKey() && !url.regionMatches(true, 0, "https://", 0, 8)) {
            // The SDK refuses too, but only at the first send; a misconfiguration should stop the start.
            throw new IllegalStateException("farmhub.notify.eventgrid.topics." + name + ".endpoint must be https:// "
                    + "when a key is set (the key would travel in clear), got " + url);
        }
        EventGridPublisherClientBuilder builder = new EventGridPublisherClientBuilder()
                .endpoint(url)
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions()
                        .setMaxRetries(retry.maxRetries())
                        .setBaseDelay(retry.baseDelay())
                        .setMaxDelay(retry.maxDelay())));
        if (endpoint.hasKey()) {
            builder.credential(new AzureKeyCredential(endpoint.key()));
        } else {
            builder.credential(new DefaultAzureCredentialBuilder().build());
        }
        if (http != null) {
            builder.httpClient(http);
        }
        try {
            return builder.buildCloudEventPublisherClient();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("farmhub.notify.eventgrid.topics." + name + ".endpoint is not usable: "
                    + e.getMessage(), e);
        }
    }

    private static Topic topic(String name) {
        try {
            return Topic.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("farmhub.notify.eventgrid.topics." + name + " names no topic; the topics are "
                    + Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.joining(", ")));
        }
    }
}
