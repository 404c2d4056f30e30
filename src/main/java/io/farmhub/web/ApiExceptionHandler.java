package io.farmhub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.farmhub.core.ErrorCode;
import io.farmhub.eventstore.EventStoreException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns everything a request can go wrong with into {@code application/problem+json}. Refusals (bad input,
 * no permission) are answered plainly; only real faults are logged, with a short id the answer repeats so
 * an operator can find the log entry. No answer ever carries a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem problem) {
        return answer(Problems.of(problem.status(), problem.code(), problem.field(), problem.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return answer(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.TOO_LARGE.name(), null,
                        "The request body is larger than " + tooLarge.limit() + " bytes, the most FarmHub accepts."));
            }
            if (cause instanceof StreamConstraintsException limit) {
                return answer(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED.name(), JsonPaths.of(limit),
                        limit.getMessage() != null && limit.getMessage().contains("nesting depth")
                                ? "The JSON is nested deeper than " + JsonLimits.MAX_NESTING_DEPTH + " levels."
                                : "The JSON exceeds a size limit (a number or string too long)."));
            }
            if (cause instanceof JsonProcessingException json) {
                String where = json.getLocation() == null ? ""
                        : " (line " + json.getLocation().getLineNr() + ", column "
                                + json.getLocation().getColumnNr() + ")";
                return answer(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED.name(), JsonPaths.of(json),
                        "The body is not valid JSON: " + json.getOriginalMessage() + where + "."));
            }
        }
        return answer(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED.name(), null,
                "The request needs a JSON body."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED.name(), e.getName(),
                "'" + e.getValue() + "' is not a valid " + e.getName() + "."));
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> storeDown(EventStoreException e) {
        String incident = incident();
        log.error("Event store fault, incident {}", incident, e);
        return answer(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, null,
                "The event store cannot be reached just now; try again shortly (incident " + incident + ")."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> anyOther(Exception e) {
        if (e instanceof AsyncRequestNotUsableException) {
            return null; // the client of a progress stream went away: nobody is left to answer
        }
        if (e instanceof ErrorResponse spring) {
            // Spring MVC's own refusals (no such path, wrong method, unsupported media type, missing parameter).
            ProblemDetail problem = Problems.of(spring.getStatusCode(), Problems.codeFor(spring.getStatusCode()),
                    null, spring.getBody().getDetail());
            return ResponseEntity.status(spring.getStatusCode()).headers(spring.getHeaders()).body(problem);
        }
        String incident = incident();
        log.error("Unexpected fault, incident {}", incident, e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, null,
                "FarmHub could not complete the request (incident " + incident + ")."));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String incident() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
