package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.ANIMAL_NOT_ON_FARM;
import static io.farmhub.core.ErrorCode.NOT_FEMALE;

import io.farmhub.core.Rejection;
import io.farmhub.farm.cow.CowCommand.RegisterBirth;
import java.util.List;
import java.util.Optional;

/** The lifecycle questions several cow rules ask, with the sentences that explain a "no" to a farmer. */
final class Lifecycle {

    private Lifecycle() {
    }

    static String describe(Cow cow) {
        if (cow instanceof Cow.OnFarm on) {
            return "on the farm at " + on.location();
        } else if (cow instanceof Cow.Sold sold) {
            return "sold on " + sold.soldOn();
        } else if (cow instanceof Cow.Dead dead) {
            return "died on " + dead.diedOn();
        }
        return "never registered";
    }

    static Optional<Rejection> notOnFarm(String earTag, Cow cow) {
        if (cow instanceof Cow.OnFarm) {
            return Optional.empty();
        }
        String why = cow instanceof Cow.Unknown
                ? "No animal " + earTag + " is registered on this farm; check the ear tag, or record her birth"
                        + " or purchase first."
                : earTag + " is no longer on the farm (" + describe(cow) + ").";
        return Optional.of(Rejection.of(ANIMAL_NOT_ON_FARM, "earTag", why));
    }

    static Sex sexOf(Cow cow) {
        if (cow instanceof Cow.OnFarm on) {
            return on.sex();
        } else if (cow instanceof Cow.Sold sold) {
            return sold.sex();
        } else if (cow instanceof Cow.Dead dead) {
            return dead.sex();
        }
        return null;
    }

    /**
     * A named dam must be a female this farm knows who was here the day the calf was born: on the farm now,
     * or sold or dead on or after {@code bornOn} (a cow may die calving, or a late registration may follow her
     * sale).
     */
    static void checkDam(RegisterBirth c, Cow dam, List<Rejection> problems) {
        String tag = c.damEarTag();
        if (dam instanceof Cow.Unknown) {
            problems.add(Rejection.of(ANIMAL_NOT_ON_FARM, "damEarTag", "No animal " + tag
                    + " is registered on this farm, so she cannot be the dam; check the dam's ear tag."));
            return;
        }
        if (sexOf(dam) != Sex.F) {
            problems.add(Rejection.of(NOT_FEMALE, "damEarTag", tag + " is recorded as male, so he cannot be the"
                    + " dam; check the dam's ear tag."));
        }
        boolean leftBefore = dam instanceof Cow.Sold sold && sold.soldOn().isBefore(c.bornOn())
                || dam instanceof Cow.Dead dead && dead.diedOn().isBefore(c.bornOn());
        if (leftBefore) {
            problems.add(Rejection.of(ANIMAL_NOT_ON_FARM, "damEarTag", tag + " was not on the farm on "
                    + c.bornOn() + " (" + describe(dam) + "); check the dam's ear tag or the birth date."));
        }
    }
}
