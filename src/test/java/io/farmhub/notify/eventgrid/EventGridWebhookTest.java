package io.farmhub.notify.eventgrid;

import io.farmhub.notify.NotificationMessages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import io.farmhub.notify.Notification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The webhook over real HTTP (Tomcat on a random port) with the inbound routes: both handshakes, the secret,
 * bad input as problem+json, and CloudEvents (single and batch) reaching the in-process topic endpoint.
 */
@SpringBootTest(classes = EventGridWebhookTest.Webhook.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"farmhub.notify.eventgrid.enabled=true", "farmhub.notify.webhook.secret=" + EventGridWebhookTest.SECRET,
                "camel.main.routes-include-pattern=classpath:routes/notifications-eventgrid.yaml"})
class EventGridWebhookTest {

    static final String SECRET = "webhook-s3cret";

    /** Only the webhook and its routes: no event store or other slice is needed to receive notifications. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableConfigurationProperties({WebhookProperties.class, EventGridProperties.class})
    @Import(EventGridWebhook.class)
    static class Webhook {
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void emptyTopics() {
        farmEvents().getQueue().clear();
    }

    @Test
    void answers_the_event_grid_subscription_validation_handshake() throws Exception {
        HttpResponse<String> answer = post("farm-events?code=" + SECRET, "application/json", """
                [{"id": "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66", "topic": "/subscriptions/0/topics/farm-events",
                  "subject": "", "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
                  "eventTime": "2026-11-27T05:00:00Z", "metadataVersion": "1", "dataVersion": "1",
                  "data": {"validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
                           "validationUrl": "https://rp-westeurope.eventgrid.azure.net/validate"}}]""");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(answer.body()))
                .isEqualTo(Json.MAPPER.readTree("{\"validationResponse\": \"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"}"));
    }

    @Test
    void answers_the_cloudevents_abuse_protection_handshake() throws Exception {
        HttpResponse<String> answer = options("farm-projections?code=" + SECRET, "eventgrid.azure.net");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("WebHook-Allowed-Origin")).hasValue("eventgrid.azure.net");
        assertThat(answer.headers().firstValue("WebHook-Allowed-Rate")).hasValue("*");
    }

    @Test
    void refuses_calls_without_the_secret_with_401_problem_json() throws Exception {
        for (HttpResponse<String> answer : List.of(
                post("farm-events", "application/cloudevents+json", event("e-1")),
                post("farm-events?code=wrong", "application/cloudevents+json", event("e-1")),
                options("farm-events", "eventgrid.azure.net"))) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
            assertThat(Json.MAPPER.readTree(answer.body()).path("status").asInt()).isEqualTo(401);
        }
        assertThat(farmEvents().getQueue()).isEmpty();
    }

    @Test
    void a_single_cloudevent_reaches_the_in_process_topic() throws Exception {
        NotifyBuilder forwarded = new NotifyBuilder(camel).fromRoute("eventgrid-farm-events").whenDone(1).create();

        HttpResponse<String> answer = post("farm-events?code=" + SECRET, "application/cloudevents+json; charset=utf-8",
                event("3f1c2b7e-0001"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(forwarded.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received()).containsExactly(new Notification("3f1c2b7e-0001", "farm.event-appended", "/farmhub/farm/cow",
                "cow/IE12345670012", Instant.parse("2026-11-27T05:01:02.123Z"),
                Json.MAPPER.readTree("{\"stream\":\"farm/cow/IE12345670012\",\"version\":4,\"eventType\":\"AnimalRelocated\","
                        + "\"correlationId\":\"cmd-1\"}")));
    }

    @Test
    void a_cloudevents_batch_reaches_the_in_process_topic_as_one_message() throws Exception {
        NotifyBuilder forwarded = new NotifyBuilder(camel).fromRoute("eventgrid-farm-events").whenDone(1).create();

        HttpResponse<String> answer = post("farm-events?code=" + SECRET, "application/cloudevents-batch+json",
                "[" + event("b-1") + "," + event("b-2") + "," + event("b-3") + "]");

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(forwarded.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received()).extracting(Notification::id).containsExactlyInAnyOrder("b-1", "b-2", "b-3");
        assertThat(farmEvents().getQueue()).as("one delivery, one message").hasSize(1);
    }

    @Test
    void bad_deliveries_are_refused_with_problem_json_and_nothing_is_forwarded() throws Exception {
        assertProblem(post("farm-events?code=" + SECRET, "application/cloudevents+json",
                event("x").replace("\"id\": \"x\",", "")), 400, "\"id\" is required");
        assertProblem(post("farm-events?code=" + SECRET, "application/cloudevents+json", "{not json"), 400, "not JSON");
        assertProblem(post("farm-events?code=" + SECRET, "text/plain", event("x")), 415, "text/plain");
        assertProblem(post("farm-events?code=" + SECRET, "application/json",
                "[{\"id\": \"1\", \"eventType\": \"Some.Other\", \"data\": {}}]"), 400, "CloudEvents 1.0 schema");
        assertProblem(post("farm-cows?code=" + SECRET, "application/cloudevents+json", event("x")), 404, "farm-cows");
        assertThat(farmEvents().getQueue()).isEmpty();
    }

    private void assertProblem(HttpResponse<String> answer, int status, String detail) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = Json.MAPPER.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).contains(detail);
    }

    private static String event(String id) {
        return """
                {"specversion": "1.0", "id": "%s", "type": "farm.event-appended", "source": "/farmhub/farm/cow",
                 "subject": "cow/IE12345670012", "time": "2026-11-27T05:01:02.123Z", "datacontenttype": "application/json",
                 "data": {"stream": "farm/cow/IE12345670012", "version": 4, "eventType": "AnimalRelocated",
                          "correlationId": "cmd-1"}}""".formatted(id);
    }

    private List<Notification> received() {
        return NotificationMessages.queued(farmEvents());
    }

    private SedaEndpoint farmEvents() {
        return camel.getEndpoint("seda:farm-events", SedaEndpoint.class);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> options(String path, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("WebHook-Request-Origin", origin)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + "/api/eventgrid/" + path);
    }
}
