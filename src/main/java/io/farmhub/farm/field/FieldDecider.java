package io.farmhub.farm.field;

import static io.farmhub.farm.StatelessChecks.trimmed;

import io.farmhub.core.Decision;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Identities;
import io.farmhub.farm.StatelessChecks;
import io.farmhub.farm.field.Field.Cropped;
import io.farmhub.farm.field.Field.Fallow;
import io.farmhub.farm.field.Field.Registered;
import io.farmhub.farm.field.FieldCommand.HarvestCrop;
import io.farmhub.farm.field.FieldCommand.RegisterField;
import io.farmhub.farm.field.FieldCommand.SowCrop;
import io.farmhub.farm.field.FieldEvent.CropHarvested;
import io.farmhub.farm.field.FieldEvent.CropSown;
import io.farmhub.farm.field.FieldEvent.FieldRegistered;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The field's rules (domain.md) as pure functions: "today" comes in as an argument. */
public final class FieldDecider {

    static final BigDecimal MAX_AREA_HECTARES = new BigDecimal("10000");

    private FieldDecider() {
    }

    public static FieldCommand normalise(FieldCommand command) {
        String code = Identities.slug(command.fieldCode());
        return command.match(new FieldCommand.Cases<FieldCommand>() {
            @Override
            public FieldCommand registerField(RegisterField c) {
                return new RegisterField(code, trimmed(c.name()), c.areaHectares());
            }

            @Override
            public FieldCommand sowCrop(SowCrop c) {
                return new SowCrop(code, trimmed(c.crop()), c.sownOn());
            }

            @Override
            public FieldCommand harvestCrop(HarvestCrop c) {
                return new HarvestCrop(code, c.harvestedOn(), c.yieldTonnes());
            }
        });
    }

    public static List<Rejection> validate(FieldCommand command, LocalDate today) {
        StatelessChecks checks = new StatelessChecks();
        checks.key("fieldCode", command.fieldCode(), Identities::isSlug, "field code");
        if (command instanceof RegisterField c) {
            checks.text("name", c.name(), "field's name");
            if (checks.present("areaHectares", c.areaHectares(), "field's area in hectares")) {
                checks.check(c.areaHectares().signum() > 0 && c.areaHectares().compareTo(MAX_AREA_HECTARES) <= 0,
                        ErrorCode.OUT_OF_RANGE, "areaHectares", () -> "A field's area must be more than 0 and at most "
                                + MAX_AREA_HECTARES + " hectares, not " + c.areaHectares().toPlainString() + ".");
            }
        } else if (command instanceof SowCrop c) {
            checks.text("crop", c.crop(), "crop sown");
            checks.pastDate("sownOn", c.sownOn(), today, "sowing date");
        } else if (command instanceof HarvestCrop c) {
            checks.pastDate("harvestedOn", c.harvestedOn(), today, "harvest date");
            if (checks.present("yieldTonnes", c.yieldTonnes(), "yield in tonnes")) {
                checks.check(c.yieldTonnes().signum() >= 0, ErrorCode.OUT_OF_RANGE, "yieldTonnes",
                        () -> "A yield cannot be negative (" + c.yieldTonnes().toPlainString() + " tonnes).");
            }
        }
        return checks.rejections();
    }

    /**
     * The field's one decision over its commands; assumes {@link #validate} passed (the pipeline's validate step).
     *
     * @param today the business date of a registration, which carries none of its own
     */
    public static Decision decide(FieldCommand command, Versioned<Field> versioned, LocalDate today) {
        Field state = versioned.state();
        return command.match(new FieldCommand.Cases<>() {
            @Override
            public Decision registerField(RegisterField c) {
                if (state instanceof Registered r) {
                    return reject(ErrorCode.FIELD_EXISTS, "fieldCode", "Field " + c.fieldCode()
                            + " is already registered as '" + r.name() + "'; choose another field code.");
                }
                return Decision.accepted(versioned,
                        List.of(new FieldRegistered(c.fieldCode(), c.name(), c.areaHectares(), today)));
            }

            @Override
            public Decision sowCrop(SowCrop c) {
                return state instanceof Registered ? sow(c, state, versioned) : unknown(c);
            }

            @Override
            public Decision harvestCrop(HarvestCrop c) {
                return state instanceof Registered ? harvest(c, state, versioned) : unknown(c);
            }
        });
    }

    private static Decision unknown(FieldCommand command) {
        return reject(ErrorCode.UNKNOWN_LOCATION, "fieldCode", "Field " + command.fieldCode()
                + " is not registered; register it first.");
    }

    private static Decision sow(SowCrop c, Field state, Versioned<Field> versioned) {
        if (state instanceof Cropped standing) {
            return reject(ErrorCode.CROP_STANDING, "fieldCode", "Field " + c.fieldCode() + " still has "
                    + standing.crop() + " standing (sown " + standing.sownOn() + "); harvest it before sowing again.");
        }
        LocalDate lastHarvest = state instanceof Fallow fallow ? fallow.lastHarvestedOn() : null;
        if (lastHarvest != null && c.sownOn().isBefore(lastHarvest)) {
            return reject(ErrorCode.OUT_OF_RANGE, "sownOn", "Field " + c.fieldCode() + " was last harvested on "
                    + lastHarvest + "; a new crop cannot be sown before that (" + c.sownOn() + ").");
        }
        return Decision.accepted(versioned, List.of(new CropSown(c.fieldCode(), c.crop(), c.sownOn())));
    }

    private static Decision harvest(HarvestCrop c, Field state, Versioned<Field> versioned) {
        if (!(state instanceof Cropped standing)) {
            return reject(ErrorCode.NO_CROP, "fieldCode", "Field " + c.fieldCode()
                    + " has no standing crop to harvest; record the sowing first.");
        }
        if (c.harvestedOn().isBefore(standing.sownOn())) {
            return reject(ErrorCode.OUT_OF_RANGE, "harvestedOn", "The " + standing.crop() + " on field "
                    + c.fieldCode() + " was sown on " + standing.sownOn() + "; it cannot be harvested before that ("
                    + c.harvestedOn() + ").");
        }
        return Decision.accepted(versioned,
                List.of(new CropHarvested(c.fieldCode(), standing.crop(), c.harvestedOn(), c.yieldTonnes())));
    }

    private static Decision reject(ErrorCode code, String field, String message) {
        return Decision.rejected(Rejection.of(code, field, message));
    }
}
