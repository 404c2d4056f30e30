package io.farmhub.notify.eventgrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import io.farmhub.notify.Notification;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads a webhook POST: structured-mode CloudEvents 1.0, one ({@code application/cloudevents+json}) or a batch
 * ({@code application/cloudevents-batch+json}), or Event Grid's subscription-validation event
 * ({@code application/json}, EventGridSchema). Anything else is {@link InboundDelivery.Unacceptable}.
 */
final class InboundCloudEvents {

    static final MediaType CLOUDEVENT = MediaType.parseMediaType("application/cloudevents+json");
    static final MediaType CLOUDEVENT_BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    static final String VALIDATION_EVENT = "Microsoft.EventGrid.SubscriptionValidationEvent";

    private InboundCloudEvents() {
    }

    static InboundDelivery read(String contentType, byte[] body) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType == null ? "" : contentType);
        } catch (InvalidMediaTypeException e) {
            return unsupported(contentType);
        }
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return new InboundDelivery.Unacceptable(400, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new InboundDelivery.Unacceptable(400, "the body cannot be read: " + e.getMessage());
        }
        if (json == null) {
            return new InboundDelivery.Unacceptable(400, "the body is empty");
        }
        if (CLOUDEVENT.equalsTypeAndSubtype(type)) {
            return json.isObject() ? events(List.of(json))
                    : new InboundDelivery.Unacceptable(400, "application/cloudevents+json carries one JSON object");
        }
        if (CLOUDEVENT_BATCH.equalsTypeAndSubtype(type)) {
            return json.isArray() ? events(elements(json))
                    : new InboundDelivery.Unacceptable(400, "application/cloudevents-batch+json carries a JSON array");
        }
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return eventGridSchemaOrCloudEvents(json);
        }
        return unsupported(contentType);
    }

    private static InboundDelivery eventGridSchemaOrCloudEvents(JsonNode json) {
        List<JsonNode> items = json.isArray() ? elements(json) : List.of(json);
        if (!items.isEmpty() && items.get(0).has("eventType")) {
            JsonNode first = items.get(0);
            String code = first.path("data").path("validationCode").asText("");
            if (VALIDATION_EVENT.equals(first.path("eventType").asText()) && !code.isEmpty()) {
                return new InboundDelivery.Validation(code);
            }
            return new InboundDelivery.Unacceptable(400, "EventGridSchema events are not accepted (only its subscription "
                    + "validation); subscribe with the CloudEvents 1.0 schema");
        }
        return events(items);
    }

    private static InboundDelivery events(List<JsonNode> items) {
        List<Notification> notifications = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String problem = problemWith(items.get(i));
            if (problem != null) {
                return new InboundDelivery.Unacceptable(400, "CloudEvent " + i + ": " + problem);
            }
            notifications.add(notification(items.get(i)));
        }
        return new InboundDelivery.Notifications(notifications);
    }

    /** Null when the object is a CloudEvent 1.0 FarmHub can take, else why not. */
    private static String problemWith(JsonNode e) {
        if (!e.isObject()) {
            return "is not a JSON object";
        }
        if (!"1.0".equals(e.path("specversion").asText(null))) {
            return "specversion must be \"1.0\"";
        }
        for (String required : List.of("id", "source", "type")) {
            if (!e.path(required).isTextual() || e.path(required).asText().isEmpty()) {
                return "\"" + required + "\" is required and must be a non-empty string";
            }
        }
        if (e.has("subject") && !e.get("subject").isTextual()) {
            return "\"subject\" must be a string";
        }
        if (e.has("data_base64")) {
            return "data_base64 is not accepted: FarmHub notifications carry JSON \"data\"";
        }
        String contentType = e.path("datacontenttype").asText("application/json");
        if (!contentType.startsWith("application/json") && !contentType.contains("+json")) {
            return "datacontenttype must be JSON, got " + contentType;
        }
        if (e.has("time")) {
            try {
                OffsetDateTime.parse(e.get("time").asText());
            } catch (DateTimeParseException ex) {
                return "\"time\" is not an RFC 3339 timestamp: " + e.get("time").asText();
            }
        }
        return null;
    }

    private static Notification notification(JsonNode e) {
        Instant time = e.has("time") ? OffsetDateTime.parse(e.get("time").asText()).toInstant() : null;
        return new Notification(e.get("id").asText(), e.get("type").asText(), e.get("source").asText(),
                e.has("subject") ? e.get("subject").asText() : null, time, e.has("data") ? e.get("data") : null);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }

    private static InboundDelivery unsupported(String contentType) {
        return new InboundDelivery.Unacceptable(415, "content type " + contentType + " is not accepted; send "
                + "application/cloudevents+json, application/cloudevents-batch+json or (validation) application/json");
    }
}
