package io.farmhub.intake;

/** A body of readings posted to {@code POST /api/sensors/readings}, with the user whose API key sent it. */
public record SensorPost(String body, String submittedBy) {
}
