package io.farmhub.queries;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Collates the fan-out: the streams each chunk read, gathered into one {@link StreamsRead} on the first
 * chunk's exchange as the chunks finish (in any order; Camel calls this one at a time).
 */
@Component("queryStreamsRead")
public class StreamsReadAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange collated, Exchange chunk) {
        if (collated == null) {
            return chunk;
        }
        // A chunk that failed carries no streams; its exception stops the split and fails the run.
        if (collated.getMessage().getBody() instanceof StreamsRead all
                && chunk.getMessage().getBody() instanceof StreamsRead part) {
            all.addAll(part);
        }
        return collated;
    }
}
