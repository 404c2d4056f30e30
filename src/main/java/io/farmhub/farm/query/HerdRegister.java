package io.farmhub.farm.query;

import io.farmhub.core.Aggregate;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowClassifier;
import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.cow.Sex;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code herd-register} (asOf?, knownAt?): the cows on the farm at {@code asOf}, as FarmHub knew them at
 * {@code knownAt}, sorted by ear tag. The monthly report runs it as of the last day of the previous month.
 */
public final class HerdRegister implements FarmQuery<HerdRegister.Parameters, HerdRegister.Register> {

    public static final String NAME = "herd-register";

    public record Parameters(Bitemporal when) implements QueryParameters {
        @Override
        public SortedMap<String, String> canonical() {
            return when.canonical();
        }
    }

    public record Animal(String earTag, String herdNumber, Sex sex, String breed, LocalDate bornOn,
            Location location) {
    }

    public record Register(List<Animal> animals) {
        public Register {
            animals = List.copyOf(animals);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Aggregate<?>> aggregates() {
        return List.of(Cow.AGGREGATE);
    }

    @Override
    public Parsed<Parameters> parse(Map<String, String> parameters, LocalDate today) {
        RawParameters raw = new RawParameters(NAME, parameters);
        Bitemporal when = raw.when(today);
        return raw.parsed(() -> new Parameters(when));
    }

    @Override
    public Register answer(Parameters parameters, StreamView view) {
        CowClassifier onFarm = CowClassifier.onFarm();
        return new Register(view.foldAll(Cow.AGGREGATE, CowSummary::empty, CowSummary::apply).stream()
                .filter(onFarm::includes)
                .map(c -> new Animal(c.earTag(), c.herdNumber(), c.sex(), c.breed(), c.bornOn(), c.location()))
                .sorted(Comparator.comparing(Animal::earTag))
                .toList());
    }
}
