package io.farmhub.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a command came from. The command status shows it as an object
 * ({@code {"kind": "inbox", "document": "mary/moves.csv", "row": 3}}); stored events carry its short form
 * ({@link #envelopeForm()}: {@code inbox:mary/moves.csv#3}, {@code api:mary}, {@code sensor:collar-17},
 * {@code schedule:tb-test-inspection}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandSource(String kind, String document, Integer row, String user, String sensorId, String schedule) {

    public static CommandSource inbox(String document, int row) {
        return new CommandSource("inbox", document, row, null, null, null);
    }

    public static CommandSource api(String user) {
        return new CommandSource("api", null, null, user, null, null);
    }

    public static CommandSource sensor(String sensorId) {
        return new CommandSource("sensor", null, null, null, sensorId, null);
    }

    public static CommandSource schedule(String name) {
        return new CommandSource("schedule", null, null, null, null, name);
    }

    public String envelopeForm() {
        return switch (kind) {
            case "inbox" -> "inbox:" + document + "#" + row;
            case "api" -> "api:" + user;
            case "sensor" -> "sensor:" + sensorId;
            case "schedule" -> "schedule:" + schedule;
            default -> kind;
        };
    }
}
