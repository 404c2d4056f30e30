package io.farmhub.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.queries.ReturnPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/queries/{query}}: {@code {"parameters": {...}, "returnPath": {"type", "target"}}}.
 * Parameters are given as in a URL, so each value is text (a number or true/false is read as its text); every
 * problem is reported with its JSON path.
 */
record QueryRunRequest(Map<String, String> parameters, ReturnPath returnPath) {

    static QueryRunRequest read(JsonNode body) {
        List<Rejection> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw refused(List.of(malformed("$", "The body is a JSON object: {\"parameters\": {...}, \"returnPath\":"
                    + " {\"type\": \"webhook\" or \"report\", \"target\": ...}}.")));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("parameters") && !name.equals("returnPath")) {
                problems.add(malformed("$." + name, "'" + name + "' is not part of a query run; give parameters"
                        + " and returnPath."));
            }
        });
        Map<String, String> parameters = parameters(body.path("parameters"), problems);
        ReturnPath returnPath = returnPath(body.path("returnPath"), problems);
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return new QueryRunRequest(parameters, returnPath);
    }

    private static Map<String, String> parameters(JsonNode node, List<Rejection> problems) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return parameters;
        }
        if (!node.isObject()) {
            problems.add(malformed("$.parameters", "parameters is an object of names and values, e.g."
                    + " {\"asOf\": \"2026-10-31\"}."));
            return parameters;
        }
        node.properties().forEach(p -> {
            if (p.getValue().isValueNode() && !p.getValue().isNull()) {
                parameters.put(p.getKey(), p.getValue().asText());
            } else if (!p.getValue().isNull()) {
                problems.add(malformed("$.parameters." + p.getKey(), p.getKey() + " is a single value, as in a"
                        + " URL."));
            }
        });
        return parameters;
    }

    private static ReturnPath returnPath(JsonNode node, List<Rejection> problems) {
        if (!node.isObject()) {
            problems.add(malformed("$.returnPath", "Give returnPath: {\"type\": \"webhook\", \"target\":"
                    + " \"https://...\"} or {\"type\": \"report\", \"target\": \"<name>\"}."));
            return null;
        }
        ReturnPath.Checked checked = ReturnPath.check(text(node.path("type")), text(node.path("target")));
        checked.problem().ifPresent(p -> problems.add(malformed("$." + p.field(), p.message())));
        return checked.path();
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static Rejection malformed(String field, String message) {
        return Rejection.of(ErrorCode.MALFORMED, field, message);
    }

    private static QueryProblem refused(List<Rejection> problems) {
        return new QueryProblem(org.springframework.http.HttpStatus.BAD_REQUEST, problems);
    }
}
