package io.farmhub.farm.query;

import static io.farmhub.farm.query.ExampleFarm.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowSummary.Status;
import io.farmhub.farm.query.LoanCollateral.Collateral;
import io.farmhub.farm.query.LoanCollateral.PledgedCow;
import io.farmhub.farm.query.LoanCollateral.PledgedField;
import io.farmhub.farm.query.LoanCollateral.PledgedTractor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** loan-collateral over the example story: GF-2026-017 pledged the New Holland, Lough Field and the Jersey. */
class LoanCollateralTest {

    static final FarmStory FARM = ExampleFarm.story();
    static final LoanCollateral QUERY = new LoanCollateral();

    @Test
    void the_loan_holds_a_cow_a_field_and_a_tractor_from_greenfield_credit_union() {
        assertThat(FARM.ask(QUERY, TODAY, "loanId", "GF-2026-017").result()).isEqualTo(new Collateral("GF-2026-017",
                "Greenfield Credit Union", LocalDate.parse("2026-11-24"),
                List.of(new PledgedCow(JERSEY, Status.ON_FARM, Location.barn("cubicle-house"))),
                List.of(new PledgedField("lough-field", "Lough Field", new BigDecimal("15.0"))),
                List.of(new PledgedTractor(NEW_HOLLAND, "New Holland", "T5.120", 2019))));
    }

    @Test
    void the_day_before_the_pledge_the_loan_held_nothing() {
        assertThat(FARM.ask(QUERY, TODAY, "loanId", "GF-2026-017", "asOf", "2026-11-23").result()).isEqualTo(
                new Collateral("GF-2026-017", null, null, List.of(), List.of(), List.of()));
    }

    @Test
    void a_loan_nobody_pledged_to_lists_nothing_but_reads_every_asset() {
        QueryResult<Collateral> result = FARM.ask(QUERY, TODAY, "loanId", "NO-SUCH-LOAN");
        assertThat(result.result().cattle()).isEmpty();
        assertThat(result.result().fields()).isEmpty();
        assertThat(result.result().tractors()).isEmpty();
        assertThat(result.sourceVersions()).hasSize(4 + 2 + 2);
    }
}
