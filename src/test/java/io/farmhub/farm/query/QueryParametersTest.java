package io.farmhub.farm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Parameters arrive as text. A bad one is a MALFORMED rejection naming the parameter, with a sentence saying
 * what to write; every problem is reported at once.
 */
class QueryParametersTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    static java.util.List<Rejection> rejected(FarmQuery<?, ?> query, String... parameters) {
        Parsed<?> parsed = query.parse(QueryParams.of(parameters), TODAY);
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        java.util.List<Rejection> rejections = ((Parsed.Invalid<?>) parsed).rejections();
        assertThat(rejections).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.MALFORMED);
            assertThat(r.message()).isNotBlank();
        });
        return rejections;
    }

    static <P> P valid(FarmQuery<? extends QueryParameters, ?> query, String... parameters) {
        Parsed<?> parsed = query.parse(QueryParams.of(parameters), TODAY);
        assertThat(parsed).isInstanceOf(Parsed.Valid.class);
        @SuppressWarnings("unchecked")
        P p = ((Parsed.Valid<P>) parsed).parameters();
        return p;
    }

    @Test
    void without_as_of_a_query_asks_about_today_and_without_known_at_it_sees_everything_recorded() {
        Bitemporal p = valid(new HerdRegister());
        assertThat(p.when()).isEqualTo(new Bitemporal(TODAY, null));
        assertThat(p.canonical()).containsExactly(entry("asOf", "2026-11-27"));
    }

    @Test
    void as_of_is_a_date_and_known_at_an_instant_with_its_offset() {
        Bitemporal p = valid(new HerdRegister(), "asOf", "2026-06-30", "knownAt",
                "2026-07-01T09:00:00+01:00");
        assertThat(p.when()).isEqualTo(new Bitemporal(LocalDate.parse("2026-06-30"),
                Instant.parse("2026-07-01T08:00:00Z")));
        assertThat(p.canonical()).containsExactly(entry("asOf", "2026-06-30"), entry("knownAt", "2026-07-01T08:00:00Z"));
    }

    @Test
    void a_date_that_is_not_one_is_malformed_with_the_parameter_name() {
        assertThat(rejected(new HerdRegister(), "asOf", "30/06/2026", "knownAt", "2026-07-01"))
                .extracting(Rejection::field).containsExactly("asOf", "knownAt");
        assertThat(rejected(new TbTestsDue(), "asOf", "yesterday").get(0).message())
                .isEqualTo("asOf must be a date such as 2026-06-30, not 'yesterday'.");
    }

    @Test
    void a_parameter_the_query_does_not_take_is_reported_rather_than_ignored() {
        assertThat(rejected(new HerdRegister(), "asof", "2026-06-30")).extracting(Rejection::field, Rejection::message)
                .containsExactly(tuple("asof", "'asof' is not a parameter of herd-register; it takes asOf, knownAt."));
    }

    @Test
    void animals_at_needs_a_location_written_field_or_barn_colon_code() {
        assertThat(rejected(new AnimalsAt())).extracting(Rejection::field).containsExactly("location");
        assertThat(rejected(new AnimalsAt(), "location", "paddock:north")).extracting(Rejection::field)
                .containsExactly("location");
    }

    @Test
    void animal_history_needs_an_ear_tag_in_normal_form_after_normalising() {
        assertThat(rejected(new AnimalHistory())).extracting(Rejection::field).containsExactly("earTag");
        assertThat(rejected(new AnimalHistory(), "earTag", "IE12").get(0).message())
                .isEqualTo("'IE12' is not an ear tag (two letters and 6 to 14 digits, e.g. IE12345670012).");
    }

    @Test
    void milk_yield_needs_from_and_to_in_order_and_any_ear_tag_well_formed() {
        assertThat(rejected(new MilkYield(), "earTag", "cow 7")).extracting(Rejection::field)
                .containsExactly("from", "to", "earTag");
        assertThat(rejected(new MilkYield(), "from", "2026-11-27", "to", "2026-11-26"))
                .extracting(Rejection::field).containsExactly("to");
        MilkYield.Parameters p = valid(new MilkYield(), "from", "2026-11-27", "to", "2026-11-27", "earTag", " ");
        assertThat(p.earTag()).isNull();
    }

    @Test
    void loan_collateral_needs_a_loan_id() {
        assertThat(rejected(new LoanCollateral(), "loanId", "  ")).extracting(Rejection::field)
                .containsExactly("loanId");
        LoanCollateral.Parameters p = valid(new LoanCollateral(), "loanId", " GF-2026-017 ");
        assertThat(p.canonical()).containsEntry("loanId", "GF-2026-017");
    }
}
