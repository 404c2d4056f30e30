package io.farmhub.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.farmhub.core.ErrorCode;

/**
 * {@code <name>.error.json}, beside a rejected document in {@code command-errors/documents/<user>/}: the code
 * and a readable message (interfaces.md), plus the document as dropped, who dropped it when known, and the JSON
 * path or CSV column concerned when there is one. Never a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentError(String document, String submittedBy, ErrorCode code, String field, String message) {
}
