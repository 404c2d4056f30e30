package io.farmhub.farm.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.cow.Cow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code animal-history} (earTag): every event of one animal's stream in the order it was recorded (loan
 * pledges included), each with its provenance from the envelope: the command that caused it, who issued it,
 * and where it came from ({@code inbox:mary/moves.csv#3}, {@code api:mary}, {@code sensor:parlour-3},
 * {@code schedule:...}). An ear tag FarmHub never saw has an empty history.
 */
public final class AnimalHistory extends NamedQuery<AnimalHistory.Parameters, AnimalHistory.History> {

    public static final String NAME = "animal-history";

    public AnimalHistory() {
        super(NAME, Cow.AGGREGATE);
    }

    public record Parameters(String earTag, Bitemporal when) implements QueryParameters {
        @Override
        public SortedMap<String, String> canonical() {
            SortedMap<String, String> canonical = when.canonical();
            canonical.put("earTag", earTag);
            return canonical;
        }
    }

    /** @param command the command id (the envelope's correlationId) */
    public record Provenance(String command, String who, String source) {
    }

    /** @param data the event's data in its current schema (older stored versions are upcast) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long version, String eventType, String occurredAt, Instant recordedAt,
            Provenance provenance, String commentary, JsonNode data) {
    }

    public record History(String earTag, List<Entry> events) {
        public History {
            events = List.copyOf(events);
        }
    }

    @Override
    public Parsed<Parameters> parse(Map<String, String> parameters, LocalDate today) {
        RawParameters raw = new RawParameters(NAME, parameters, "earTag");
        String earTag = raw.earTag("earTag", true);
        Bitemporal when = raw.when(today);
        return raw.parsed(() -> new Parameters(earTag, when));
    }

    @Override
    public StreamSelection streams(Parameters parameters) {
        return StreamSelection.only(Cow.AGGREGATE.stream(parameters.earTag()));
    }

    @Override
    public History answer(Parameters parameters, StreamView view) {
        return new History(parameters.earTag(), view.visible(Cow.AGGREGATE.stream(parameters.earTag())).stream()
                .map(seen -> entry(seen.envelope()))
                .toList());
    }

    private static Entry entry(EventEnvelope e) {
        return new Entry(e.version(), e.eventType(), e.occurredAt(), e.recordedAt(),
                new Provenance(e.correlationId(), e.who(), e.source()), e.commentary(), e.data());
    }
}
