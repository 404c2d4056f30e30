package io.farmhub.web;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, carried from a controller to {@link ApiExceptionHandler} and answered as
 * {@code application/problem+json}. Not a fault: no stack trace is kept or logged.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;

    public ApiProblem(HttpStatus status, String code, String field, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiProblem malformed(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED.name(), field, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, null, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN.name(), null, detail);
    }

    public static ApiProblem of(HttpStatus status, Rejection rejection) {
        return new ApiProblem(status, rejection.code().name(), rejection.field(), rejection.message());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
