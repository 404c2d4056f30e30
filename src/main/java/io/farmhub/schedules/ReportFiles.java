package io.farmhub.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A query answer as the two report files. The JSON is the whole answer (query, parameters, asOf, knownAt,
 * sourceVersions and result), so a report says what it was computed from. The CSV is the result as a table, for a
 * spreadsheet: one row per element of the result's list (a result that is a list, or an object whose only field is a
 * list, as {@code {"animals": [...]}}), otherwise one row for the whole object; one column per field in the order
 * first seen; nested objects become dotted columns ({@code lastTest.testedOn}), other lists are written as JSON.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    static byte[] json(JsonNode answer) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result's rows: its list, the list that is its only field, or the result itself. */
    static List<JsonNode> rows(JsonNode result) {
        List<JsonNode> rows = new ArrayList<>();
        if (result.isMissingNode() || result.isNull()) {
            return rows;
        }
        JsonNode table = result;
        if (result.isObject() && result.size() == 1 && result.elements().next().isArray()) {
            table = result.elements().next();
        }
        if (table.isArray()) {
            table.forEach(rows::add);
        } else {
            rows.add(table);
        }
        return rows;
    }

    static byte[] csv(JsonNode result) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows(result).forEach(element -> rows.add(flatten(element)));
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        if (columns.isEmpty()) {
            return new byte[0];
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder()
                .setHeader(columns.toArray(String[]::new)).get())) {
            for (Map<String, String> row : rows) {
                List<String> values = new ArrayList<>(columns.size());
                columns.forEach(column -> values.add(row.getOrDefault(column, "")));
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> flatten(JsonNode element) {
        Map<String, String> row = new LinkedHashMap<>();
        if (element.isObject()) {
            flatten("", element, row);
        } else {
            row.put("value", cell(element));
        }
        return row;
    }

    private static void flatten(String prefix, JsonNode object, Map<String, String> row) {
        object.properties().forEach(field -> {
            String name = prefix + field.getKey();
            if (field.getValue().isObject()) {
                flatten(name + ".", field.getValue(), row);
            } else {
                row.put(name, cell(field.getValue()));
            }
        });
    }

    private static String cell(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
