package io.farmhub.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Approval of an event's stored JSON: the whole envelope, with a fixed id and times, must equal
 * {@code src/test/resources/approved/<EventType>.json} character for character, so any change of name,
 * field, type or format fails. What was produced is written to {@code target/approvals/} for review.
 */
public final class EventApproval {

    private EventApproval() {
    }

    public static void verify(EventTypeRegistry registry, StreamId stream, DomainEvent event) {
        EventEnvelope envelope = StoredEvents.envelope(registry, stream, 4, event);
        String type = envelope.eventType();
        String received = pretty(envelope);
        write(Path.of("target", "approvals", type + ".received.json"), received);
        String approved = read("/approved/" + type + ".json");
        if (approved == null) {
            fail("no approved JSON for " + type + "; review target/approvals/" + type
                    + ".received.json and copy it to src/test/resources/approved/" + type + ".json");
        }
        assertThat(received).as("JSON of " + type).isEqualTo(approved.replace("\r\n", "\n").strip());
        // The approved JSON must also read back into the same event (old stored events stay readable).
        assertThat(registry.toEvent(parse(approved))).as("read back " + type).isEqualTo(event);
        // The command pipeline hands events to the store wrapped as they are: that must write the same data.
        assertThat(json(JsonNodeFactory.instance.pojoNode(event))).as("wrapped " + type)
                .isEqualTo(json(registry.toData(event)));
    }

    private static String json(Object data) {
        try {
            return Json.MAPPER.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventEnvelope parse(String json) {
        try {
            return Json.MAPPER.readValue(json, EventEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pretty(EventEnvelope envelope) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(envelope).replace("\r\n", "\n")
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = EventApproval.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path path, String text) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
