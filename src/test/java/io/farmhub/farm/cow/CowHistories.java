package io.farmhub.farm.cow;

import io.farmhub.core.Decision;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowCommand.*;
import io.farmhub.farm.loan.LoanEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Valid cow histories for property tests: random choices of command are played through the real decider, and
 * only what it accepts becomes history (plus loan events, which come from the loan commands).
 */
final class CowHistories {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 1);
    private static final List<Location> PLACES = List.of(Location.field("north-meadow"), Location.barn("main-barn"),
            Location.field("south-field"));

    private CowHistories() {
    }

    static Arbitrary<List<DomainEvent>> histories() {
        return Arbitraries.integers().between(0, 29).list().ofMinSize(10).ofMaxSize(60).map(CowHistories::play);
    }

    static List<DomainEvent> play(List<Integer> choices) {
        String tag = Herd.DAISY;
        List<DomainEvent> history = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < choices.size(); i++) {
            int choice = choices.get(i);
            day = day.plusDays(choice % 3);
            Versioned<Cow> cow = new Versioned<>(Cow.AGGREGATE.stream(tag), history.size(), Cow.AGGREGATE.fold(history));
            Location place = PLACES.get(choice % PLACES.size());
            LocationFacts facts = new LocationFacts(place, 1, place.kind() == Location.Kind.BARN
                    ? java.util.OptionalInt.of(50) : java.util.OptionalInt.empty());
            Sex sex = choice % 5 == 0 ? Sex.M : Sex.F;
            Decision d = switch (choice % 10) {
                case 0 -> CowDecider.decide(new RegisterBirth(tag, "HN-1", sex, "Friesian", day, null, place), cow,
                        Optional.empty(), facts, TODAY);
                case 1 -> CowDecider.decide(new RecordPurchase(tag, "HN-2", sex, "Jersey", day.minusYears(2), day,
                        "Mart", Herd.PRICE, place), cow, facts, TODAY);
                case 2 -> CowDecider.decide(new RelocateAnimal(tag, place, day), cow, facts, BarnOccupancy.of(0), TODAY);
                case 3 -> CowDecider.decide(new RecordMilking(tag, milkedAt(day, i), new BigDecimal(choice + ".5")),
                        cow, TODAY);
                case 4 -> CowDecider.decide(new RecordTBInspection("TB-" + i, day, "Dr. Walsh", List.of(
                        new RecordTBInspection.Result(tag, TbResult.values()[choice % 3]))), List.of(cow), TODAY);
                case 5 -> CowDecider.decide(new RecordAIVisit(tag, day, "J. Murphy", "FR" + choice), cow, TODAY);
                case 6 -> CowDecider.decide(new RecordSale(tag, day, "Mart", Herd.PRICE), cow, TODAY);
                case 7 -> choice > 20 ? CowDecider.decide(new RecordDeath(tag, day, "old age"), cow, TODAY) : null;
                default -> null;
            };
            if (d instanceof Decision.Accepted accepted) {
                history.addAll(accepted.allEvents());
            } else if (choice % 10 >= 8 && cow.state() instanceof Cow.OnFarm on) {
                String loan = "LOAN-" + (choice % 2);
                history.add(on.pledgedTo().contains(loan) ? new LoanEvent.CollateralReleased(loan, day)
                        : new LoanEvent.CollateralPledged(loan, "Farm Bank", day));
            }
        }
        return history;
    }

    private static Instant milkedAt(LocalDate day, int i) {
        return day.atTime(5 + i % 12, 0).toInstant(ZoneOffset.UTC);
    }
}
