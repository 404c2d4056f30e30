package io.farmhub.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TB test sheet: one RecordTBInspection per inspection_id, in the order inspections first appear, with a
 * result {@code {earTag, result}} per row in row order. The n-th inspection is command {@code <sha-256>:n}; its
 * source row is the first row of that inspection. The rows of one inspection must agree on tested_on and vet
 * (the whole document is {@code MALFORMED} otherwise: keeping the first and dropping the other would record
 * something nobody wrote). Rows with an empty inspection_id form one inspection without an id, which the
 * pipeline then rejects for its missing inspectionId. Unlike the other forms, a sheet is grouped in memory.
 */
final class TbTestSheet {

    private record Shared(int firstRow, String testedOn, String vet) {
    }

    private TbTestSheet() {
    }

    /** Checks that rows of one inspection agree; returns how many inspections (commands) there are. */
    static int check(CsvRows rows) {
        Map<String, Shared> inspections = new LinkedHashMap<>();
        for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
            Shared shared = new Shared(row.number(), blankless(row, "tested_on"), blankless(row, "vet"));
            Shared first = inspections.putIfAbsent(blankless(row, "inspection_id"), shared);
            String differs = first == null ? null
                    : !first.testedOn.equals(shared.testedOn) ? "tested_on"
                    : !first.vet.equals(shared.vet) ? "vet" : null;
            if (differs != null) {
                throw new IntakeProblem(ErrorCode.MALFORMED, differs, "Rows " + first.firstRow + " and "
                        + row.number() + " belong to the same inspection '"
                        + Text.shorten(blankless(row, "inspection_id")) + "' but give a different " + differs
                        + "; one inspection has one date and one vet.");
            }
        }
        return inspections.size();
    }

    static CommandIterator commands(DocumentContent content, InboxPath path, String sha256) throws IOException {
        Map<String, ObjectNode> payloads = new LinkedHashMap<>();
        Map<String, Integer> firstRows = new LinkedHashMap<>();
        try (CsvRows rows = new CsvRows(content)) {
            CsvRows.Row row;
            while ((row = rows.next()) != null) {
                Map<String, String> cells = row.cells();
                String inspection = blankless(row, "inspection_id");
                ObjectNode payload = payloads.computeIfAbsent(inspection, id -> CsvForm.TB_TEST_SHEET.payload(cells));
                firstRows.putIfAbsent(inspection, row.number());
                ((ArrayNode) payload.get("results")).add(CsvForm.object("earTag", CsvForm.text(cells, "ear_tag"),
                        "result", CsvForm.text(cells, "result")));
            }
        }
        Iterator<Map.Entry<String, ObjectNode>> inspections = payloads.entrySet().iterator();
        return new PullingIterator(() -> { }) {
            private int position;

            @Override
            CommandRequest pull() {
                if (!inspections.hasNext()) {
                    return null;
                }
                Map.Entry<String, ObjectNode> inspection = inspections.next();
                position++;
                return new CommandRequest(CsvForm.TB_TEST_SHEET.commandType,
                        InboxDocument.commandId(sha256, position), inspection.getValue(), path.user(),
                        CommandSource.inbox(path.document(), firstRows.get(inspection.getKey())));
            }
        };
    }

    /** The cell's value, with an empty cell as "" so that it can be compared and grouped. */
    private static String blankless(CsvRows.Row row, String column) {
        String value = row.cells().get(column);
        return value == null || value.isBlank() ? "" : value;
    }
}
