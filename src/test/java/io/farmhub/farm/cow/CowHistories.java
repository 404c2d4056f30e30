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
            LocationFacts facts = place.kind() == Location.Kind.BARN ? Herd.barn(place.code(), 50)
                    : LocationFacts.field(place.code(), 1);
            Sex sex = choice % 5 == 0 ? Sex.M : Sex.F;
            CowCommand command = switch (choice % 10) {
                case 0 -> new RegisterBirth(tag, "HN-1", sex, "Friesian", day, null, place);
                case 1 -> new RecordPurchase(tag, "HN-2", sex, "Jersey", day.minusYears(2), day, "Mart", Herd.PRICE,
                        place);
                case 2 -> new RelocateAnimal(tag, place, day);
                case 3 -> new RecordMilking(tag, milkedAt(day, i), new BigDecimal(choice + ".5"));
                case 4 -> new RecordTBInspection("TB-" + i, day, "Dr. Walsh", List.of(
                        new RecordTBInspection.Result(tag, TbResult.values()[choice % 3])));
                case 5 -> new RecordAIVisit(tag, day, "J. Murphy", "FR" + choice);
                case 6 -> new RecordSale(tag, day, "Mart", Herd.PRICE);
                case 7 -> choice > 20 ? new RecordDeath(tag, day, "old age") : null;
                default -> null;
            };
            Decision d = command == null || !CowDecider.validate(command, TODAY).isEmpty() ? null
                    : CowDecider.decide(command, cow, new CowFacts(Optional.empty(), facts, Optional.empty(),
                            List.of(cow)));
            if (d instanceof Decision.Accepted accepted) {
                // Only her own stream's events: the barn's AnimalHoused / AnimalLeftBarn go to the barn.
                accepted.changes().stream().filter(c -> c.stream().equals(cow.stream()))
                        .forEach(c -> history.addAll(c.events()));
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
