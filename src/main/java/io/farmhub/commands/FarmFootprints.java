package io.farmhub.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Versioned;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.farm.Location;
import io.farmhub.farm.barn.BarnCommand;
import io.farmhub.farm.cow.Cow;
import io.farmhub.farm.cow.CowCommand;
import io.farmhub.farm.field.FieldCommand;
import io.farmhub.farm.loan.LoanCommand;
import io.farmhub.farm.tractor.TractorCommand;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The footprints of the farm's commands (docs/intake.md, "Row order"): the streams each may read or write, read
 * from the command as its handler parses and normalises it. A command that takes a cow out of wherever she is
 * (a sale, a death, a move) writes every barn she may be in: the one her stream says, and those earlier commands
 * of the sequence, still unfinished, may leave her in. A command whose reach is not known (ReleaseCollateral,
 * whose assets only the store knows; an unknown type; a payload that does not parse) is a barrier.
 */
@Component
public class FarmFootprints implements Footprints {

    private final CommandHandlers handlers;
    private final EventStore store;
    private final EventTypeRegistry types;
    private final StreamStateCache cache;

    public FarmFootprints(CommandHandlers handlers, EventStore store, EventTypeRegistry types,
            StreamStateCache cache) {
        this.handlers = handlers;
        this.store = store;
        this.types = types;
        this.cache = cache;
    }

    @Override
    public Footprint of(CommandRequest request, Function<String, Set<String>> pendingPlaces) {
        Optional<Object> parsed = parse(request);
        if (parsed.isEmpty()) {
            return Footprint.barrierOf();
        }
        try {
            return of(parsed.get(), pendingPlaces);
        } catch (IllegalArgumentException | NullPointerException e) {
            // A key that is no stream name: the command is refused when it runs; until then it may touch anything.
            return Footprint.barrierOf();
        }
    }

    private Optional<Object> parse(CommandRequest request) {
        Optional<CommandHandler<?>> handler = handlers.forType(request.commandType());
        return handler.flatMap(h -> parse(h, request.payload()));
    }

    private static <C> Optional<Object> parse(CommandHandler<C> handler, JsonNode payload) {
        CommandPayloads.Parsed<C> parsed = CommandPayloads.read(handler, payload);
        if (parsed.command() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(handler.normalise(parsed.command()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Footprint of(Object command, Function<String, Set<String>> pendingPlaces) {
        Footprint.Builder footprint = Footprint.builder();
        if (command instanceof CowCommand.RegisterBirth c) {
            String cow = cow(c.earTag());
            footprint.write(cow);
            if (c.damEarTag() != null) {
                footprint.read(cow(c.damEarTag()));
            }
            arrival(footprint, cow, c.location());
        } else if (command instanceof CowCommand.RecordPurchase c) {
            String cow = cow(c.earTag());
            footprint.write(cow);
            arrival(footprint, cow, c.location());
        } else if (command instanceof CowCommand.RecordSale c) {
            departure(footprint, cow(c.earTag()), pendingPlaces);
        } else if (command instanceof CowCommand.RecordDeath c) {
            departure(footprint, cow(c.earTag()), pendingPlaces);
        } else if (command instanceof CowCommand.RelocateAnimal c) {
            String cow = cow(c.earTag());
            departure(footprint, cow, pendingPlaces);
            arrival(footprint, cow, c.to());
        } else if (command instanceof CowCommand.RecordAIVisit c) {
            footprint.write(cow(c.earTag()));
        } else if (command instanceof CowCommand.RecordMilking c) {
            footprint.write(cow(c.earTag()));
        } else if (command instanceof CowCommand.RecordTBInspection c) {
            c.results().forEach(result -> footprint.write(cow(result.earTag())));
        } else if (command instanceof FieldCommand c) {
            footprint.write(StreamId.farm("field", c.fieldCode()).toString());
        } else if (command instanceof BarnCommand c) {
            footprint.write(StreamId.farm("barn", c.barnCode()).toString());
        } else if (command instanceof TractorCommand c) {
            footprint.write(StreamId.farm("tractor", c.chassisNumber()).toString());
        } else if (command instanceof LoanCommand.CollateraliseLoan c) {
            c.cattle().forEach(tag -> footprint.write(cow(tag)));
            c.fields().forEach(code -> footprint.write(StreamId.farm("field", code).toString()));
            c.tractors().forEach(chassis -> footprint.write(StreamId.farm("tractor", chassis).toString()));
            footprint.write("loan/" + c.loanId());
        } else {
            return Footprint.barrierOf();
        }
        return footprint.build();
    }

    private static String cow(String earTag) {
        return StreamId.farm("cow", earTag).toString();
    }

    /** The cow comes to {@code to}: a barn's room is written, a field only read. */
    private static void arrival(Footprint.Builder footprint, String cow, Location to) {
        if (to == null) {
            return;
        }
        String place = StreamId.farm(to.kind().prefix(), to.code()).toString();
        if (to.kind() == Location.Kind.BARN) {
            footprint.write(place).place(cow, place);
        } else {
            footprint.read(place);
        }
    }

    /**
     * The cow leaves wherever she is: her stream and every barn she may be in. The pending places are taken
     * first, then her stream is read: a command of the sequence that finishes in between is in one of the two.
     */
    private void departure(Footprint.Builder footprint, String cow, Function<String, Set<String>> pendingPlaces) {
        footprint.write(cow);
        pendingPlaces.apply(cow).forEach(footprint::write);
        currentBarn(StreamId.parse(cow)).ifPresent(footprint::write);
    }

    /**
     * The barn her stream places her in now, folded as the handlers fold her (from the state they keep, reading only
     * the events since), so a long-lived cow's milkings are not read again for every move.
     */
    private Optional<String> currentBarn(StreamId cow) {
        Versioned<Cow> state = new RecordingStreamStates(store, types, cache).get(Cow.AGGREGATE, cow.key());
        return state.state() instanceof Cow.OnFarm on && on.location().kind() == Location.Kind.BARN
                ? Optional.of(StreamId.farm("barn", on.location().code()).toString())
                : Optional.empty();
    }
}
