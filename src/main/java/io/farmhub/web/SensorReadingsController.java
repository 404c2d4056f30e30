package io.farmhub.web;

import io.farmhub.commands.CommandError;
import io.farmhub.commands.CommandErrors;
import io.farmhub.core.CommandSource;
import io.farmhub.core.ErrorCode;
import io.farmhub.intake.SensorBacklog;
import io.farmhub.intake.SensorBatch;
import io.farmhub.intake.SensorBatchResult;
import io.farmhub.intake.SensorPost;
import io.farmhub.security.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sensors/readings}: the HTTP door of the {@code sensor-readings} route. The API key names the
 * caller, who must be a sensor gateway or a farm manager; the body (a JSON array or NDJSON, at most 10,000 readings,
 * at most {@code farmhub.web.max-body-bytes-by-path} bytes) is handed to the route as it came, read as UTF-8 whatever
 * the content type says. 202 with what was accepted and rejected, once the accepted readings are journaled (the
 * {@code sensor-drain} route makes them commands afterwards); 400 or 413 when the body is refused whole; 503 with
 * {@code Retry-After} while the journal's backlog is at its bound (nothing of the batch is kept: send it again), the
 * seconds the drain needs for that backlog at its measured pace ({@code SensorBacklog}).
 */
@RestController
public class SensorReadingsController {

    static final Set<String> ROLES = Set.of("sensor-gateway", "farm-manager");

    private final ProducerTemplate producer;
    private final CommandErrors errors;
    private final String route;

    public SensorReadingsController(ProducerTemplate producer, CommandErrors errors,
            @Value("${farmhub.routes.sensor-readings}") String route) {
        this.producer = producer;
        this.errors = errors;
        this.route = route;
    }

    @PostMapping("/api/sensors/readings")
    ResponseEntity<?> post(@RequestBody(required = false) byte[] body, User user) {
        if (!user.hasAnyRole(ROLES)) {
            String message = user.name() + " may not send sensor readings; that takes the role sensor-gateway or"
                    + " farm-manager.";
            errors.record(new CommandError(Instant.now(), null, null, ErrorCode.FORBIDDEN.name(), null, message,
                    user.name(), CommandSource.api(user.name())));
            throw ApiProblem.forbidden(message);
        }
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        Object answer = producer.requestBody(route, new SensorPost(text, user.name(), user.rolesToCarry()));
        if (answer instanceof SensorBatch.Refused refused) {
            HttpStatus status = refused.rejection().code() == ErrorCode.TOO_LARGE
                    ? HttpStatus.PAYLOAD_TOO_LARGE
                    : HttpStatus.BAD_REQUEST;
            throw ApiProblem.of(status, refused.rejection());
        }
        if (answer instanceof SensorBacklog.Full full) {
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, null,
                    full.backlog() + " readings wait to become commands, the most this hub keeps waiting is "
                            + full.maxReadings() + (full.drainRate().isPresent()
                                    ? String.format(Locale.ROOT, " and it drains about %.1f a second",
                                            full.drainRate().getAsDouble())
                                    : "")
                            + "; nothing of this batch was kept, send it again in "
                            + full.retryAfterSeconds() + " seconds.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(full.retryAfterSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.accepted().body((SensorBatchResult) answer);
    }
}
