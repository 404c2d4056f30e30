package io.farmhub.farm.field;

import io.farmhub.core.DomainEvent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What happened to a field (domain.md). Each event names its field so it reads on its own outside its stream. */
public sealed interface FieldEvent extends DomainEvent {

    String fieldCode();

    /**
     * RegisterField carries no date, so the business date is the day FarmHub decided the command
     * ({@code registeredOn}): a field exists for the farm from the day it was registered.
     */
    record FieldRegistered(String fieldCode, String name, BigDecimal areaHectares, LocalDate registeredOn)
            implements FieldEvent {
        @Override
        public String occurredAt() {
            return registeredOn.toString();
        }
    }

    record CropSown(String fieldCode, String crop, LocalDate sownOn) implements FieldEvent {
        @Override
        public String occurredAt() {
            return sownOn.toString();
        }
    }

    /** Names the crop harvested, so the harvest reads on its own (summaries, history) without the sowing. */
    record CropHarvested(String fieldCode, String crop, LocalDate harvestedOn, BigDecimal yieldTonnes)
            implements FieldEvent {
        @Override
        public String occurredAt() {
            return harvestedOn.toString();
        }
    }
}
