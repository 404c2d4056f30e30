package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandKeys;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * That a reading's command ran once, wherever it ran (on its own stream, or in a batch of the drain): created at most
 * once on a stream of its own, and each event it names is in its subject's stream exactly once, under its id.
 */
final class ReadingOnce {

    private final EventStore store;
    private final CommandGateway gateway;
    private final Map<String, List<EventEnvelope>> streams = new HashMap<>();

    ReadingOnce(EventStore store, CommandGateway gateway) {
        this.store = store;
        this.gateway = gateway;
    }

    void assertOnce(String commandId) {
        CommandStatus status = gateway.status(commandId).orElseThrow();
        assertThat(store.read(CommandKeys.stream(status.commandType(), commandId)).stream()
                .filter(e -> e.eventType().equals("CommandCreated")).count()).as(commandId).isLessThanOrEqualTo(1);
        Map<String, Long> named = new HashMap<>();
        status.events().forEach(e -> named.merge(e.stream(), 1L, Long::sum));
        named.forEach((stream, count) -> {
            // Read once per stream and again only when this command's events are not in what was read: the
            // stream only grows, and the drain may have appended since.
            List<EventEnvelope> events = streams.computeIfAbsent(stream, s -> store.read(StreamId.parse(s)));
            if (events.stream().noneMatch(e -> commandId.equals(e.correlationId()))) {
                events = store.read(StreamId.parse(stream));
                streams.put(stream, events);
            }
            assertThat(events.stream().filter(e -> commandId.equals(e.correlationId())).count())
                    .as("%s's events on %s", commandId, stream).isEqualTo(count);
        });
    }
}
