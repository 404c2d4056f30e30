package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents whose outcome depends on their row order (src/test/resources/inbox-order), each dropped in many runs
 * with its own keys ({@code {{run}}} in the templates), and the outcome each row has when the rows run one after
 * another: the serial outcome, the only one row order allows.
 */
final class InboxOrderScenario {

    /** A document to drop as {@code <user>/<name>}. */
    record Document(String name, byte[] bytes) {
    }

    /** Each template's rows, as they end when run one after another: a state, or INVALID with its code. */
    static final Map<String, List<String>> SERIAL = new LinkedHashMap<>();

    static {
        SERIAL.put("register-twice.json", List.of("COMPLETED", "INVALID:FIELD_EXISTS"));
        SERIAL.put("buy-sell-sell.json", List.of("COMPLETED", "COMPLETED", "INVALID:ANIMAL_NOT_ON_FARM"));
        SERIAL.put("dam-then-calf.json", List.of("COMPLETED", "COMPLETED"));
        SERIAL.put("movement-form.csv", List.of("COMPLETED", "COMPLETED", "COMPLETED"));
        SERIAL.put("purchase-then-sale.json", List.of("COMPLETED", "COMPLETED"));
        // The dam fills the one-place box, so her first calf is BARN_FULL; once she has moved out, the next calf fits.
        SERIAL.put("calving-pen.json", List.of("COMPLETED", "COMPLETED", "COMPLETED", "INVALID:BARN_FULL", "COMPLETED",
                "COMPLETED"));
    }

    private final int runs;

    InboxOrderScenario(int runs) {
        this.runs = runs;
    }

    /** The fields and barns, and each run's cow for the movement form, bought into barn:order-a. */
    List<Document> setup() {
        List<Document> setup = new ArrayList<>();
        setup.add(new Document("00-setup.json", template("00-setup.json")));
        for (int run = 1; run <= runs; run++) {
            setup.add(new Document("01-cow-" + run(run) + ".json", fill(template("movement-cow.json"), run)));
        }
        return setup;
    }

    /** Every template for every run. */
    List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (String template : SERIAL.keySet()) {
                documents.add(new Document(name(run, template), fill(template(template), run)));
            }
        }
        return documents;
    }

    static String name(int run, String template) {
        return "r" + run(run) + "-" + template;
    }

    /** Each row of the result is exactly its serial outcome. */
    static void assertSerial(String name, JsonNode result) {
        String template = name.substring(name.indexOf('-') + 1);
        List<String> outcomes = new ArrayList<>();
        for (JsonNode command : result.path("commands")) {
            String state = command.path("state").asText();
            outcomes.add(state.equals("INVALID") ? state + ":" + command.path("errors").path(0).path("code").asText()
                    : state);
        }
        assertThat(outcomes).as("%s: %s", name, result.path("commands")).isEqualTo(SERIAL.get(template));
    }

    /** The movement form's cow ends where its last row put her: A, after B and C. */
    void assertMovementsEndAtA(EventStore store) {
        for (int run = 1; run <= runs; run++) {
            List<EventEnvelope> events = store.read(StreamId.farm("cow", "IE77" + run(run) + "0000004"));
            List<String> moves = events.stream().filter(e -> e.eventType().equals("AnimalRelocated"))
                    .map(e -> e.data().path("to").asText()).toList();
            assertThat(moves).as("run %d", run).containsExactly("barn:order-b", "field:order-c", "barn:order-a");
        }
    }

    private static String run(int run) {
        return String.format("%02d", run);
    }

    private static byte[] fill(byte[] template, int run) {
        return new String(template, StandardCharsets.UTF_8).replace("{{run}}", run(run))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] template(String name) {
        try (InputStream in = InboxOrderScenario.class.getResourceAsStream("/inbox-order/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
