package io.farmhub.queries;

import io.farmhub.core.Rejection;
import java.util.List;

/** What asking the engine came to: an answer, an accepted async run, or why the question cannot be asked. */
public sealed interface Asked {

    /** A synchronous run's answer. */
    record Answered(QueryOutcome outcome) implements Asked {
    }

    /** An asynchronous run is on its way; its status is at {@code /api/queries/runs/{queryId}}. */
    record Accepted(String queryId) implements Asked {
    }

    /** No query has this name (HTTP 404). */
    record UnknownQuery(String query, List<String> known) implements Asked {
    }

    /** The parameters or return path were refused, every problem named (HTTP 400, MALFORMED). */
    record Invalid(List<Rejection> rejections) implements Asked {
        public Invalid {
            rejections = List.copyOf(rejections);
        }
    }
}
