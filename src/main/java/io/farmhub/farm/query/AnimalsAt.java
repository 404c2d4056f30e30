package io.farmhub.farm.query;

import io.farmhub.core.StreamId;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowClassifier;
import io.farmhub.farm.cow.CowLocations;
import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.cow.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code animals-at} (location, asOf?): the cows at one field or barn on {@code asOf}, each with the day she
 * came there. A location nobody registered simply holds no animals.
 */
public final class AnimalsAt extends NamedQuery<AnimalsAt.Parameters, AnimalsAt.Animals> {

    public static final String NAME = "animals-at";

    public AnimalsAt() {
        super(NAME, Cow.AGGREGATE);
    }

    public record Parameters(Location location, Bitemporal when) implements QueryParameters {
        @Override
        public SortedMap<String, String> canonical() {
            SortedMap<String, String> canonical = when.canonical();
            canonical.put("location", location.toString());
            return canonical;
        }
    }

    /** @param since the day she arrived at this location (her current stay there began) */
    public record Animal(String earTag, String herdNumber, Sex sex, String breed, LocalDate since) {
    }

    public record Animals(Location location, List<Animal> animals) {
        public Animals {
            animals = List.copyOf(animals);
        }
    }

    @Override
    public Parsed<Parameters> parse(Map<String, String> parameters, LocalDate today) {
        RawParameters raw = new RawParameters(NAME, parameters, "location");
        Location location = raw.location("location");
        Bitemporal when = raw.when(today);
        return raw.parsed(() -> new Parameters(location, when));
    }

    @Override
    public Animals answer(Parameters parameters, StreamView view) {
        CowClassifier here = CowClassifier.atLocation(parameters.location());
        List<Animal> animals = new ArrayList<>();
        for (StreamId stream : view.streamsOf(Cow.AGGREGATE)) {
            CowSummary cow = view.fold(stream, CowSummary.empty(stream.key()), CowSummary::apply);
            if (here.includes(cow)) {
                CowLocations stays = view.fold(stream, CowLocations.empty(stream.key()), CowLocations::apply);
                LocalDate since = stays.stays().get(stays.stays().size() - 1).from();
                animals.add(new Animal(cow.earTag(), cow.herdNumber(), cow.sex(), cow.breed(), since));
            }
        }
        return new Animals(parameters.location(), animals);
    }
}
