package io.farmhub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /api/commands}: one command document as the inbox takes it,
 * {@code {"commandType", "commandId"?, "payload"}}. Only the envelope is checked here; the payload is the
 * pipeline's to validate, so it is passed on exactly as sent.
 */
record CommandDocument(String commandType, String commandId, ObjectNode payload) {

    /** Client keys longer than this are refused rather than hashed: nobody needs a 1 KiB idempotency key. */
    static final int MAX_COMMAND_ID_LENGTH = 256;
    /** No command type is longer; a longer one is noise, not worth a command-errors entry. */
    static final int MAX_COMMAND_TYPE_LENGTH = 100;

    static CommandDocument read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.malformed("$", "The body must be one command document: "
                    + "{\"commandType\": \"...\", \"commandId\": \"optional\", \"payload\": {...}}.");
        }
        if (body.has("commands")) {
            throw ApiProblem.malformed("$.commands",
                    "POST /api/commands takes one command; send each command of a batch on its own.");
        }
        JsonNode type = body.get("commandType");
        if (type == null || !type.isTextual() || type.textValue().isBlank()) {
            throw ApiProblem.malformed("$.commandType", "commandType must name the command, e.g. \"RelocateAnimal\".");
        }
        if (type.textValue().length() > MAX_COMMAND_TYPE_LENGTH) {
            throw ApiProblem.malformed("$.commandType",
                    "commandType may be at most " + MAX_COMMAND_TYPE_LENGTH + " characters long.");
        }
        JsonNode id = body.get("commandId");
        String commandId = null;
        if (id != null && !id.isNull()) {
            if (!id.isTextual() || id.textValue().isBlank()) {
                throw ApiProblem.malformed("$.commandId", "commandId, when given, must be a non-empty string.");
            }
            if (id.textValue().length() > MAX_COMMAND_ID_LENGTH) {
                throw ApiProblem.malformed("$.commandId",
                        "commandId may be at most " + MAX_COMMAND_ID_LENGTH + " characters long.");
            }
            commandId = id.textValue();
        }
        JsonNode payload = body.get("payload");
        if (payload == null || !payload.isObject()) {
            throw ApiProblem.malformed("$.payload", "payload must be a JSON object with the command's fields.");
        }
        return new CommandDocument(type.textValue(), commandId, (ObjectNode) payload);
    }
}
