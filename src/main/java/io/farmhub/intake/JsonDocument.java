package io.farmhub.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code *.json} document: one command {@code {"commandType", "commandId"?, "payload"}} or a batch
 * {@code {"commands": [...]}}. The envelope must be sound for the document to be accepted: every command an
 * object with a {@code commandType} that is a name (letters and digits), a {@code payload} object and, if given, a
 * {@code commandId} of at most 200 letters, digits and {@code . _ : @ + -} (both become part of the command's
 * stream name, {@code command/<commandType>/<commandId>}); otherwise the whole document is {@code MALFORMED} with
 * the JSON path of the first problem. An empty batch is {@code MALFORMED} too. Other top-level fields are ignored.
 * What is inside a payload is not judged here: each command carries it as sent and the pipeline validates it
 * (an unknown command type becomes {@code UNKNOWN_COMMAND} there). Batches are read one command at a time.
 */
final class JsonDocument {

    private static final Set<String> ENVELOPE = Set.of("commandType", "commandId", "payload");
    private static final Pattern COMMAND_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,99}");
    private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}");

    private JsonDocument() {
    }

    static InboxDocument read(DocumentContent content, InboxPath path, String sha256) throws IOException {
        int count = 0;
        boolean batch;
        try (Cursor cursor = new Cursor(content)) {
            for (Cursor.Entry entry = cursor.next(); entry != null; entry = cursor.next()) {
                check(entry);
                count++;
            }
            batch = cursor.batch;
        } catch (JsonProcessingException e) {
            throw IntakeProblem.of(ErrorCode.MALFORMED, JsonLimits.describe(e));
        }
        if (count == 0) {
            throw new IntakeProblem(ErrorCode.MALFORMED, "$.commands", "The batch holds no commands.");
        }
        return new InboxDocument(path, sha256, batch ? "JSON batch" : "JSON command", count,
                () -> commands(content, path, sha256));
    }

    private static CommandIterator commands(DocumentContent content, InboxPath path, String sha256)
            throws IOException {
        Cursor cursor = new Cursor(content);
        return new PullingIterator(cursor) {
            @Override
            CommandRequest pull() throws IOException {
                Cursor.Entry entry = cursor.next();
                if (entry == null) {
                    return null;
                }
                JsonNode node = entry.node();
                JsonNode givenId = node.get("commandId");
                String commandId = givenId == null || givenId.isNull()
                        ? InboxDocument.commandId(sha256, entry.position()) : givenId.asText();
                return new CommandRequest(node.get("commandType").asText(), commandId, node.get("payload"),
                        path.user(), CommandSource.inbox(path.document(), entry.position()));
            }
        };
    }

    private static void check(Cursor.Entry entry) {
        String at = entry.path();
        JsonNode node = entry.node();
        if (node == null || !node.isObject()) {
            throw new IntakeProblem(ErrorCode.MALFORMED, at, "The command at " + at + " is not a JSON object.");
        }
        JsonNode type = node.get("commandType");
        if (type == null || !type.isTextual() || !COMMAND_TYPE.matcher(type.asText()).matches()) {
            throw new IntakeProblem(ErrorCode.MALFORMED, at + ".commandType", "The command at " + at
                    + " needs a commandType naming the command, e.g. \"RelocateAnimal\".");
        }
        JsonNode id = node.get("commandId");
        if (id != null && !id.isNull() && !(id.isTextual() && COMMAND_ID.matcher(id.asText()).matches())) {
            throw new IntakeProblem(ErrorCode.MALFORMED, at + ".commandId", "The commandId at " + at
                    + ", when given, must be at most 200 letters, digits and . _ : @ + - (no spaces or slashes).");
        }
        JsonNode payload = node.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new IntakeProblem(ErrorCode.MALFORMED, at + ".payload", "The command at " + at
                    + " needs a payload object with the command's fields.");
        }
        JsonLimits.checkNumbers(payload, at + ".payload");
    }

    /**
     * Walks the top-level object token by token: the elements of {@code commands} are handed out one at a time;
     * for a single command, its envelope fields are kept and handed out once the object closes.
     */
    private static final class Cursor implements Closeable {

        record Entry(int position, String path, JsonNode node) {
        }

        private final JsonParser parser;
        private final ObjectNode single = JsonNodeFactory.instance.objectNode();
        private boolean batch;
        private boolean inBatch;
        private boolean closed;
        private int position;

        Cursor(DocumentContent content) throws IOException {
            parser = JsonLimits.FACTORY.createParser(DocumentText.reader(content));
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IntakeProblem(ErrorCode.MALFORMED, "$", "A JSON document is one command"
                            + " {\"commandType\": ..., \"payload\": {...}} or a batch {\"commands\": [...]};"
                            + " this one is not a JSON object.");
                }
            } catch (IOException | RuntimeException e) {
                parser.close();
                throw e;
            }
        }

        Entry next() throws IOException {
            while (!closed) {
                JsonToken token = parser.nextToken();
                if (inBatch) {
                    if (token == JsonToken.END_ARRAY) {
                        inBatch = false;
                        continue;
                    }
                    position++;
                    return new Entry(position, "$.commands[" + (position - 1) + "]", JsonLimits.MAPPER.readTree(parser));
                }
                if (token == JsonToken.END_OBJECT) {
                    return close(parser.nextToken());
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("commands")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new IntakeProblem(ErrorCode.MALFORMED, "$.commands", "\"commands\" must be a list.");
                    }
                    batch = true;
                    inBatch = true;
                } else if (ENVELOPE.contains(name)) {
                    single.set(name, JsonLimits.MAPPER.readTree(parser));
                } else {
                    parser.skipChildren();
                }
            }
            return null;
        }

        private Entry close(JsonToken after) {
            closed = true;
            if (after != null) {
                throw new IntakeProblem(ErrorCode.MALFORMED, "$", "There is more after the end of the JSON"
                        + " document, at " + JsonLimits.where(parser.currentLocation()) + ".");
            }
            if (batch && single.has("commandType")) {
                throw new IntakeProblem(ErrorCode.MALFORMED, "$", "The document is both a batch (\"commands\")"
                        + " and a single command (\"commandType\"); send one or the other.");
            }
            return batch ? null : new Entry(1, "$", single);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
