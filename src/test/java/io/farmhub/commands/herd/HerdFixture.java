package io.farmhub.commands.herd;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.DomainEvent;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.barn.BarnEvent.AnimalHoused;
import io.farmhub.farm.barn.BarnEvent.AnimalLeftBarn;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The herd as the multi-stream tests set it up and check it: cows placed straight through the store (set-up, not
 * under test), a sale "by another command" written behind the pipeline's back, and the rule every end state must
 * keep: each barn houses exactly the cows whose own stream says they are in it.
 */
public record HerdFixture(EventStore store, EventTypeRegistry types) {

    public static final LocalDate ON = LocalDate.parse("2026-11-20");

    public static String tag() {
        return "IE" + (100_000_000L + (long) (Math.random() * 899_999_999L));
    }

    public static String barn() {
        return "b-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static CommandRequest move(String commandId, String earTag, String to) {
        return move(commandId, earTag, to, null);
    }

    /** A move that also reads (does not change) {@code calf}'s stream. */
    public static CommandRequest move(String commandId, String earTag, String to, String calf) {
        return new CommandRequest("MoveHerdCow", commandId, Json.MAPPER.createObjectNode().put("earTag", earTag)
                .put("to", to).put("movedOn", ON.toString()).put("calf", calf), "mary", CommandSource.api("mary"));
    }

    /** Her stream moves on without anything changing for the herd (a record another command made). */
    public void touch(String earTag) {
        Herd.HerdCow now = cow(earTag);
        write(Herd.COW.stream(earTag), new Herd.Arrived(earTag, now.barn(), ON));
    }

    /** A cow on the farm in {@code barn}, holding a place there. */
    public void arrive(String earTag, String barn) {
        write(Herd.COW.stream(earTag), new Herd.Arrived(earTag, barn, ON));
        write(Herd.PLACES.stream(barn), new AnimalHoused(barn, earTag, ON));
    }

    /** Only her place in {@code barn}, as a move that stopped after the barn's append leaves it. */
    public void arriveOnlyInBarn(String earTag, String barn) {
        write(Herd.PLACES.stream(barn), new AnimalHoused(barn, earTag, ON));
    }

    /** Another command sold her: off the farm, her place in {@code barn} given up. */
    public void sellBehindTheBack(String earTag, String barn) {
        write(Herd.COW.stream(earTag), new Herd.Sold(earTag, ON));
        write(Herd.PLACES.stream(barn), new AnimalLeftBarn(barn, earTag, ON));
    }

    public Set<String> housed(String barn) {
        return Herd.PLACES.fold(events(Herd.PLACES.stream(barn)));
    }

    public Herd.HerdCow cow(String earTag) {
        return Herd.COW.fold(events(Herd.COW.stream(earTag)));
    }

    public List<String> eventTypes(StreamId stream) {
        return store.read(stream).stream().map(EventEnvelope::eventType).toList();
    }

    /** Each barn houses exactly the cows (of {@code cows}) whose own stream puts them there. */
    public void assertPlacesAgree(List<String> barns, List<String> cows) {
        Map<String, Set<String>> byCow = cows.stream().filter(t -> cow(t).onFarm())
                .collect(Collectors.groupingBy(t -> cow(t).barn(), Collectors.toSet()));
        for (String barn : barns) {
            assertThat(housed(barn)).as("the places in %s", barn).isEqualTo(byCow.getOrDefault(barn, Set.of()));
        }
    }

    private List<DomainEvent> events(StreamId stream) {
        return store.read(stream).stream().map(e -> (DomainEvent) types.toEvent(e)).toList();
    }

    private void write(StreamId stream, DomainEvent event) {
        EventTypeRegistry.EventType type = types.typeOf(event.getClass());
        NewEvent e = new NewEvent(UUID.randomUUID().toString(), type.name(), type.schemaVersion(), event.occurredAt(),
                "set-up", "set-up", "mary", "api:mary", null, types.toData(event));
        assertThat(store.append(stream, EventStore.ANY, List.of(e))).isInstanceOf(AppendResult.Appended.class);
    }
}
