package io.farmhub.notify.eventgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.farmhub.notify.Notification;
import io.farmhub.notify.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** How configuration switches the Event Grid parts on and off, and how a wrong one stops the start with a sentence. */
class EventGridConfigurationTest {

    private static final EventGridProperties.Retry FAST = new EventGridProperties.Retry(1, Duration.ofMillis(5), Duration.ofMillis(20));

    @Test
    void a_key_over_plain_http_stops_the_start_naming_the_property() {
        assertThatThrownBy(() -> notifier(Map.of("farm-events",
                new EventGridProperties.TopicEndpoint("http://farm-events.example/api/events", "k")), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("farmhub.notify.eventgrid.topics.farm-events.endpoint must be https://");
    }

    @Test
    void an_unknown_topic_name_stops_the_start_listing_the_topics() {
        assertThatThrownBy(() -> notifier(Map.of("farm-event",
                new EventGridProperties.TopicEndpoint("https://farm-events.example/api/events", "k")), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("farmhub.notify.eventgrid.topics.farm-event names no topic")
                .hasMessageContaining("farm-events, farm-projections, farm-commands");
    }

    @Test
    void without_a_key_the_publisher_authenticates_with_default_azure_credential_never_a_key() throws Exception {
        try (LocalEventGridTopic topic = LocalEventGridTopic.start(null)) {
            EventGridCounters counters = new EventGridCounters();
            EventGridNotifier notifier = notifier(Map.of("farm-events",
                    new EventGridProperties.TopicEndpoint(topic.endpoint(), "")), counters);

            EventGridNotifier.Delivery delivery = notifier.deliver(Topic.FARM_EVENTS,
                    List.of(new Notification("mi-1", "t", "/s", null, null, null)));
            notifier.destroy();

            assertThat(topic.requests()).noneMatch(r -> r.header("aeg-sas-key") != null);
            if (topic.requests().isEmpty()) { // no managed identity here: the credential fails, counted and logged
                assertThat(delivery.failed()).isEqualTo(1);
                assertThat(counters.lastFailure()).contains("DefaultAzureCredential");
            } else { // a machine with an Azure identity: the token is sent instead of a key
                assertThat(topic.requests()).allSatisfy(r -> assertThat(r.header("authorization")).startsWith("Bearer "));
            }
        }
    }

    @Test
    void the_webhook_exists_only_when_event_grid_is_enabled() {
        new WebApplicationContextRunner().withUserConfiguration(EventGridWebhook.class)
                .run(context -> assertThat(context).doesNotHaveBean(EventGridWebhook.class));
    }

    @Test
    void the_inbound_routes_start_only_when_event_grid_is_enabled() throws Exception {
        assertThat(inboundRouteStatus(null)).isEqualTo(ServiceStatus.Stopped);
        assertThat(inboundRouteStatus("false")).isEqualTo(ServiceStatus.Stopped);
        assertThat(inboundRouteStatus("true")).isEqualTo(ServiceStatus.Started);
    }

    private static ServiceStatus inboundRouteStatus(String enabled) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            if (enabled != null) {
                camel.getPropertiesComponent().addInitialProperty("farmhub.notify.eventgrid.enabled", enabled);
            }
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/notifications-eventgrid.yaml"));
            camel.start();
            return camel.getRouteController().getRouteStatus("eventgrid-farm-events");
        }
    }

    private static EventGridNotifier notifier(Map<String, EventGridProperties.TopicEndpoint> topics, EventGridCounters counters) {
        return new EventGridNotifier(new EventGridProperties(false, topics, FAST, 1, 1),
                counters == null ? new EventGridCounters() : counters, TestCertificate.get().azureHttpClient());
    }
}
