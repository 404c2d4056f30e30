package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.commands.CommandStatus;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.farm.StoredEvents.Provenance;
import io.farmhub.farm.query.StoryRecorder;
import java.time.Duration;

/**
 * Tells a farm story to a running hub: each command goes through the real pipeline ({@link CommandGateway}) with
 * the id, user and source the story gives it (an inbox row, a sensor, the API), and must complete before the next.
 */
final class GatewayFarmhand implements StoryRecorder {

    private final CommandGateway gateway;

    GatewayFarmhand(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public GatewayFarmhand record(Provenance provenance, String commandType, String payload) {
        CommandStatus done = submit(provenance, commandType, payload);
        assertThat(done.state()).as("%s %s: %s", commandType, payload, done.errors()).isEqualTo(CommandState.COMPLETED);
        return this;
    }

    /** Submits one command and waits until it ends, whichever way. */
    CommandStatus submit(Provenance provenance, String commandType, String payload) {
        try {
            gateway.submit(new CommandRequest(commandType, provenance.commandId(), Json.MAPPER.readTree(payload),
                    provenance.who(), source(provenance.source())));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + payload, e);
        }
        return await().atMost(Duration.ofSeconds(20)).until(() -> gateway.status(provenance.commandId()).orElse(null),
                s -> s != null && (s.state() == CommandState.COMPLETED || s.state() == CommandState.INVALID
                        || s.state() == CommandState.FAILED));
    }

    /** The story's envelope form of a source ({@code inbox:mary/moves.csv#3}) as the command's source. */
    static CommandSource source(String envelopeForm) {
        String kind = envelopeForm.substring(0, envelopeForm.indexOf(':'));
        String rest = envelopeForm.substring(kind.length() + 1);
        return switch (kind) {
            case "inbox" -> CommandSource.inbox(rest.substring(0, rest.lastIndexOf('#')),
                    Integer.parseInt(rest.substring(rest.lastIndexOf('#') + 1)));
            case "sensor" -> CommandSource.sensor(rest);
            case "schedule" -> CommandSource.schedule(rest);
            default -> CommandSource.api(rest);
        };
    }
}
