/**
 * Intake: documents dropped in the inbox and sensor readings, turned into {@link io.farmhub.core.CommandRequest}s.
 * Pure parsing and mapping: the routes ({@code inbox.yaml}, {@code sensors.yaml}) fetch the bytes, call
 * {@link io.farmhub.intake.InboxReader} or {@link io.farmhub.intake.SensorReadings}, submit the commands and write
 * the result or error files; nothing here knows which transport fed it.
 *
 * <h2>How a document is judged (interfaces.md, "Inbox documents")</h2>
 * A document is rejected as a whole, with one code and a message saying where and why, or it becomes commands that
 * are each judged by the pipeline. Where interfaces.md leaves room, the decisions are:
 * <table>
 *   <caption>Decisions on documents</caption>
 *   <tr><th>case</th><th>outcome</th></tr>
 *   <tr><td>{@code ..} or {@code .} as a path segment, an empty segment, an absolute path</td><td>UNKNOWN_SUBMITTER</td></tr>
 *   <tr><td>a user folder name differing only in case ({@code Mary})</td><td>UNKNOWN_SUBMITTER</td></tr>
 *   <tr><td>a sub-folder of a user folder</td><td>UNSUPPORTED_DOCUMENT</td></tr>
 *   <tr><td>spaces, non-ASCII, {@code ..} inside a name; {@code .CSV}</td><td>ordinary names</td></tr>
 *   <tr><td>the order of checks</td><td>submitter, size, type, encoding, content</td></tr>
 *   <tr><td>zero bytes, or only white space / a byte order mark</td><td>MALFORMED ("empty")</td></tr>
 *   <tr><td>a form with a header and no rows; {@code {"commands": []}}</td><td>MALFORMED</td></tr>
 *   <tr><td>UTF-16/32 byte order mark, invalid UTF-8, NUL or other control characters</td><td>UNSUPPORTED_DOCUMENT</td></tr>
 *   <tr><td>a CSV header with a column missing, extra or unnamed</td><td>UNSUPPORTED_DOCUMENT (unknown header set)</td></tr>
 *   <tr><td>a CSV header naming a column twice</td><td>MALFORMED</td></tr>
 *   <tr><td>a CSV row with more or fewer values than the header</td><td>MALFORMED (the whole document)</td></tr>
 *   <tr><td>an empty cell</td><td>the field is sent as {@code null}</td></tr>
 *   <tr><td>an engine_hours cell that is not a number</td><td>sent as the text; the pipeline rejects that command</td></tr>
 *   <tr><td>a row of empty cells, an empty line</td><td>skipped, not numbered</td></tr>
 *   <tr><td>rows of one TB inspection with different tested_on or vet</td><td>MALFORMED</td></tr>
 *   <tr><td>a value longer than 65,536 characters (CSV or JSON)</td><td>MALFORMED</td></tr>
 *   <tr><td>JSON deeper than 64, a number longer than 64 characters, an exponent beyond ±100</td><td>MALFORMED</td></tr>
 *   <tr><td>JSON envelope faults (no commandType, payload not an object, a commandId that cannot name a
 *       stream, duplicate keys, text after the document)</td><td>MALFORMED with the JSON path</td></tr>
 *   <tr><td>an unknown commandType, bad payload values</td><td>sent as written: the pipeline answers
 *       UNKNOWN_COMMAND or MALFORMED for that command</td></tr>
 * </table>
 * Command ids are {@code <sha-256 of the bytes as dropped>:<n>}, n the command's position from 1 (for a TB sheet,
 * the inspection's position; its source row is the inspection's first row), unless a JSON command gives its own.
 */
package io.farmhub.intake;
