package io.farmhub.farm.field;

import io.farmhub.core.Aggregate;
import java.math.BigDecimal;
import java.time.LocalDate;
import io.farmhub.farm.loan.Pledges;
import java.util.Set;

/**
 * The state of a field as its decider sees it. A registered field is either {@link Fallow} or {@link Cropped}:
 * whether a crop stands is its lifecycle, so it is a state, not a flag. Other aggregates (a cow's
 * destination, a loan's collateral) ask only {@link #isRegistered()} and {@link #pledgedTo()}.
 */
public sealed interface Field {

    Aggregate<Field> AGGREGATE = new Aggregate<>("farm", "field", new Unregistered(), FieldDecider::evolve);

    /** Loan ids this field is pledged to. */
    Set<String> pledgedTo();

    default boolean isRegistered() {
        return this instanceof Registered;
    }

    record Unregistered() implements Field {
        @Override
        public Set<String> pledgedTo() {
            return Set.of();
        }
    }

    sealed interface Registered extends Field {
        String fieldCode();

        String name();

        BigDecimal areaHectares();

        /** The day the last crop was harvested, or null before the first harvest. */
        LocalDate lastHarvestedOn();
    }

    /** No crop standing. */
    record Fallow(String fieldCode, String name, BigDecimal areaHectares, LocalDate lastHarvestedOn,
            Set<String> pledgedTo) implements Registered {
        public Fallow {
            pledgedTo = Pledges.sorted(pledgedTo);
        }

        Cropped sow(String crop, LocalDate sownOn) {
            return new Cropped(fieldCode, name, areaHectares, crop, sownOn, lastHarvestedOn, pledgedTo);
        }
    }

    record Cropped(String fieldCode, String name, BigDecimal areaHectares, String crop, LocalDate sownOn,
            LocalDate lastHarvestedOn, Set<String> pledgedTo) implements Registered {
        public Cropped {
            pledgedTo = Pledges.sorted(pledgedTo);
        }

        Fallow harvest(LocalDate harvestedOn) {
            return new Fallow(fieldCode, name, areaHectares, harvestedOn, pledgedTo);
        }
    }
}
