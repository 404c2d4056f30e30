package io.farmhub.farm.field;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The commands on a field (domain.md), payload names verbatim. */
public sealed interface FieldCommand {

    String fieldCode();

    /** The exhaustive switch over these commands (Java 17 has no pattern switch). */
    <R> R match(Cases<R> cases);

    interface Cases<R> {
        R registerField(RegisterField c);

        R sowCrop(SowCrop c);

        R harvestCrop(HarvestCrop c);
    }

    record RegisterField(String fieldCode, String name, BigDecimal areaHectares) implements FieldCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.registerField(this);
        }
    }

    record SowCrop(String fieldCode, String crop, LocalDate sownOn) implements FieldCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.sowCrop(this);
        }
    }

    record HarvestCrop(String fieldCode, LocalDate harvestedOn, BigDecimal yieldTonnes) implements FieldCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.harvestCrop(this);
        }
    }
}
