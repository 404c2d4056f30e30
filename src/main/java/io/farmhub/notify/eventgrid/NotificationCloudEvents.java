package io.farmhub.notify.eventgrid;

import com.azure.core.models.CloudEvent;
import com.azure.core.models.CloudEventDataFormat;
import com.azure.core.util.BinaryData;
import com.azure.json.JsonProviders;
import com.azure.json.JsonWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.farmhub.core.Json;
import io.farmhub.notify.Notification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A {@link Notification} as the SDK's CloudEvent 1.0, and that event's size exactly as the SDK writes it. */
final class NotificationCloudEvents {

    static final String DATA_CONTENT_TYPE = "application/json";

    private NotificationCloudEvents() {
    }

    static CloudEvent toCloudEvent(Notification n) {
        if (n.id() == null || n.id().isBlank() || n.type() == null || n.source() == null) {
            throw new IllegalArgumentException("notification " + n.id() + " lacks an id, type or source");
        }
        CloudEvent event = new CloudEvent(n.source(), n.type(), data(n), CloudEventDataFormat.JSON, DATA_CONTENT_TYPE)
                .setId(n.id());
        if (n.subject() != null) {
            event.setSubject(n.subject());
        }
        if (n.time() != null) {
            event.setTime(OffsetDateTime.ofInstant(n.time(), ZoneOffset.UTC));
        }
        return event;
    }

    /**
     * The UTF-8 bytes the SDK sends for this event inside a batch. Measured with the SDK's own writer (the one
     * its request body uses), so the batch limits hold for what actually goes on the wire.
     */
    static int serializedSize(CloudEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonWriter writer = JsonProviders.createWriter(out)) {
            event.toJson(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static BinaryData data(Notification n) {
        if (n.data() == null) {
            return null;
        }
        try {
            // Raw JSON bytes: the SDK embeds them as the "data" member without re-serialising.
            return BinaryData.fromBytes(Json.MAPPER.writeValueAsBytes(n.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification " + n.id() + " has data that is not JSON", e);
        }
    }
}
