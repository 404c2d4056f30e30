package io.farmhub.notify.eventgrid;

import io.farmhub.notify.NotificationMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import io.farmhub.core.Json;
import io.farmhub.notify.Notification;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The azure profile's notification loop with local HTTPS endpoints playing Event Grid: the hub's notifier
 * publishes to its topics; each topic, subscribed to the hub's webhook after both validation handshakes,
 * pushes what it accepted back; the inbound routes put it on the in-process topic endpoints.
 */
@SpringBootTest(classes = EventGridRoundTripTest.Hub.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"farmhub.notify.eventgrid.enabled=true", "farmhub.notify.webhook.secret=" + EventGridRoundTripTest.SECRET,
                "camel.main.routes-include-pattern=classpath:routes/notifications-eventgrid.yaml"})
@ActiveProfiles("azure")
class EventGridRoundTripTest {

    static final String SECRET = "round-trip-s3cret";
    static final String KEY = "round-trip-topic-key";
    static final LocalEventGridTopic FARM_EVENTS = LocalEventGridTopic.start(KEY);
    static final LocalEventGridTopic FARM_COMMANDS = LocalEventGridTopic.start(KEY);

    /** The notifier, its webhook and routes; the SDK's Netty transport trusts the test certificate. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableConfigurationProperties({WebhookProperties.class, EventGridProperties.class})
    @Import({EventGridWebhook.class, EventGridNotifier.class, EventGridCounters.class, EventGridHealthIndicator.class})
    static class Hub {
        @Bean("eventGridHttpClient")
        HttpClient eventGridHttpClient() {
            return TestCertificate.get().azureHttpClient();
        }
    }

    @DynamicPropertySource
    static void topics(DynamicPropertyRegistry registry) {
        registry.add("farmhub.notify.eventgrid.topics.farm-events.endpoint", FARM_EVENTS::endpoint);
        registry.add("farmhub.notify.eventgrid.topics.farm-events.key", () -> KEY);
        registry.add("farmhub.notify.eventgrid.topics.farm-commands.endpoint", FARM_COMMANDS::endpoint);
        registry.add("farmhub.notify.eventgrid.topics.farm-commands.key", () -> KEY);
    }

    @AfterAll
    static void stopTopics() {
        FARM_EVENTS.close();
        FARM_COMMANDS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    Notifier notifier;

    @Test
    void notifications_go_through_event_grid_and_come_back_through_the_webhook() throws Exception {
        EventGridSubscription events = EventGridSubscription.create(FARM_EVENTS, webhook("farm-events", SECRET));
        EventGridSubscription commands = EventGridSubscription.create(FARM_COMMANDS, webhook("farm-commands", SECRET));
        NotifyBuilder eventsIn = new NotifyBuilder(camel).fromRoute("eventgrid-farm-events").whenDone(2).create();
        NotifyBuilder commandsIn = new NotifyBuilder(camel).fromRoute("eventgrid-farm-commands").whenDone(1).create();
        List<Notification> appended = List.of(appended("e-1", 4), appended("e-2", 5));
        Notification commandState = new Notification("c-1", "farm.command-state-changed", "/farmhub/command/RelocateAnimal",
                "RelocateAnimal/cmd-1", Instant.parse("2026-11-27T05:01:03Z"),
                Json.MAPPER.readTree("{\"commandId\": \"cmd-1\", \"state\": \"COMPLETED\"}"));

        notifier.publish(Topic.FARM_EVENTS, appended);
        notifier.publish(Topic.FARM_COMMANDS, List.of(commandState));

        assertThat(eventsIn.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(commandsIn.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(received("seda:farm-events")).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(received("seda:farm-commands")).containsExactly(commandState);
        assertThat(FARM_EVENTS.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("aeg-sas-key")).isEqualTo(KEY));
        // The route can finish before the webhook's answer reaches the sender that records it.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> events.deliveryStatuses().size() == 2
                && commands.deliveryStatuses().size() == 1);
        assertThat(events.deliveryStatuses()).containsExactly(202, 202);
        assertThat(commands.deliveryStatuses()).containsExactly(202);
        assertThat(notifierHealth()).isEqualTo("UP");
    }

    @Test
    void a_subscription_with_the_wrong_secret_fails_its_handshake() {
        assertThatThrownBy(() -> EventGridSubscription.create(FARM_EVENTS, webhook("farm-events", "guess")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("401");
    }

    private Notification appended(String id, int version) throws Exception {
        return new Notification(id, "farm.event-appended", "/farmhub/farm/cow", "cow/IE12345670012",
                Instant.parse("2026-11-27T05:01:02.123Z"), Json.MAPPER.readTree("{\"stream\": \"farm/cow/IE12345670012\", "
                        + "\"version\": " + version + ", \"eventType\": \"AnimalRelocated\", \"correlationId\": \"cmd-1\"}"));
    }

    private List<Notification> received(String uri) {
        return NotificationMessages.queued(camel.getEndpoint(uri, SedaEndpoint.class));
    }

    private String notifierHealth() throws Exception {
        HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(health.body()).path("components").path("notifier").path("status").asText();
    }

    private URI webhook(String topic, String secret) {
        return URI.create("http://127.0.0.1:" + port + "/api/eventgrid/" + topic + "?code=" + secret);
    }
}
