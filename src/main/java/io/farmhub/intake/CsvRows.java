package io.farmhub.intake;

import io.farmhub.core.ErrorCode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV form read row by row with Apache Commons CSV (RFC 4180: quoted fields holding commas, quotes and line
 * breaks; CRLF or LF). The header names are trimmed and compared without case; their set says which form it is.
 *
 * <p>Decisions for what does not fit a form:
 * <ul>
 *   <li>a header with a column more or less than a form, or a column without a name (a trailing comma), is an
 *       unknown header set: {@code UNSUPPORTED_DOCUMENT}, naming the closest form and what differs;</li>
 *   <li>a known header naming a column twice: {@code MALFORMED};</li>
 *   <li>a data row with more or fewer values than the header: {@code MALFORMED} for the whole document, because
 *       such a row is usually shifted by an unquoted comma and no cell can be trusted to be the column it sits
 *       under;</li>
 *   <li>a row whose cells are all empty (what spreadsheets write for empty rows) is skipped, like an empty line,
 *       and not counted: rows are numbered from 1 among the rows that hold something;</li>
 *   <li>a value (or header name) longer than 65,536 characters, and broken quoting: {@code MALFORMED}.</li>
 * </ul>
 */
final class CsvRows implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    private static final Pattern LINE = Pattern.compile("line:? ([0-9][0-9,]*[0-9]|[0-9])");

    /** A data row: its number (from 1) and its cells by column name. */
    record Row(int number, Map<String, String> cells) {
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header = new ArrayList<>();
    private final CsvForm form;
    private int rows;

    CsvRows(DocumentContent content) throws IOException {
        parser = CSVParser.parse(DocumentText.reader(content), FORMAT);
        try {
            records = parser.iterator();
            CSVRecord first = nextRecord();
            if (first == null) {
                throw IntakeProblem.of(ErrorCode.MALFORMED, "The document is empty.");
            }
            for (String name : first) {
                checkLength(name, "The header");
                header.add(name.trim().toLowerCase(Locale.ROOT));
            }
            form = formOf(header);
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    CsvForm form() {
        return form;
    }

    /** The next data row, or null at the end. */
    Row next() {
        for (CSVRecord record = nextRecord(); record != null; record = nextRecord()) {
            if (allBlank(record)) {
                continue;
            }
            rows++;
            if (record.size() != header.size()) {
                throw IntakeProblem.of(ErrorCode.MALFORMED, "Row " + rows + " of the " + form.title + " has "
                        + record.size() + " values but the header has " + header.size() + " columns. A value"
                        + " holding a comma must be in double quotes.");
            }
            Map<String, String> cells = new HashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                checkLength(record.get(i), "Row " + rows);
                cells.put(header.get(i), record.get(i));
            }
            return new Row(rows, cells);
        }
        return null;
    }

    private static CsvForm formOf(List<String> header) {
        Set<String> names = Set.copyOf(header);
        CsvForm form = CsvForm.byHeader(names);
        if (form == null) {
            CsvForm closest = CsvForm.closest(names);
            throw IntakeProblem.of(ErrorCode.UNSUPPORTED_DOCUMENT, "The header is not one of FarmHub's CSV"
                    + " forms. Closest is the " + closest.title + " (" + String.join(",", closest.columns) + "): "
                    + closest.difference(names) + ".");
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                throw new IntakeProblem(ErrorCode.MALFORMED, name, "The header of the " + form.title
                        + " names the column '" + name + "' more than once.");
            }
        }
        return form;
    }

    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException broken) {
                throw IntakeProblem.of(ErrorCode.MALFORMED, describe(broken.getMessage()));
            }
            throw e;
        }
    }

    /** Commons CSV's two quoting failures, retold with the line where the trouble is. */
    static String describe(String message) {
        String m = message == null ? "" : message;
        Matcher line = LINE.matcher(m);
        String at = line.find() ? " at line " + line.group(1) : "";
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "A quoted value starting" + at + " is never closed: the quotes are unbalanced.";
        }
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            return "A closing quote" + at + " is followed by other characters before the next comma;"
                    + " a quote inside a quoted value must be doubled (\"\").";
        }
        return "The CSV cannot be read" + at + ": the quoting is broken.";
    }

    private static void checkLength(String value, String where) {
        if (value.length() > JsonLimits.MAX_VALUE_CHARS) {
            throw IntakeProblem.of(ErrorCode.MALFORMED, where + " holds a value longer than "
                    + Text.count(JsonLimits.MAX_VALUE_CHARS) + " characters.");
        }
    }

    private static boolean allBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
