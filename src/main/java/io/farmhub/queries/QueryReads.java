package io.farmhub.queries;

import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.util.List;
import org.springframework.stereotype.Component;

/** The fan-out's work: one chunk of a run's streams, each read whole from the event store. */
@Component("queryReads")
public class QueryReads {

    private final EventStore store;

    public QueryReads(EventStore store) {
        this.store = store;
    }

    public StreamsRead read(List<StreamId> chunk) {
        StreamsRead read = new StreamsRead();
        for (StreamId stream : chunk) {
            read.add(stream, store.read(stream));
        }
        return read;
    }
}
