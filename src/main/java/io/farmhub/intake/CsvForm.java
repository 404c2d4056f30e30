package io.farmhub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The five CSV forms of interfaces.md, told apart by the set of header names (any order). Each row becomes a
 * payload with domain.md's field names, carrying what was sent: an empty cell is {@code null}, every value is
 * the text of its cell, except {@code engine_hours}, which is a number when the cell is one and the text as
 * sent otherwise, so the pipeline's validation rejects that command ({@code MALFORMED}, field
 * {@code engineHours}) instead of the whole document. Dates, ear tags and codes are not normalised here: that
 * is the domain's job, with the domain's error codes.
 */
enum CsvForm {

    MOVEMENT_FORM("movement form", "RelocateAnimal", "ear_tag,to,moved_on") {
        @Override
        ObjectNode payload(Map<String, String> row) {
            return object("earTag", text(row, "ear_tag"), "to", text(row, "to"), "movedOn", text(row, "moved_on"));
        }
    },
    PURCHASE_RECEIPT("purchase receipt", "RecordPurchase",
            "ear_tag,herd_number,sex,breed,born_on,purchased_on,seller,price,currency,location") {
        @Override
        ObjectNode payload(Map<String, String> row) {
            return object("earTag", text(row, "ear_tag"), "herdNumber", text(row, "herd_number"),
                    "sex", text(row, "sex"), "breed", text(row, "breed"), "bornOn", text(row, "born_on"),
                    "purchasedOn", text(row, "purchased_on"), "seller", text(row, "seller"), "price", price(row),
                    "location", text(row, "location"));
        }
    },
    SALE_RECEIPT("sale receipt", "RecordSale", "ear_tag,sold_on,buyer,price,currency") {
        @Override
        ObjectNode payload(Map<String, String> row) {
            return object("earTag", text(row, "ear_tag"), "soldOn", text(row, "sold_on"),
                    "buyer", text(row, "buyer"), "price", price(row));
        }
    },
    /** One command per inspection_id: {@link #payload} is the part the rows share; {@link TbTestSheet} adds the results. */
    TB_TEST_SHEET("TB test sheet", "RecordTBInspection", "inspection_id,tested_on,vet,ear_tag,result") {
        @Override
        ObjectNode payload(Map<String, String> row) {
            ObjectNode payload = object("inspectionId", text(row, "inspection_id"),
                    "testedOn", text(row, "tested_on"), "vet", text(row, "vet"));
            payload.putArray("results");
            return payload;
        }
    },
    SERVICE_RECORD("service record", "RecordTractorService", "chassis_number,serviced_on,engine_hours,work_done") {
        @Override
        ObjectNode payload(Map<String, String> row) {
            return object("chassisNumber", text(row, "chassis_number"), "servicedOn", text(row, "serviced_on"),
                    "engineHours", number(row, "engine_hours"), "workDone", text(row, "work_done"));
        }
    };

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

    final String title;
    final String commandType;
    final List<String> columns;

    CsvForm(String title, String commandType, String header) {
        this.title = title;
        this.commandType = commandType;
        this.columns = List.of(header.split(","));
    }

    abstract ObjectNode payload(Map<String, String> row);

    /** The form whose header is exactly this set of names, or null. */
    static CsvForm byHeader(Set<String> names) {
        return Arrays.stream(values()).filter(form -> Set.copyOf(form.columns).equals(names)).findFirst()
                .orElse(null);
    }

    /** The form sharing the most names with this header: what the sender most likely meant. */
    static CsvForm closest(Set<String> names) {
        CsvForm best = MOVEMENT_FORM;
        long bestShared = -1;
        for (CsvForm form : values()) {
            long shared = form.columns.stream().filter(names::contains).count();
            if (shared > bestShared) {
                best = form;
                bestShared = shared;
            }
        }
        return best;
    }

    /** What is missing from and extra to this form's header, for a message a person can act on. */
    String difference(Set<String> names) {
        Set<String> missing = new LinkedHashSet<>(columns);
        missing.removeAll(names);
        Set<String> extra = new LinkedHashSet<>(names);
        extra.removeAll(columns);
        StringBuilder out = new StringBuilder();
        if (!missing.isEmpty()) {
            out.append("missing ").append(echo(missing));
        }
        if (!extra.isEmpty()) {
            out.append(out.length() > 0 ? "; " : "").append("not expected ").append(echo(extra));
        }
        return out.toString();
    }

    private static String echo(Set<String> names) {
        return names.stream().limit(10).map(name -> name.isEmpty() ? "(a column without a name)" : Text.shorten(name))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** {@code object("earTag", node, "to", node)}: the payload's fields in domain.md's order. */
    static ObjectNode object(Object... namesAndValues) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.set((String) namesAndValues[i], (JsonNode) namesAndValues[i + 1]);
        }
        return object;
    }

    static JsonNode text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? NODES.nullNode() : NODES.textNode(value);
    }

    static JsonNode number(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value != null && PLAIN_NUMBER.matcher(value).matches()) {
            return NODES.numberNode(new BigDecimal(value));
        }
        return text(row, column);
    }

    /** {@code {"amount": "1450.00", "currency": "EUR"}}, the amount kept as the decimal text sent; null when both cells are empty. */
    static JsonNode price(Map<String, String> row) {
        JsonNode amount = text(row, "price");
        JsonNode currency = text(row, "currency");
        if (amount.isNull() && currency.isNull()) {
            return NODES.nullNode();
        }
        return object("amount", amount, "currency", currency);
    }
}
