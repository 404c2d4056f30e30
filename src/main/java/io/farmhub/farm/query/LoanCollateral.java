package io.farmhub.farm.query;

import io.farmhub.core.StreamId;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.field.Field;
import io.farmhub.farm.field.FieldSummary;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.loan.Pledged;
import io.farmhub.farm.tractor.Tractor;
import io.farmhub.farm.tractor.TractorSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code loan-collateral} (loanId): the cows, fields and tractors pledged to a loan at {@code asOf}, with the
 * lender and pledge date their CollateralPledged carries. A cow that died while pledged stays listed (with her
 * status) until the loan releases her. A loan nothing is pledged to lists nothing.
 */
public final class LoanCollateral extends NamedQuery<LoanCollateral.Parameters, LoanCollateral.Collateral> {

    public static final String NAME = "loan-collateral";

    public LoanCollateral() {
        super(NAME, Cow.AGGREGATE, Field.AGGREGATE, Tractor.AGGREGATE);
    }

    public record Parameters(String loanId, Bitemporal when) implements QueryParameters {
        @Override
        public SortedMap<String, String> canonical() {
            SortedMap<String, String> canonical = when.canonical();
            canonical.put("loanId", loanId);
            return canonical;
        }
    }

    public record PledgedCow(String earTag, CowSummary.Status status, Location location) {
    }

    public record PledgedField(String fieldCode, String name, BigDecimal areaHectares) {
    }

    public record PledgedTractor(String chassisNumber, String make, String model, Integer year) {
    }

    /** @param lender null (as is pledgedOn) when nothing is pledged to the loan */
    public record Collateral(String loanId, String lender, LocalDate pledgedOn, List<PledgedCow> cattle,
            List<PledgedField> fields, List<PledgedTractor> tractors) {
        public Collateral {
            cattle = List.copyOf(cattle);
            fields = List.copyOf(fields);
            tractors = List.copyOf(tractors);
        }
    }

    @Override
    public Parsed<Parameters> parse(Map<String, String> parameters, LocalDate today) {
        RawParameters raw = new RawParameters(NAME, parameters, "loanId");
        String loanId = raw.text("loanId");
        Bitemporal when = raw.when(today);
        return raw.parsed(() -> new Parameters(loanId, when));
    }

    @Override
    public Collateral answer(Parameters parameters, StreamView view) {
        String loanId = parameters.loanId();
        List<StreamId> pledged = new ArrayList<>();
        List<PledgedCow> cattle = new ArrayList<>();
        for (CowSummary c : view.foldAll(Cow.AGGREGATE, CowSummary::empty, CowSummary::apply)) {
            if (Pledged.includes(c.pledgedTo(), loanId)) {
                cattle.add(new PledgedCow(c.earTag(), c.status(), c.location()));
                pledged.add(Cow.AGGREGATE.stream(c.earTag()));
            }
        }
        List<PledgedField> fields = new ArrayList<>();
        for (FieldSummary f : view.foldAll(Field.AGGREGATE, FieldSummary::empty, FieldSummary::apply)) {
            if (Pledged.includes(f.pledgedTo(), loanId)) {
                fields.add(new PledgedField(f.fieldCode(), f.name(), f.areaHectares()));
                pledged.add(Field.AGGREGATE.stream(f.fieldCode()));
            }
        }
        List<PledgedTractor> tractors = new ArrayList<>();
        for (TractorSummary t : view.foldAll(Tractor.AGGREGATE, TractorSummary::empty, TractorSummary::apply)) {
            if (Pledged.includes(t.pledgedTo(), loanId)) {
                tractors.add(new PledgedTractor(t.chassisNumber(), t.make(), t.model(), t.year()));
                pledged.add(Tractor.AGGREGATE.stream(t.chassisNumber()));
            }
        }
        CollateralPledged pledge = latestPledge(view, pledged, loanId);
        return new Collateral(loanId, pledge == null ? null : pledge.lender(),
                pledge == null ? null : pledge.pledgedOn(), cattle, fields, tractors);
    }

    /** The latest CollateralPledged of the loan on the pledged assets' streams; null when there is none. */
    private static CollateralPledged latestPledge(StreamView view, List<StreamId> pledged, String loanId) {
        CollateralPledged latest = null;
        for (StreamId stream : pledged) {
            for (StreamView.Seen seen : view.visible(stream)) {
                if (seen.event() instanceof CollateralPledged p && p.loanId().equals(loanId)
                        && (latest == null || !p.pledgedOn().isBefore(latest.pledgedOn()))) {
                    latest = p;
                }
            }
        }
        return latest;
    }
}
