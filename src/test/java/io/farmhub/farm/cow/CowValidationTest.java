package io.farmhub.farm.cow;

import static io.farmhub.core.ErrorCode.MALFORMED;
import static io.farmhub.core.ErrorCode.OUT_OF_RANGE;
import static io.farmhub.farm.cow.Herd.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.farmhub.core.Rejection;
import io.farmhub.farm.Money;
import io.farmhub.farm.cow.CowCommand.*;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stateless checks: keys in normal form, required fields, ranges. */
class CowValidationTest {

    private static List<Rejection> validate(CowCommand c) {
        return CowDecider.validate(c.normalised(), TODAY);
    }

    @Test
    void an_ear_tag_is_normalised_before_it_is_checked() {
        RecordDeath death = new RecordDeath("ie1234567 0012", TODAY, "old age");
        assertThat(death.normalised().earTag()).isEqualTo(DAISY);
        assertThat(validate(death)).isEmpty();
        assertThat(validate(new RecordDeath("IE-1234567-0012", TODAY, "old age"))).isEmpty();
    }

    @Test
    void an_ear_tag_not_in_normal_form_is_malformed_with_its_field() {
        assertThat(validate(new RecordDeath("IE12345", TODAY, "old age")))
                .extracting(Rejection::code, Rejection::field).containsExactly(tuple(MALFORMED, "earTag"));
        assertThat(validate(new RecordDeath("1E12345670012", TODAY, "old age")))
                .extracting(Rejection::field).containsExactly("earTag");
        assertThat(validate(new RegisterBirth(CALF, "HN-1", Sex.F, "Angus", TODAY, "dam?", NORTH_MEADOW)))
                .extracting(Rejection::code, Rejection::field).containsExactly(tuple(MALFORMED, "damEarTag"));
    }

    @Test
    void every_missing_required_field_is_named() {
        assertThat(validate(new RegisterBirth(null, " ", null, null, null, null, null)))
                .extracting(Rejection::field)
                .containsExactly("earTag", "herdNumber", "sex", "breed", "bornOn", "location");
        assertThat(validate(new RecordPurchase(null, null, null, null, null, null, null, null, null)))
                .extracting(Rejection::field).containsExactly("earTag", "herdNumber", "sex", "breed", "bornOn",
                        "purchasedOn", "seller", "price", "location");
        assertThat(validate(new RecordSale(null, null, null, null))).extracting(Rejection::field)
                .containsExactly("earTag", "soldOn", "buyer", "price");
        assertThat(validate(new RecordDeath(DAISY, null, ""))).extracting(Rejection::field)
                .containsExactly("diedOn", "cause");
        assertThat(validate(new RelocateAnimal(null, null, null))).extracting(Rejection::field)
                .containsExactly("earTag", "to", "movedOn");
        assertThat(validate(new RecordAIVisit(DAISY, null, null, null))).extracting(Rejection::field)
                .containsExactly("servedOn", "technician", "sireCode");
        assertThat(validate(new RecordTBInspection(null, null, null, null))).extracting(Rejection::field)
                .containsExactly("inspectionId", "testedOn", "vet", "results");
        assertThat(validate(new RecordMilking(null, null, null))).extracting(Rejection::field)
                .containsExactly("earTag", "milkedAt", "litres");
        assertThat(validate(new RecordMilking(null, null, null))).extracting(Rejection::code).containsOnly(MALFORMED);
    }

    @Test
    void each_line_of_a_tb_sheet_is_checked_with_its_path() {
        RecordTBInspection sheet = new RecordTBInspection("TB-1", TODAY, "Dr. Walsh", Arrays.asList(
                new RecordTBInspection.Result(DAISY, TbResult.CLEAR),
                null,
                new RecordTBInspection.Result("not-a-tag", TbResult.CLEAR),
                new RecordTBInspection.Result(BELLA, null)));
        assertThat(validate(sheet)).extracting(Rejection::code, Rejection::field).containsExactly(
                tuple(MALFORMED, "results[1]"), tuple(MALFORMED, "results[2].earTag"),
                tuple(MALFORMED, "results[3].result"));
    }

    @Test
    void a_tb_sheet_tag_is_normalised() {
        RecordTBInspection sheet = new RecordTBInspection("TB-1", TODAY, "Dr. Walsh",
                List.of(new RecordTBInspection.Result("ie 1234567-0012", TbResult.CLEAR)));
        assertThat(sheet.normalised().results().get(0).earTag()).isEqualTo(DAISY);
        assertThat(validate(sheet)).isEmpty();
    }

    @Test
    void a_price_is_not_negative_and_names_a_currency() {
        assertThat(validate(new RecordSale(DAISY, TODAY, "Mart Ltd", Money.of("-1.00", "EUR"))))
                .extracting(Rejection::code, Rejection::field).containsExactly(tuple(OUT_OF_RANGE, "price.amount"));
        assertThat(validate(new RecordSale(DAISY, TODAY, "Mart Ltd", Money.of("0.00", "euro"))))
                .extracting(Rejection::code, Rejection::field).containsExactly(tuple(MALFORMED, "price.currency"));
    }

    @Test
    void every_rejection_is_a_sentence() {
        assertThat(validate(new RecordPurchase(null, null, null, null, null, null, null, null, null)))
                .allSatisfy(r -> assertThat(r.message()).endsWith("."));
    }
}
