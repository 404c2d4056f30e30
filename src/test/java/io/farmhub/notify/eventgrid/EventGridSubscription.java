package io.farmhub.notify.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What Event Grid does when a webhook subscription is created on a topic, played against the hub over real
 * HTTP: first both validation handshakes (EventGridSchema {@code validationResponse} and the CloudEvents
 * {@code OPTIONS} abuse protection), and only if both succeed, push delivery of every event the topic accepts,
 * one CloudEvent per request ({@code application/cloudevents+json}), as Event Grid does without batching.
 */
final class EventGridSubscription {

    static final String ORIGIN = "eventgrid.azure.net";

    private final URI webhook;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Integer> deliveryStatuses = new CopyOnWriteArrayList<>();

    private EventGridSubscription(URI webhook) {
        this.webhook = webhook;
    }

    /** @throws IllegalStateException when the webhook fails a handshake (Event Grid would not create the subscription) */
    static EventGridSubscription create(LocalEventGridTopic topic, URI webhook) {
        EventGridSubscription subscription = new EventGridSubscription(webhook);
        subscription.validate();
        topic.subscribe(subscription::forward);
        return subscription;
    }

    List<Integer> deliveryStatuses() {
        return deliveryStatuses;
    }

    private void validate() {
        String code = UUID.randomUUID().toString();
        String validationEvent = """
                [{"id": "%s", "topic": "/subscriptions/0000/resourceGroups/farm/providers/Microsoft.EventGrid/topics/farm",
                  "subject": "", "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
                  "eventTime": "2026-11-27T05:00:00.000Z", "metadataVersion": "1", "dataVersion": "1",
                  "data": {"validationCode": "%s", "validationUrl": "https://rp.eventgrid.azure.net/validate?code=%s"}}]"""
                .formatted(UUID.randomUUID(), code, code);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(webhook)
                .header("Content-Type", "application/json")
                .header("aeg-event-type", "SubscriptionValidation")
                .POST(HttpRequest.BodyPublishers.ofString(validationEvent)).build());
        JsonNode response = answer.statusCode() == 200 ? json(answer.body()) : null;
        if (response == null || !code.equals(response.path("validationResponse").asText())) {
            throw new IllegalStateException("subscription validation failed: " + answer.statusCode() + " " + answer.body());
        }
        HttpResponse<String> options = send(HttpRequest.newBuilder(webhook)
                .header("WebHook-Request-Origin", ORIGIN)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        String allowed = options.headers().firstValue("WebHook-Allowed-Origin").orElse("");
        if (options.statusCode() != 200 || !(allowed.equals(ORIGIN) || allowed.equals("*"))) {
            throw new IllegalStateException("abuse-protection handshake failed: " + options.statusCode() + " " + options.body());
        }
    }

    private void forward(LocalEventGridTopic.Request published) {
        for (JsonNode event : published.json()) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(webhook)
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("aeg-event-type", "Notification")
                    .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build());
            deliveryStatuses.add(answer.statusCode());
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
