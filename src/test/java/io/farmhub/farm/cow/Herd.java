package io.farmhub.farm.cow;

import io.farmhub.farm.Farm;
import io.farmhub.farm.barn.Barn;
import io.farmhub.farm.barn.BarnEvent;
import java.util.ArrayList;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Versioned;
import io.farmhub.farm.DeciderSpec;
import io.farmhub.farm.Location;
import io.farmhub.farm.Money;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.cow.CowEvent.*;
import io.farmhub.farm.loan.LoanEvent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/** The animals, places and dates the cow tests talk about, so each test reads as the story it tells. */
final class Herd {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String DAISY = "IE12345670012";
    static final String BELLA = "IE12345670029";
    static final String BRUNO = "IE98765430001";
    static final String CALF = "IE12345670036";
    static final Location NORTH_MEADOW = Location.field("north-meadow");
    static final Location MAIN_BARN = Location.barn("main-barn");
    static final Location CALF_SHED = Location.barn("calf-shed");
    static final Money PRICE = Money.of("1250.00", "EUR");

    private Herd() {
    }

    static AnimalBorn born(String tag, Sex sex, Location at) {
        return new AnimalBorn(tag, "HN-1234", sex, "Friesian", LocalDate.of(2022, 3, 1), null, at);
    }

    static AnimalBorn cowBorn(String tag) {
        return born(tag, Sex.F, NORTH_MEADOW);
    }

    static AnimalBorn bullBorn(String tag) {
        return born(tag, Sex.M, NORTH_MEADOW);
    }

    static AnimalSold sold(String tag, LocalDate on) {
        return new AnimalSold(tag, on, "Mart Ltd", PRICE);
    }

    static AnimalDied died(String tag, LocalDate on) {
        return new AnimalDied(tag, on, "milk fever");
    }

    static AnimalRelocated moved(String tag, Location from, Location to, LocalDate on) {
        return new AnimalRelocated(tag, from, to, on);
    }

    static LoanEvent.CollateralPledged pledged(String loanId) {
        return new LoanEvent.CollateralPledged(loanId, "Farm Bank", LocalDate.of(2026, 1, 10));
    }

    static LoanEvent.CollateralReleased released(String loanId) {
        return new LoanEvent.CollateralReleased(loanId, LocalDate.of(2026, 6, 10));
    }

    /** Her history as stored envelopes, versions from 1. */
    static List<EventEnvelope> envelopes(String tag, List<? extends DomainEvent> events) {
        return StoredEvents.envelopes(Cow.AGGREGATE.stream(tag), events);
    }

    /** Her cow-summary after {@code events}. */
    static CowSummary summary(String tag, List<? extends DomainEvent> events) {
        return StoredEvents.project(CowSummary.empty(tag), Cow.AGGREGATE.stream(tag), events, CowSummary::apply);
    }

    /** Her cow-locations after {@code events}. */
    static CowLocations locations(String tag, List<? extends DomainEvent> events) {
        return StoredEvents.project(CowLocations.empty(tag), Cow.AGGREGATE.stream(tag), events, CowLocations::apply);
    }

    /** The state of another animal (a dam, a tested cow) after {@code history}, at version = its length. */
    static Versioned<Cow> state(String tag, DomainEvent... history) {
        return new Versioned<>(Cow.AGGREGATE.stream(tag), history.length, Cow.AGGREGATE.fold(Arrays.asList(history)));
    }

    /** Barn {@code code} registered with room for {@code capacity}, housing {@code housed}, at version 1 + their count. */
    static Versioned<Barn> barnState(String code, int capacity, String... housed) {
        List<DomainEvent> events = new ArrayList<>();
        events.add(new BarnEvent.BarnRegistered(code, "Barn " + code, capacity, LocalDate.of(2020, 1, 1)));
        for (String tag : housed) {
            events.add(new BarnEvent.AnimalHoused(code, tag, LocalDate.of(2020, 1, 2)));
        }
        return new Versioned<>(Barn.AGGREGATE.stream(code), events.size(), Barn.AGGREGATE.fold(events));
    }

    /** The barn as a cow decision reads it, with the barn's own capacity rule (as the catalog wires it). */
    static LocationFacts barn(String code, int capacity, String... housed) {
        Versioned<Barn> barn = barnState(code, capacity, housed);
        return LocationFacts.barn(code, barn.version(), Farm.barnPlaces(barn));
    }

    /** {@code n} other animals' ear tags, to fill a barn with. */
    static String[] others(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> String.format("IE9%09d", i))
                .toArray(String[]::new);
    }

    static BarnEvent.AnimalHoused housed(Location barn, String tag, LocalDate on) {
        return new BarnEvent.AnimalHoused(barn.code(), tag, on);
    }

    static BarnEvent.AnimalLeftBarn leftBarn(Location barn, String tag, LocalDate on) {
        return new BarnEvent.AnimalLeftBarn(barn.code(), tag, on);
    }

    /** As the pipeline runs a cow command: its validate step (once), then the decision. */
    static Decision validated(CowCommand c, java.util.function.Supplier<Decision> decide) {
        List<io.farmhub.core.Rejection> invalid = CowDecider.validate(c, TODAY);
        return invalid.isEmpty() ? decide.get() : Decision.rejected(invalid);
    }

    /** A given/when/then spec for Daisy's stream, deciding with {@code decide}. */
    static <C> DeciderSpec<C, DomainEvent, Cow> spec(String tag, BiFunction<C, Versioned<Cow>, Decision> decide) {
        return DeciderSpec.of(Cow.AGGREGATE.stream(tag), Cow.AGGREGATE.initial(), Cow::evolve, decide);
    }
}
