package io.farmhub.farm.field;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The commands on a field (domain.md), payload names verbatim. */
public sealed interface FieldCommand {

    String fieldCode();

    record RegisterField(String fieldCode, String name, BigDecimal areaHectares) implements FieldCommand {
    }

    record SowCrop(String fieldCode, String crop, LocalDate sownOn) implements FieldCommand {
    }

    record HarvestCrop(String fieldCode, LocalDate harvestedOn, BigDecimal yieldTonnes) implements FieldCommand {
    }
}
