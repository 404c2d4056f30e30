package io.farmhub.intake;

import static io.farmhub.intake.IntakeAssertions.assertSameJson;
import static io.farmhub.intake.IntakeAssertions.commands;
import static io.farmhub.intake.IntakeAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The project's example documents ({@code examples/inbox/mary/}, the ones the README and the end-to-end tests
 * drop) become exactly these commands. The ids are pinned: they are the SHA-256 of the files as committed, and a
 * changed id would make a re-dropped document count as new.
 */
class InboxExamplesTest {

    private static final Path EXAMPLES = Path.of("examples/inbox/mary");
    private final InboxReader reader = new InboxReader(InboxReader.DEFAULT_MAX_BYTES);

    private List<CommandRequest> read(String name) throws IOException {
        return commands(reader.read("mary/" + name, DocumentContent.of(EXAMPLES.resolve(name)), Set.of("mary")));
    }

    private static void assertCommand(CommandRequest command, String type, String id, String document, int row,
            String payload) {
        assertThat(command.commandType()).isEqualTo(type);
        assertThat(command.commandId()).isEqualTo(id);
        assertThat(command.submittedBy()).isEqualTo("mary");
        assertThat(command.source()).isEqualTo(CommandSource.inbox("mary/" + document, row));
        assertSameJson(command.payload(), json(payload));
    }

    @Test
    void the_setup_batch_registers_fields_barns_and_tractors_in_order() throws IOException {
        String sha = "5f8246b9c58e195b617b984b79d6bd20b04db9f4b50eb998754171b27f5727da";
        List<CommandRequest> commands = read("01-setup.json");
        assertThat(commands).extracting(CommandRequest::commandType).containsExactly("RegisterField",
                "RegisterField", "RegisterBarn", "RegisterBarn", "RegisterTractor", "RegisterTractor");
        assertThat(commands).extracting(CommandRequest::commandId).containsExactly(sha + ":1", sha + ":2",
                sha + ":3", sha + ":4", sha + ":5", sha + ":6");
        assertCommand(commands.get(4), "RegisterTractor", sha + ":5", "01-setup.json", 5,
                "{\"chassisNumber\": \"MF7S165A004521\", \"make\": \"Massey Ferguson\", \"model\": \"7S.165\", \"year\": 2022}");
    }

    @Test
    void the_purchase_receipt_gives_one_purchase_per_row_with_its_price() throws IOException {
        String sha = "22a9828d1f04307c508fdbdd121e2ce340c1d3eb850691aeeff18fe8c7176348";
        List<CommandRequest> commands = read("02-purchase-receipt.csv");
        assertThat(commands).hasSize(4);
        assertCommand(commands.get(0), "RecordPurchase", sha + ":1", "02-purchase-receipt.csv", 1, """
                {"earTag": "IE2201334 0007", "herdNumber": "H778812", "sex": "F", "breed": "Friesian",
                 "bornOn": "2022-02-11", "purchasedOn": "2026-10-05", "seller": "Doyle Mart",
                 "price": {"amount": "1380.00", "currency": "EUR"}, "location": "field:hazel-park"}""");
        assertCommand(commands.get(2), "RecordPurchase", sha + ":3", "02-purchase-receipt.csv", 3, """
                {"earTag": "IE93104420015", "herdNumber": "H778812", "sex": "M", "breed": "Hereford, polled",
                 "bornOn": "2024-05-19", "purchasedOn": "2026-10-05", "seller": "O'Brien & Sons",
                 "price": {"amount": "910.00", "currency": "EUR"}, "location": "barn:calf-shed"}""");
    }

    @Test
    void the_movement_form_saved_by_excel_with_bom_and_crlf_gives_relocations() throws IOException {
        String sha = "eb62c991a771188e156a508210f57d2a1e362bd89bb59c87c1689e058e41d0f6";
        List<CommandRequest> commands = read("03-movement-form.csv");
        assertThat(commands).hasSize(3);
        assertCommand(commands.get(0), "RelocateAnimal", sha + ":1", "03-movement-form.csv", 1,
                "{\"earTag\": \"IE22013340007\", \"to\": \"barn:cubicle-house\", \"movedOn\": \"2026-11-03\"}");
        assertCommand(commands.get(2), "RelocateAnimal", sha + ":3", "03-movement-form.csv", 3,
                "{\"earTag\": \"IE93104420016\", \"to\": \"field:lough-field\", \"movedOn\": \"2026-11-10\"}");
    }

    @Test
    void the_tb_test_sheet_gives_one_inspection_per_id_in_first_seen_order() throws IOException {
        String sha = "5fe1b9a5b67a5cfa90810be1b5bc3d23fd39fa9fb5fa90abe93b6e53abc7ef9d";
        List<CommandRequest> commands = read("04-tb-test-sheet.csv");
        assertThat(commands).hasSize(2);
        assertCommand(commands.get(0), "RecordTBInspection", sha + ":1", "04-tb-test-sheet.csv", 1, """
                {"inspectionId": "TB-2026-HZ1", "testedOn": "2026-11-12", "vet": "Dr. Siobhán Walsh",
                 "results": [{"earTag": "IE22013340007", "result": "CLEAR"},
                             {"earTag": "IE22013340008", "result": "CLEAR"},
                             {"earTag": "IE93104420016", "result": "INCONCLUSIVE"}]}""");
        assertCommand(commands.get(1), "RecordTBInspection", sha + ":2", "04-tb-test-sheet.csv", 3, """
                {"inspectionId": "TB-2026-CS1", "testedOn": "2026-11-13", "vet": "Dr. Siobhán Walsh",
                 "results": [{"earTag": "IE93104420015", "result": "CLEAR"}]}""");
    }

    @Test
    void the_service_record_keeps_quoted_commas_quotes_and_line_breaks() throws IOException {
        String sha = "fd28ef858141fd21fd68095d0ea286c084b66d99878846ec320481e29fba3266";
        List<CommandRequest> commands = read("05-service-record.csv");
        assertCommand(commands.get(0), "RecordTractorService", sha + ":1", "05-service-record.csv", 1, """
                {"chassisNumber": "MF7S165A004521", "servicedOn": "2026-11-04", "engineHours": 812.5,
                 "workDone": "Engine oil, fuel filter; \\"PTO\\" guard replaced"}""");
        assertCommand(commands.get(1), "RecordTractorService", sha + ":2", "05-service-record.csv", 2, """
                {"chassisNumber": "NH5T120B009876", "servicedOn": "2026-11-06", "engineHours": 2140,
                 "workDone": "Hydraulic oil and filters\\nfront linkage checked"}""");
    }

    @Test
    void the_sale_receipt_gives_a_sale() throws IOException {
        String sha = "a85be71f128214fb05698aa22070da265430075ffc95040cf580bbded1fe4918";
        assertCommand(read("06-sale-receipt.csv").get(0), "RecordSale", sha + ":1", "06-sale-receipt.csv", 1, """
                {"earTag": "IE93104420015", "soldOn": "2026-11-20", "buyer": "Midlands Beef Ltd",
                 "price": {"amount": "1105.00", "currency": "EUR"}}""");
    }

    @Test
    void a_single_command_keeps_the_id_the_document_gives() throws IOException {
        assertCommand(read("07-loan.json").get(0), "CollateraliseLoan", "loan-gf-2026-017", "07-loan.json", 1, """
                {"loanId": "GF-2026-017", "lender": "Greenfield Credit Union", "pledgedOn": "2026-11-24",
                 "tractors": ["NH5T120B009876"], "fields": ["lough-field"], "cattle": ["IE22013340008"]}""");
    }
}
