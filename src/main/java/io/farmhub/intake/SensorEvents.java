package io.farmhub.intake;

import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of the Event Hubs route ({@code sensor-events} in {@code routes/sensors.yaml}). Each event holds one
 * reading or an array of them, submitted as user {@code farmhub.sensors.eventhubs.user}.
 *
 * <p>Event Hubs checkpoints past every event whose exchange completes, so no event may complete unless it is either
 * processed or kept: an event that cannot be read at all, one with rejected readings, or one that still fails after
 * the route's retries, is copied
 * to command-errors ({@code sensor-events/<yyyy-mm-dd>/<partition>-<sequence>.json} with a {@code .error.json}) and
 * recorded as a command error, and only then does the route go on. If even that copy fails, the route halts: every
 * later event fails without being checkpointed and the route is stopped, so after a restart Event Hubs delivers
 * again from the last checkpoint, before the failed event.
 */
@Component("sensorEvents")
public class SensorEvents {

    private static final Logger log = LoggerFactory.getLogger(SensorEvents.class);
    private static final String PARTITION = "CamelAzureEventHubsPartitionId";
    private static final String SEQUENCE = "CamelAzureEventHubsSequenceNumber";

    private final SensorIntake intake;
    private final CommandErrors errors;
    private final DocumentStores stores;
    private final String errorsUri;
    private final String user;
    private final CamelContext camel;
    private volatile String halted;

    public SensorEvents(SensorIntake intake, CommandErrors errors, DocumentStores stores,
            @Value("${farmhub.routes.command-errors}") String errorsUri,
            @Value("${farmhub.sensors.eventhubs.user:sensor-gateway}") String user, CamelContext camel) {
        this.intake = intake;
        this.errors = errors;
        this.stores = stores;
        this.errorsUri = errorsUri;
        this.user = user;
        this.camel = camel;
    }

    /**
     * Submits the event's readings. An event with readings rejected on their own is kept in command-errors too, with
     * every rejection, and each rejection is recorded as a command error: no reading is dropped unseen.
     */
    public void process(Exchange exchange) throws IOException, InterruptedException {
        if (halted != null) {
            throw new IllegalStateException("sensor events are halted until the hub is restarted: " + halted);
        }
        SensorBatch batch = intake.read(body(exchange.getMessage()), user);
        if (batch instanceof SensorBatch.Refused refused) {
            keep(exchange, refused.rejection().code().name(), refused.rejection().message(), List.of());
            return;
        }
        // Named after the event (partition and sequence): a redelivery after a crash finishes the same batch.
        List<SensorBatch.Rejected> rejected = intake.submit("sensor-events-" + where(exchange.getMessage()),
                (SensorBatch.Read) batch).rejected();
        if (!rejected.isEmpty()) {
            keep(exchange, rejected.get(0).code().name(), rejected.size() + " of its readings were rejected.",
                    rejected);
        }
    }

    /**
     * The dead letter: the event failed after its retries; kept in command-errors, or the route halts. Once halted,
     * a later event is never kept: its completion would checkpoint past the event that halted the route, which is
     * in neither place (the route may still be running while it stops, or be started again by hand).
     */
    public void failed(Exchange exchange) throws IOException {
        if (halted != null) {
            halt(exchange, halted); // and the route stops again, if someone started it
            throw new IllegalStateException("sensor events are halted until the hub is restarted: " + halted);
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown" : cause.getMessage();
        try {
            keep(exchange, "FAILED", "The event could not be processed (" + reason + "); it is kept here to be"
                    + " sent again.", List.of());
        } catch (IOException | RuntimeException e) {
            halt(exchange, "event " + where(exchange.getMessage()) + " failed (" + reason
                    + ") and could not be kept in command-errors (" + e.getMessage() + ")");
            throw e;
        }
    }

    /** Halted after an event could be neither processed nor kept. */
    public boolean halted() {
        return halted != null;
    }

    private void keep(Exchange exchange, String code, String message, List<SensorBatch.Rejected> rejected)
            throws IOException {
        Message in = exchange.getMessage();
        String where = where(in);
        DocumentStore store = stores.at(errorsUri);
        String key = FreeKeys.create(store, "sensor-events/" + LocalDate.now(ZoneOffset.UTC) + "/" + where + ".json",
                DocumentContent.of(bytes(in)));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("event", where);
        error.put("code", code);
        error.put("message", message);
        error.put("enqueuedTime", in.getHeader("CamelAzureEventHubsEnqueuedTime", String.class));
        if (!rejected.isEmpty()) {
            error.put("rejected", rejected);
        }
        store.put(key + ".error.json", DocumentContent.of(Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(error)));
        if (rejected.isEmpty()) {
            record(code, "Event " + where + ": " + message + " Kept as " + key + ".");
        }
        for (SensorBatch.Rejected reading : rejected) {
            record(reading.code().name(), "Event " + where + ", reading " + reading.index() + ": "
                    + reading.message() + " Kept as " + key + ".");
        }
        log.warn("sensor event {}: {} ({}); kept as {} in {}", where, code, message, key, store.describe());
    }

    private void record(String code, String message) {
        errors.record(new CommandError(Instant.now(), null, null, code, null, message, user,
                new CommandSource("sensor", null, null, null, null, null)));
    }

    private void halt(Exchange exchange, String reason) {
        halted = reason;
        String route = exchange.getFromRouteId();
        log.error("sensor events halted, nothing after this event is checkpointed: {}", reason);
        // A route cannot stop itself from its own thread; it stops beside it, and until then every event fails.
        Thread stopper = new Thread(() -> {
            try {
                camel.getRouteController().stopRoute(route);
            } catch (Exception e) {
                log.error("could not stop route {}: {}", route, e.getMessage());
            }
        }, "sensor-events-halt");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** {@code <partition>-<sequence>} from Event Hubs, or the exchange id for an event fed another way. */
    private static String where(Message in) {
        String partition = in.getHeader(PARTITION, String.class);
        String sequence = in.getHeader(SEQUENCE, String.class);
        return partition != null && sequence != null ? partition + "-" + sequence : in.getExchange().getExchangeId();
    }

    private static String body(Message in) {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Message in) {
        Object body = in.getBody();
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        return body == null ? new byte[0] : in.getBody(String.class).getBytes(StandardCharsets.UTF_8);
    }
}
