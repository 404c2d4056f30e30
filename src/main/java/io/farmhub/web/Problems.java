package io.farmhub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of every error the API answers: RFC 9457 problem details ({@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}) plus {@code code} (an {@link io.farmhub.core.ErrorCode}
 * name, or one of the transport codes below) and {@code field} (the field or JSON path concerned, or null).
 */
public final class Problems {

    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String INTERNAL = "INTERNAL";
    public static final String UNAVAILABLE = "UNAVAILABLE";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:farmhub:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error " + status.value() : known.getReasonPhrase());
        problem.setProperty("code", code);
        problem.setProperty("field", field);
        return problem;
    }

    /** A transport-level code for a status Spring produced (unknown path, wrong method, …). */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> io.farmhub.core.ErrorCode.MALFORMED.name();
            case 401 -> UNAUTHORIZED;
            case 403 -> io.farmhub.core.ErrorCode.FORBIDDEN.name();
            case 404 -> NOT_FOUND;
            case 413 -> io.farmhub.core.ErrorCode.TOO_LARGE.name();
            case 503 -> UNAVAILABLE;
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null || status.is5xxServerError() ? INTERNAL : known.name();
            }
        };
    }

    /** The request path as the problem's {@code instance}; null for a path that is not a valid URI reference. */
    static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** For filters, which answer before Spring MVC (and its message converters) ever sees the request. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper mapper,
            ProblemDetail problem) throws IOException {
        problem.setInstance(instance(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
