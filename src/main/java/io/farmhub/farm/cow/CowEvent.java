package io.farmhub.farm.cow;

import io.farmhub.core.DomainEvent;
import io.farmhub.farm.Location;
import io.farmhub.farm.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened to a cow, as stored on its stream {@code farm/cow/<earTag>}. Each event carries the ear tag
 * so that its data reads on its own (animal-history, exports) without the envelope. {@code occurredAt} comes
 * from the event's own business date, never from the clock.
 */
public sealed interface CowEvent extends DomainEvent {

    String earTag();

    record AnimalBorn(String earTag, String herdNumber, Sex sex, String breed, LocalDate bornOn, String damEarTag,
            Location location) implements CowEvent {
        @Override
        public String occurredAt() {
            return bornOn.toString();
        }
    }

    record AnimalPurchased(String earTag, String herdNumber, Sex sex, String breed, LocalDate bornOn,
            LocalDate purchasedOn, String seller, Money price, Location location) implements CowEvent {
        @Override
        public String occurredAt() {
            return purchasedOn.toString();
        }
    }

    record AnimalSold(String earTag, LocalDate soldOn, String buyer, Money price) implements CowEvent {
        @Override
        public String occurredAt() {
            return soldOn.toString();
        }
    }

    record AnimalDied(String earTag, LocalDate diedOn, String cause) implements CowEvent {
        @Override
        public String occurredAt() {
            return diedOn.toString();
        }
    }

    record AnimalRelocated(String earTag, Location from, Location to, LocalDate movedOn) implements CowEvent {
        @Override
        public String occurredAt() {
            return movedOn.toString();
        }
    }

    record AnimalInseminated(String earTag, LocalDate servedOn, String technician, String sireCode)
            implements CowEvent {
        @Override
        public String occurredAt() {
            return servedOn.toString();
        }
    }

    /** One animal's result of a TB inspection; the inspection writes one of these on each tested cow's stream. */
    record TBTestRecorded(String earTag, String inspectionId, LocalDate testedOn, String vet, TbResult result)
            implements CowEvent {
        @Override
        public String occurredAt() {
            return testedOn.toString();
        }
    }

    record MilkRecorded(String earTag, Instant milkedAt, BigDecimal litres) implements CowEvent {
        @Override
        public String occurredAt() {
            return milkedAt.toString();
        }
    }
}
