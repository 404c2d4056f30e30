package io.farmhub.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the {@link QueryCaller} of a request. The API's users and roles provide it; a hub without them (this
 * slice on its own) answers every authenticated request as one caller who may read everything.
 */
public interface QueryCallers {

    QueryCaller of(HttpServletRequest request);

    QueryCallers OPEN = request -> new QueryCaller("api", type -> true);
}
