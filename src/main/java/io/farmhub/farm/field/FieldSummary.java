package io.farmhub.farm.field;

import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.field.FieldEvent.CropHarvested;
import io.farmhub.farm.field.FieldEvent.CropSown;
import io.farmhub.farm.field.FieldEvent.FieldRegistered;
import io.farmhub.farm.loan.LoanEvent;
import io.farmhub.farm.loan.Pledges;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The {@code field-summary} projection of one field: name, area, the standing crop, the last harvest and
 * the loans it is pledged to, as of stream {@code version}. Notifications arrive at least once and out of
 * order, so an envelope at or below {@code version} is ignored.
 *
 * @param standingCrop null while nothing stands
 * @param lastHarvest  null before the first harvest
 */
public record FieldSummary(String fieldCode, long version, String name, BigDecimal areaHectares,
        StandingCrop standingCrop, Harvest lastHarvest, Set<String> pledgedTo) {

    public static final String NAME = "field-summary";

    public FieldSummary {
        pledgedTo = Pledges.sorted(pledgedTo);
    }

    public record StandingCrop(String crop, LocalDate sownOn) {
    }

    public record Harvest(String crop, LocalDate harvestedOn, BigDecimal yieldTonnes) {
    }

    public static FieldSummary empty(String fieldCode) {
        return new FieldSummary(fieldCode, 0, null, null, null, null, Set.of());
    }

    public static FieldSummary apply(FieldSummary state, EventEnvelope envelope, DomainEvent event) {
        if (envelope.version() <= state.version()) {
            return state;
        }
        FieldSummary s = state.at(envelope.version());
        if (event instanceof FieldRegistered e) {
            return new FieldSummary(s.fieldCode, s.version, e.name(), e.areaHectares(), null, null, s.pledgedTo);
        }
        if (event instanceof CropSown e) {
            return new FieldSummary(s.fieldCode, s.version, s.name, s.areaHectares,
                    new StandingCrop(e.crop(), e.sownOn()), s.lastHarvest, s.pledgedTo);
        }
        if (event instanceof CropHarvested e) {
            return new FieldSummary(s.fieldCode, s.version, s.name, s.areaHectares, null,
                    new Harvest(e.crop(), e.harvestedOn(), e.yieldTonnes()), s.pledgedTo);
        }
        if (event instanceof LoanEvent e) {
            return new FieldSummary(s.fieldCode, s.version, s.name, s.areaHectares, s.standingCrop, s.lastHarvest,
                    Pledges.after(s.pledgedTo, e));
        }
        return s;
    }

    private FieldSummary at(long newVersion) {
        return new FieldSummary(fieldCode, newVersion, name, areaHectares, standingCrop, lastHarvest, pledgedTo);
    }
}
