package io.farmhub.farm.query;

import io.farmhub.farm.Location;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowClassifier;
import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.cow.Sex;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code herd-register} (asOf?, knownAt?): the cows on the farm at {@code asOf}, as FarmHub knew them at
 * {@code knownAt}, sorted by ear tag. The monthly report runs it as of the last day of the previous month.
 */
public final class HerdRegister extends NamedQuery<Bitemporal, HerdRegister.Register> {

    public static final String NAME = "herd-register";

    public HerdRegister() {
        super(NAME, Cow.AGGREGATE);
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
    public Parsed<Bitemporal> parse(Map<String, String> parameters, LocalDate today) {
        return parseWhen(parameters, today);
    }

    @Override
    public Register answer(Bitemporal when, StreamView view) {
        CowClassifier onFarm = CowClassifier.onFarm();
        return new Register(view.foldAll(Cow.AGGREGATE, CowSummary::empty, CowSummary::apply).stream()
                .filter(onFarm::includes)
                .map(c -> new Animal(c.earTag(), c.herdNumber(), c.sex(), c.breed(), c.bornOn(), c.location()))
                .sorted(Comparator.comparing(Animal::earTag))
                .toList());
    }
}
