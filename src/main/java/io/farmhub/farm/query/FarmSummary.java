package io.farmhub.farm.query;

import io.farmhub.farm.barn.Barn;
import io.farmhub.farm.barn.BarnSummary;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowClassifier;
import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.cow.Sex;
import io.farmhub.farm.field.Field;
import io.farmhub.farm.field.FieldSummary;
import io.farmhub.farm.tractor.ServiceDue;
import io.farmhub.farm.tractor.Tractor;
import io.farmhub.farm.tractor.TractorSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code farm-summary} (asOf?): the farm in counts at {@code asOf}: cows on the farm, by location and by sex;
 * fields and their standing crops; each barn's occupancy against its capacity and whether a temperature alert
 * is open; tractors and how many are due a service. Occupancy is counted from the cows' locations, as of the
 * same day as everything else.
 */
public final class FarmSummary extends NamedQuery<Bitemporal, FarmSummary.Summary> {

    public static final String NAME = "farm-summary";

    public FarmSummary() {
        super(NAME, Cow.AGGREGATE, Field.AGGREGATE, Barn.AGGREGATE, Tractor.AGGREGATE);
    }

    /** @param byLocation {@code barn:calf-shed} → animals there; @param bySex both sexes, 0 included */
    public record Cattle(int onFarm, SortedMap<String, Integer> byLocation, Map<Sex, Integer> bySex) {
    }

    /** @param crops standing crop → how many fields carry it */
    public record Fields(int registered, SortedMap<String, Integer> crops) {
    }

    public record BarnLoad(String barnCode, String name, int occupancy, int capacity, boolean alertOpen) {
    }

    public record Barns(int registered, int openAlerts, List<BarnLoad> barns) {
        public Barns {
            barns = List.copyOf(barns);
        }
    }

    public record Tractors(int registered, int dueService) {
    }

    public record Summary(Cattle cattle, Fields fields, Barns barns, Tractors tractors) {
    }

    @Override
    public Parsed<Bitemporal> parse(Map<String, String> parameters, LocalDate today) {
        return parseWhen(parameters, today);
    }

    @Override
    public Summary answer(Bitemporal when, StreamView view) {
        CowClassifier onFarm = CowClassifier.onFarm();
        List<CowSummary> herd = view.foldAll(Cow.AGGREGATE, CowSummary::empty, CowSummary::apply).stream()
                .filter(onFarm::includes).toList();
        return new Summary(cattle(herd), fields(view), barns(view), tractors(view, when.asOf()));
    }

    private static Cattle cattle(List<CowSummary> herd) {
        SortedMap<String, Integer> byLocation = new TreeMap<>();
        Map<Sex, Integer> bySex = new EnumMap<>(Sex.class);
        for (Sex sex : Sex.values()) {
            bySex.put(sex, 0);
        }
        for (CowSummary cow : herd) {
            byLocation.merge(cow.location().toString(), 1, Integer::sum);
            bySex.merge(cow.sex(), 1, Integer::sum);
        }
        return new Cattle(herd.size(), Collections.unmodifiableSortedMap(byLocation),
                Collections.unmodifiableMap(bySex));
    }

    private static Fields fields(StreamView view) {
        List<FieldSummary> fields = view.foldAll(Field.AGGREGATE, FieldSummary::empty, FieldSummary::apply).stream()
                .filter(f -> f.name() != null).toList();
        SortedMap<String, Integer> crops = new TreeMap<>();
        for (FieldSummary f : fields) {
            if (f.standingCrop() != null) {
                crops.merge(f.standingCrop().crop(), 1, Integer::sum);
            }
        }
        return new Fields(fields.size(), Collections.unmodifiableSortedMap(crops));
    }

    private static Barns barns(StreamView view) {
        List<BarnLoad> loads = new ArrayList<>();
        int openAlerts = 0;
        for (BarnSummary barn : view.foldAll(Barn.AGGREGATE, BarnSummary::empty, BarnSummary::apply)) {
            if (barn.name() == null) {
                continue;
            }
            // Occupancy is the barn's own: its AnimalHoused / AnimalLeftBarn, the events its capacity is decided on.
            loads.add(new BarnLoad(barn.barnCode(), barn.name(), barn.occupancy(), barn.capacity(), barn.alertOpen()));
            openAlerts += barn.alertOpen() ? 1 : 0;
        }
        return new Barns(loads.size(), openAlerts, loads);
    }

    private static Tractors tractors(StreamView view, LocalDate asOf) {
        List<TractorSummary> tractors = view.foldAll(Tractor.AGGREGATE, TractorSummary::empty, TractorSummary::apply)
                .stream().filter(TractorSummary::registered).toList();
        return new Tractors(tractors.size(), (int) tractors.stream().filter(t -> ServiceDue.includes(t, asOf)).count());
    }
}
