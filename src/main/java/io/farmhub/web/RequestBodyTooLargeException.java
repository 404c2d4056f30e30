package io.farmhub.web;

import java.io.IOException;

/** Thrown while reading a body that turned out larger than the limit (chunked, so no Content-Length said so). */
class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
