package io.farmhub.farm.query;

import io.farmhub.core.StreamId;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowEvent.MilkRecorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code milk-yield} (from, to, earTag?): litres per cow per day, both ends included. A day is the UTC date
 * of the milking, as in {@code cow-summary}. Only days with milk recorded are listed, and only cows with
 * some; an animal sold since still shows what she gave while here.
 */
public final class MilkYield extends NamedQuery<MilkYield.Parameters, MilkYield.Yield> {

    public static final String NAME = "milk-yield";

    public MilkYield() {
        super(NAME, Cow.AGGREGATE);
    }

    /** @param earTag null for every cow */
    public record Parameters(LocalDate from, LocalDate to, String earTag, Bitemporal when) implements QueryParameters {
        @Override
        public SortedMap<String, String> canonical() {
            SortedMap<String, String> canonical = when.canonical();
            canonical.put("from", from.toString());
            canonical.put("to", to.toString());
            if (earTag != null) {
                canonical.put("earTag", earTag);
            }
            return canonical;
        }
    }

    public record Day(LocalDate day, BigDecimal litres) {
    }

    public record CowYield(String earTag, BigDecimal totalLitres, List<Day> days) {
        public CowYield {
            days = List.copyOf(days);
        }
    }

    public record Yield(List<CowYield> cows) {
        public Yield {
            cows = List.copyOf(cows);
        }
    }

    @Override
    public Parsed<Parameters> parse(Map<String, String> parameters, LocalDate today) {
        RawParameters raw = new RawParameters(NAME, parameters, "from", "to", "earTag");
        LocalDate from = raw.date("from", true);
        LocalDate to = raw.date("to", true);
        String earTag = raw.earTag("earTag", false);
        Bitemporal when = raw.when(today);
        if (from != null && to != null && to.isBefore(from)) {
            raw.problem("to", "to (" + to + ") is before from (" + from + "); give the first day, then the last.");
        }
        return raw.parsed(() -> new Parameters(from, to, earTag, when));
    }

    @Override
    public StreamSelection streams(Parameters parameters) {
        return parameters.earTag() == null ? super.streams(parameters)
                : StreamSelection.only(Cow.AGGREGATE.stream(parameters.earTag()));
    }

    @Override
    public Yield answer(Parameters parameters, StreamView view) {
        List<StreamId> streams = parameters.earTag() == null ? view.streamsOf(Cow.AGGREGATE)
                : List.of(Cow.AGGREGATE.stream(parameters.earTag()));
        List<CowYield> cows = new ArrayList<>();
        for (StreamId stream : streams) {
            SortedMap<LocalDate, BigDecimal> litres = new TreeMap<>();
            for (StreamView.Seen seen : view.visible(stream)) {
                if (seen.event() instanceof MilkRecorded m) {
                    LocalDate day = m.milkedAt().atOffset(ZoneOffset.UTC).toLocalDate();
                    if (!day.isBefore(parameters.from()) && !day.isAfter(parameters.to())) {
                        litres.merge(day, m.litres(), BigDecimal::add);
                    }
                }
            }
            if (!litres.isEmpty()) {
                cows.add(new CowYield(stream.key(), litres.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                        litres.entrySet().stream().map(d -> new Day(d.getKey(), d.getValue())).toList()));
            }
        }
        return new Yield(cows);
    }
}
