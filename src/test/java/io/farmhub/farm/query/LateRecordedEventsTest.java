package io.farmhub.farm.query;

import static io.farmhub.farm.query.FarmStory.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.farmhub.farm.Location;
import io.farmhub.farm.query.HerdRegister.Animal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Bitemporal answers: asOf is the world as it was on a day, knownAt is what FarmHub had recorded by an
 * instant. "The herd as it was on 30 June, as we knew it on 1 July" is asOf 2026-06-30, knownAt
 * 2026-07-01T00:00Z. A sale receipt entered late changes that answer (we did not know of the sale on 1 July)
 * but not "the herd as it was on 30 June" (the sale happened on the 28th, whenever it was entered).
 */
class LateRecordedEventsTest {

    static final String DAISY = "IE12345670012";
    static final String BELLA = "IE12345670029";
    static final LocalDate TODAY = LocalDate.parse("2026-07-05");
    static final HerdRegister REGISTER = new HerdRegister();

    /** Daisy and Bella bought in May; Daisy sold on 28 June, the receipt recorded at {@code saleRecordedAt}. */
    static FarmStory herd(String saleRecordedAt) {
        FarmStory farm = bought();
        if (saleRecordedAt != null) {
            farm.record(by("mary", "inbox:mary/sale.csv#1", "sale-1", saleRecordedAt), "RecordSale", """
                    {"earTag": "IE12345670012", "soldOn": "2026-06-28", "buyer": "Mart Ltd",
                     "price": {"amount": "1250.00", "currency": "EUR"}}""");
        }
        return farm;
    }

    private static FarmStory bought() {
        FarmStory farm = new FarmStory().record(by("mary", "api:mary", "field-1", "2026-05-01T08:00:00Z"),
                "RegisterField", "{\"fieldCode\": \"north-meadow\", \"name\": \"North Meadow\", \"areaHectares\": 12}");
        for (String tag : new String[] {DAISY, BELLA}) {
            farm.record(by("mary", "api:mary", "buy-" + tag, "2026-05-02T18:00:00Z"), "RecordPurchase", """
                    {"earTag": "%s", "herdNumber": "H1", "sex": "F", "breed": "Friesian", "bornOn": "2022-03-01",
                     "purchasedOn": "2026-05-02", "seller": "Doyle Mart", "price": {"amount": "1200.00",
                     "currency": "EUR"}, "location": "field:north-meadow"}""".formatted(tag));
        }
        return farm;
    }

    static java.util.List<String> register(FarmStory farm, String... parameters) {
        return farm.ask(REGISTER, TODAY, parameters).result().animals().stream().map(Animal::earTag).toList();
    }

    @Test
    void as_we_knew_it_on_1_july_daisy_was_still_in_the_herd_when_her_receipt_came_in_later() {
        String[] asKnownOn1July = {"asOf", "2026-06-30", "knownAt", "2026-07-01T00:00:00Z"};
        assertThat(register(herd("2026-07-03T10:00:00Z"), asKnownOn1July)).containsExactly(DAISY, BELLA);
        assertThat(register(herd("2026-06-28T19:00:00Z"), asKnownOn1July)).containsExactly(BELLA);
    }

    @Test
    void the_herd_as_it_was_on_30_june_is_the_same_however_late_the_receipt_came_in() {
        assertThat(register(herd("2026-07-03T10:00:00Z"), "asOf", "2026-06-30")).containsExactly(BELLA);
        assertThat(register(herd("2026-06-28T19:00:00Z"), "asOf", "2026-06-30")).containsExactly(BELLA);
        assertThat(register(herd("2026-07-03T10:00:00Z"), "asOf", "2026-06-27")).containsExactly(DAISY, BELLA);
    }

    @Test
    void a_report_run_on_1_july_is_reproduced_exactly_after_the_late_receipt() {
        String[] report = {"asOf", "2026-06-30", "knownAt", "2026-07-01T00:00:00Z"};
        QueryResult<HerdRegister.Register> then = herd(null).ask(REGISTER, TODAY, report);
        QueryResult<HerdRegister.Register> now = herd("2026-07-03T10:00:00Z").ask(REGISTER, TODAY, report);

        assertThat(now.result()).isEqualTo(then.result());
        assertThat(now.parameters()).isEqualTo(then.parameters());
        // What it was computed from moved on: Daisy's stream has the sale now, hidden by knownAt.
        assertThat(then.sourceVersions()).containsEntry("farm/cow/" + DAISY, 1L);
        assertThat(now.sourceVersions()).containsEntry("farm/cow/" + DAISY, 2L);
    }

    @Test
    void known_at_alone_asks_about_today_as_far_as_it_was_known_then() {
        assertThat(register(herd("2026-07-03T10:00:00Z"), "knownAt", "2026-07-01T00:00:00Z"))
                .containsExactly(DAISY, BELLA);
        assertThat(register(herd("2026-07-03T10:00:00Z"))).containsExactly(BELLA);
    }

    @Test
    void a_movement_entered_after_the_monthly_report_corrects_the_register_but_not_the_report() {
        FarmStory farm = herd(null)
                .record(by("mary", "api:mary", "barn-1", "2026-05-03T08:00:00Z"), "RegisterBarn",
                        "{\"barnCode\": \"main-barn\", \"name\": \"Main Barn\", \"capacity\": 40}");
        String[] report = {"asOf", "2026-05-31", "knownAt", "2026-06-01T05:00:00Z"};
        QueryResult<HerdRegister.Register> reported = farm.ask(REGISTER, TODAY, report);
        // On 3 June mary enters the movement form she forgot: Bella went into the barn on 28 May.
        farm.record(by("mary", "inbox:mary/moves.csv#1", "move-1", "2026-06-03T12:00:00Z"), "RelocateAnimal",
                "{\"earTag\": \"IE12345670029\", \"to\": \"barn:main-barn\", \"movedOn\": \"2026-05-28\"}");

        assertThat(farm.ask(REGISTER, TODAY, report).result()).isEqualTo(reported.result());
        assertThat(farm.ask(REGISTER, TODAY, "asOf", "2026-05-31").result().animals())
                .extracting(Animal::earTag, Animal::location)
                .containsExactly(tuple(DAISY, Location.field("north-meadow")),
                        tuple(BELLA, Location.barn("main-barn")));
        assertThat(farm.ask(new AnimalsAt(), TODAY, "location", "barn:main-barn", "asOf", "2026-05-31").result()
                .animals()).extracting(AnimalsAt.Animal::earTag, AnimalsAt.Animal::since)
                .containsExactly(tuple(BELLA, LocalDate.parse("2026-05-28")));
        assertThat(farm.ask(new AnimalsAt(), TODAY, "location", "barn:main-barn", "asOf", "2026-05-31",
                "knownAt", "2026-06-01T05:00:00Z").result().animals()).isEmpty();
    }

    @Test
    void a_tb_sheet_entered_after_the_daily_report_takes_the_cow_off_the_due_list_but_not_off_the_report() {
        FarmStory farm = herd(null);
        String[] report = {"asOf", "2026-06-14", "knownAt", "2026-06-14T06:00:00Z"};
        TbTestsDue due = new TbTestsDue();
        assertThat(farm.ask(due, TODAY, report).result().animals()).extracting(TbTestsDue.Animal::earTag)
                .containsExactly(DAISY, BELLA);
        farm.record(by("mary", "inbox:mary/tb.csv#1", "tb-1", "2026-06-15T09:00:00Z"), "RecordTBInspection", """
                {"inspectionId": "TB-1", "testedOn": "2026-06-12", "vet": "Dr. Walsh",
                 "results": [{"earTag": "IE12345670012", "result": "CLEAR"},
                             {"earTag": "IE12345670029", "result": "CLEAR"}]}""");

        assertThat(farm.ask(due, TODAY, report).result().animals()).extracting(TbTestsDue.Animal::earTag)
                .containsExactly(DAISY, BELLA);
        assertThat(farm.ask(due, TODAY, "asOf", "2026-06-14").result().animals()).isEmpty();
    }
}
