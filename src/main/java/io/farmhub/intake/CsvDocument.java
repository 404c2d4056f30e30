package io.farmhub.intake;

import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.io.IOException;

/**
 * A {@code *.csv} document: checked in full first (header, row shapes, quoting), then read again to hand out one
 * command per row as the rows are read, so memory does not grow with the form. A form with a header and no rows
 * is {@code MALFORMED}: a document that asks for nothing is almost always a mistake worth seeing.
 */
final class CsvDocument {

    private CsvDocument() {
    }

    static InboxDocument read(DocumentContent content, InboxPath path, String sha256) throws IOException {
        CsvForm form;
        int count;
        try (CsvRows rows = new CsvRows(content)) {
            form = rows.form();
            count = form == CsvForm.TB_TEST_SHEET ? TbTestSheet.check(rows) : countRows(rows);
        }
        if (count == 0) {
            throw IntakeProblem.of(ErrorCode.MALFORMED, "The " + form.title + " has a header but no rows.");
        }
        return new InboxDocument(path, sha256, form.title, count, () -> form == CsvForm.TB_TEST_SHEET
                ? TbTestSheet.commands(content, path, sha256) : rowCommands(content, path, sha256));
    }

    private static int countRows(CsvRows rows) {
        int count = 0;
        while (rows.next() != null) {
            count++;
        }
        return count;
    }

    /** Row n becomes command {@code <sha-256>:n}, with source row n. */
    private static CommandIterator rowCommands(DocumentContent content, InboxPath path, String sha256)
            throws IOException {
        CsvRows rows = new CsvRows(content);
        CsvForm form = rows.form();
        return new PullingIterator(rows) {
            @Override
            CommandRequest pull() {
                CsvRows.Row row = rows.next();
                return row == null ? null : new CommandRequest(form.commandType,
                        InboxDocument.commandId(sha256, row.number()), form.payload(row.cells()), path.user(),
                        CommandSource.inbox(path.document(), row.number()));
            }
        };
    }
}
