package io.farmhub.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The JSON path ({@code $.payload.results[0].earTag}) of where Jackson stopped, so a MALFORMED answer names
 * the first problem the way domain.md asks.
 */
final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of the problem, or null when Jackson gave no position (an empty body). */
    static String of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder("$");
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            return of(parser.getParsingContext().pathAsPointer());
        }
        return null;
    }

    static String of(JsonPointer pointer) {
        StringBuilder path = new StringBuilder("$");
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0) {
                path.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                path.append('.').append(p.getMatchingProperty());
            }
        }
        return path.toString();
    }
}
