package io.farmhub.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One CloudEvents 1.0 notification (JSON), e.g. {@code farm.event-appended} with source
 * {@code /farmhub/farm/cow}, subject {@code cow/IE12345670012}, id = the event id.
 */
public record Notification(String id, String type, String source, String subject, Instant time, JsonNode data) {
}
