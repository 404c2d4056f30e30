package io.farmhub.farm.query;

import io.farmhub.farm.Location;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowClassifier;
import io.farmhub.farm.cow.CowSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code tb-tests-due} (asOf?): the cows on the farm at {@code asOf} with no CLEAR TB test in the 365 days up
 * to it ({@link CowClassifier#tbTestDue}), each with her last test. The daily TB schedule runs it.
 */
public final class TbTestsDue extends NamedQuery<Bitemporal, TbTestsDue.Due> {

    public static final String NAME = "tb-tests-due";

    public TbTestsDue() {
        super(NAME, Cow.AGGREGATE);
    }

    /**
     * @param lastTest      her latest test whatever its result; null if she was never tested here
     * @param lastClearTest the day of her latest CLEAR test, which is what counts; null if none
     */
    public record Animal(String earTag, Location location, CowSummary.TbTest lastTest, LocalDate lastClearTest) {
    }

    public record Due(List<Animal> animals) {
        public Due {
            animals = List.copyOf(animals);
        }
    }

    @Override
    public Parsed<Bitemporal> parse(Map<String, String> parameters, LocalDate today) {
        return parseWhen(parameters, today);
    }

    @Override
    public Due answer(Bitemporal when, StreamView view) {
        CowClassifier due = CowClassifier.tbTestDue(when.asOf());
        return new Due(view.foldAll(Cow.AGGREGATE, CowSummary::empty, CowSummary::apply).stream()
                .filter(due::includes)
                .map(c -> new Animal(c.earTag(), c.location(), c.lastTbTest(), c.lastClearTbTestOn()))
                .toList());
    }
}
