package io.farmhub.farm.query;

import static io.farmhub.farm.query.FarmStory.by;

import io.farmhub.farm.StoredEvents.Provenance;
import java.time.LocalDate;

/**
 * The project's example story (examples/inbox/mary and examples/sensors), played through the real handlers
 * with the documents' own command ids (the SHA-256 of each file, see InboxExamplesTest) and sources. Beyond
 * the examples: kale sown on Lough Field in June, an evening and a next-morning milking, a frosty night in the
 * calf shed, and the New Holland's hour meter reaching 250 h since its service.
 *
 * <pre>
 * recorded           what
 * 2026-06-01 09:00   01-setup.json: fields hazel-park (9.4 ha), lough-field (15.0 ha); barns cubicle-house (60),
 *                    calf-shed (12); tractors MF7S165A004521, NH5T120B009876
 * 2026-06-15 18:00   kale sown on lough-field (API)
 * 2026-10-06 08:30   02-purchase-receipt.csv: 0007 F Friesian, 0008 F Jersey to field:hazel-park; 0015 M
 *                    Hereford (polled), 0016 F Hereford to barn:calf-shed; all purchased 2026-10-05
 * 2026-11-07 10:00   05-service-record.csv: MF serviced 2026-11-04 at 812.5 h, NH 2026-11-06 at 2140 h
 * 2026-11-10 20:00   03-movement-form.csv: 0007, 0008 to barn:cubicle-house on 11-03; 0016 to field:lough-field on 11-10
 * 2026-11-14 09:00   04-tb-test-sheet.csv: 0007, 0008 CLEAR and 0016 INCONCLUSIVE on 11-12; 0015 CLEAR on 11-13
 * 2026-11-21 09:00   06-sale-receipt.csv: 0015 sold on 11-20
 * 2026-11-24 15:00   07-loan.json: GF-2026-017 pledges NH5T120B009876, lough-field and 0008
 * 2026-11-26/27      sensors: milk 0007 13.6 + 12.2 on 11-26, 14.0 on 11-27; 0008 11.9 on 11-26, 12.5 on 11-27;
 *                    cubicle-house 9.5, 9.8 °C; calf-shed -1.5 °C (alert); MF 815.2 h; NH 2390.0 h
 * </pre>
 */
public final class ExampleFarm {

    public static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    public static final String FRIESIAN = "IE22013340007";
    public static final String JERSEY = "IE22013340008";
    public static final String HEREFORD_BULL = "IE93104420015";
    public static final String HEREFORD_HEIFER = "IE93104420016";
    public static final String MASSEY = "MF7S165A004521";
    public static final String NEW_HOLLAND = "NH5T120B009876";

    public static final String SETUP = "5f8246b9c58e195b617b984b79d6bd20b04db9f4b50eb998754171b27f5727da";
    public static final String PURCHASES = "22a9828d1f04307c508fdbdd121e2ce340c1d3eb850691aeeff18fe8c7176348";
    public static final String MOVES = "eb62c991a771188e156a508210f57d2a1e362bd89bb59c87c1689e058e41d0f6";
    public static final String TB_SHEET = "5fe1b9a5b67a5cfa90810be1b5bc3d23fd39fa9fb5fa90abe93b6e53abc7ef9d";
    public static final String SERVICES = "fd28ef858141fd21fd68095d0ea286c084b66d99878846ec320481e29fba3266";
    public static final String SALE = "a85be71f128214fb05698aa22070da265430075ffc95040cf580bbded1fe4918";

    private ExampleFarm() {
    }

    /** Row {@code n} of a document mary dropped, recorded at {@code recordedAt}. */
    static Provenance inbox(String document, String sha, int n, int row, String recordedAt) {
        return by("mary", "inbox:mary/" + document + "#" + row, sha + ":" + n, recordedAt);
    }

    static Provenance sensor(String sensorId, String at, String recordedAt) {
        return by("gate-7", "sensor:" + sensorId, "sensor:" + sensorId + ":" + at, recordedAt);
    }

    public static FarmStory story() {
        FarmStory farm = new FarmStory();
        tell(farm);
        return farm;
    }

    /** Tells the whole story, in the order it was recorded, to {@code farm}. */
    public static void tell(StoryRecorder farm) {
        setUp(farm);
        purchase(farm);
        farm.record(inbox("05-service-record.csv", SERVICES, 1, 1, "2026-11-07T10:00:00Z"), "RecordTractorService",
                        """
                        {"chassisNumber": "MF7S165A004521", "servicedOn": "2026-11-04", "engineHours": 812.5,
                         "workDone": "Engine oil, fuel filter; \\"PTO\\" guard replaced"}""")
                .record(inbox("05-service-record.csv", SERVICES, 2, 2, "2026-11-07T10:00:00Z"), "RecordTractorService",
                        """
                        {"chassisNumber": "NH5T120B009876", "servicedOn": "2026-11-06", "engineHours": 2140,
                         "workDone": "Hydraulic oil and filters\\nfront linkage checked"}""");
        move(farm);
        test(farm);
        farm.record(inbox("06-sale-receipt.csv", SALE, 1, 1, "2026-11-21T09:00:00Z"), "RecordSale", """
                {"earTag": "IE93104420015", "soldOn": "2026-11-20", "buyer": "Midlands Beef Ltd",
                 "price": {"amount": "1105.00", "currency": "EUR"}}""")
                .record(by("mary", "inbox:mary/07-loan.json#1", "loan-gf-2026-017", "2026-11-24T15:00:00Z"),
                        "CollateraliseLoan", """
                        {"loanId": "GF-2026-017", "lender": "Greenfield Credit Union", "pledgedOn": "2026-11-24",
                         "tractors": ["NH5T120B009876"], "fields": ["lough-field"], "cattle": ["IE22013340008"]}""");
        sensors(farm);
    }

    private static void setUp(StoryRecorder farm) {
        String at = "2026-06-01T09:00:00Z";
        farm.record(inbox("01-setup.json", SETUP, 1, 1, at), "RegisterField",
                        "{\"fieldCode\": \"hazel-park\", \"name\": \"Hazel Park\", \"areaHectares\": 9.4}")
                .record(inbox("01-setup.json", SETUP, 2, 2, at), "RegisterField",
                        "{\"fieldCode\": \"lough-field\", \"name\": \"Lough Field\", \"areaHectares\": 15.0}")
                .record(inbox("01-setup.json", SETUP, 3, 3, at), "RegisterBarn",
                        "{\"barnCode\": \"cubicle-house\", \"name\": \"Cubicle House\", \"capacity\": 60}")
                .record(inbox("01-setup.json", SETUP, 4, 4, at), "RegisterBarn",
                        "{\"barnCode\": \"calf-shed\", \"name\": \"Calf Shed\", \"capacity\": 12}")
                .record(inbox("01-setup.json", SETUP, 5, 5, at), "RegisterTractor", """
                        {"chassisNumber": "MF7S165A004521", "make": "Massey Ferguson", "model": "7S.165",
                         "year": 2022}""")
                .record(inbox("01-setup.json", SETUP, 6, 6, at), "RegisterTractor", """
                        {"chassisNumber": "NH5T120B009876", "make": "New Holland", "model": "T5.120", "year": 2019}""")
                .record(by("mary", "api:mary", "sow-lough-field-2026", "2026-06-15T18:00:00Z"), "SowCrop",
                        "{\"fieldCode\": \"lough-field\", \"crop\": \"kale\", \"sownOn\": \"2026-06-15\"}");
    }

    private static void purchase(StoryRecorder farm) {
        String at = "2026-10-06T08:30:00Z";
        String[][] rows = {
            {"IE2201334 0007", "F", "Friesian", "2022-02-11", "Doyle Mart", "1380.00", "field:hazel-park"},
            {"IE22013340008", "F", "Jersey", "2022-03-02", "Doyle Mart", "1295.50", "field:hazel-park"},
            {"IE93104420015", "M", "Hereford, polled", "2024-05-19", "O'Brien & Sons", "910.00", "barn:calf-shed"},
            {"IE93104420016", "F", "Hereford", "2024-06-01", "O'Brien & Sons", "880.00", "barn:calf-shed"}};
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            farm.record(inbox("02-purchase-receipt.csv", PURCHASES, i + 1, i + 1, at), "RecordPurchase", String.format("""
                    {"earTag": "%s", "herdNumber": "H778812", "sex": "%s", "breed": "%s", "bornOn": "%s",
                     "purchasedOn": "2026-10-05", "seller": "%s", "price": {"amount": "%s", "currency": "EUR"},
                     "location": "%s"}""", (Object[]) r));
        }
    }

    private static void move(StoryRecorder farm) {
        String at = "2026-11-10T20:00:00Z";
        String[][] rows = {{FRIESIAN, "barn:cubicle-house", "2026-11-03"}, {JERSEY, "barn:cubicle-house", "2026-11-03"},
            {HEREFORD_HEIFER, "field:lough-field", "2026-11-10"}};
        for (int i = 0; i < rows.length; i++) {
            farm.record(inbox("03-movement-form.csv", MOVES, i + 1, i + 1, at), "RelocateAnimal", String.format(
                    "{\"earTag\": \"%s\", \"to\": \"%s\", \"movedOn\": \"%s\"}", (Object[]) rows[i]));
        }
    }

    private static void test(StoryRecorder farm) {
        String at = "2026-11-14T09:00:00Z";
        farm.record(inbox("04-tb-test-sheet.csv", TB_SHEET, 1, 1, at), "RecordTBInspection", """
                        {"inspectionId": "TB-2026-HZ1", "testedOn": "2026-11-12", "vet": "Dr. Siobhán Walsh",
                         "results": [{"earTag": "IE22013340007", "result": "CLEAR"},
                                     {"earTag": "IE22013340008", "result": "CLEAR"},
                                     {"earTag": "IE93104420016", "result": "INCONCLUSIVE"}]}""")
                .record(inbox("04-tb-test-sheet.csv", TB_SHEET, 2, 3, at), "RecordTBInspection", """
                        {"inspectionId": "TB-2026-CS1", "testedOn": "2026-11-13", "vet": "Dr. Siobhán Walsh",
                         "results": [{"earTag": "IE93104420015", "result": "CLEAR"}]}""");
    }

    private static void sensors(StoryRecorder farm) {
        milk(farm, FRIESIAN, "2026-11-26T05:48:00Z", "13.6");
        milk(farm, JERSEY, "2026-11-26T05:55:00Z", "11.9");
        temperature(farm, "cubicle-house", "shed-temp-1", "2026-11-26T06:00:00Z", "9.5");
        temperature(farm, "cubicle-house", "shed-temp-1", "2026-11-26T06:15:00Z", "9.8");
        hours(farm, MASSEY, "mf-hours", "2026-11-26T17:30:00Z", "815.2");
        milk(farm, FRIESIAN, "2026-11-26T16:50:00Z", "12.2");
        temperature(farm, "calf-shed", "calf-temp-1", "2026-11-27T04:00:00Z", "-1.5");
        milk(farm, FRIESIAN, "2026-11-27T05:50:00Z", "14.0");
        milk(farm, JERSEY, "2026-11-27T05:58:00Z", "12.5");
        hours(farm, NEW_HOLLAND, "nh-hours", "2026-11-27T18:00:00Z", "2390.0");
    }

    private static void milk(StoryRecorder farm, String earTag, String at, String litres) {
        farm.record(sensor("parlour-3", at, recordedAfter(at)), "RecordMilking",
                "{\"earTag\": \"" + earTag + "\", \"milkedAt\": \"" + at + "\", \"litres\": " + litres + "}");
    }

    private static void temperature(StoryRecorder farm, String barn, String sensorId, String at, String celsius) {
        farm.record(sensor(sensorId, at, recordedAfter(at)), "RecordBarnTemperature",
                "{\"barnCode\": \"" + barn + "\", \"at\": \"" + at + "\", \"celsius\": " + celsius + "}");
    }

    private static void hours(StoryRecorder farm, String chassis, String sensorId, String at, String hours) {
        farm.record(sensor(sensorId, at, recordedAfter(at)), "RecordEngineHours",
                "{\"chassisNumber\": \"" + chassis + "\", \"at\": \"" + at + "\", \"engineHours\": " + hours + "}");
    }

    /** A reading reaches FarmHub a few seconds after it was taken. */
    private static String recordedAfter(String at) {
        return java.time.Instant.parse(at).plusSeconds(5).toString();
    }
}
