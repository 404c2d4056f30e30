package io.farmhub.notify.eventgrid;

import io.farmhub.notify.Notification;
import io.farmhub.notify.Topic;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/eventgrid/{topic}}: Event Grid push delivery back into the hub. Both handshakes are answered here;
 * each delivery's CloudEvents are handed, as one message (a {@code List<Notification>}, the shape the embedded
 * notifier sends), to the Camel endpoint {@code farmhub.routes.notify.inbound.<topic>}
 * (default {@code seda:eventgrid-<topic>}) and the call answers at once, well within Event Grid's 30 s: the
 * routes do the work. Every call must carry the shared secret as {@code ?code=}.
 */
@RestController
@ConditionalOnProperty(name = "farmhub.notify.eventgrid.enabled", havingValue = "true")
@RequestMapping("/api/eventgrid/{topic}")
public class EventGridWebhook {

    private static final Logger log = LoggerFactory.getLogger(EventGridWebhook.class);

    private final WebhookProperties webhook;
    private final ProducerTemplate producer;
    private final Map<Topic, String> inbound = new EnumMap<>(Topic.class);

    public EventGridWebhook(WebhookProperties webhook, ProducerTemplate producer, Environment env) {
        this.webhook = webhook;
        this.producer = producer;
        for (Topic t : Topic.values()) {
            inbound.put(t, env.getProperty("farmhub.routes.notify.inbound." + t.topicName(), "seda:eventgrid-" + t.topicName()));
        }
        if (!webhook.hasSecret()) {
            log.warn("farmhub.notify.webhook.secret is not set: /api/eventgrid/* refuses every call with 401");
        }
    }

    /** The CloudEvents abuse-protection handshake (the one Event Grid uses for CloudEvents subscriptions). */
    @RequestMapping(method = RequestMethod.OPTIONS)
    public ResponseEntity<?> validateOrigin(@PathVariable String topic, @RequestParam(required = false) String code,
            @RequestHeader(name = "WebHook-Request-Origin", required = false) String origin, HttpServletRequest request) {
        Optional<ResponseEntity<ProblemDetail>> refusal = refusal(topic, code, request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (origin == null || origin.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "the WebHook-Request-Origin header is required", request);
        }
        // The secret in the URL is the consent: whoever holds it may send, at any rate.
        return ResponseEntity.ok()
                .header("WebHook-Allowed-Origin", origin)
                .header("WebHook-Allowed-Rate", "*")
                .header("Allow", "POST, OPTIONS")
                .build();
    }

    @PostMapping
    public ResponseEntity<?> deliver(@PathVariable String topic, @RequestParam(required = false) String code,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        Optional<ResponseEntity<ProblemDetail>> refusal = refusal(topic, code, request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        InboundDelivery delivery = InboundCloudEvents.read(contentType, body);
        if (delivery instanceof InboundDelivery.Validation v) {
            log.info("Event Grid subscription validation for topic {} answered", topic);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("validationResponse", v.validationCode()));
        }
        if (delivery instanceof InboundDelivery.Unacceptable u) {
            return problem(HttpStatus.valueOf(u.status()), u.detail(), request);
        }
        String endpoint = inbound.get(Topic.named(topic));
        try {
            producer.sendBody(endpoint, List.copyOf(((InboundDelivery.Notifications) delivery).notifications()));
        } catch (CamelExecutionException e) {
            // Typically the inbound queue is full: Event Grid retries a 503 later, so nothing is lost.
            log.warn("Event Grid delivery for {} not taken by {}: {}", topic, endpoint, e.getCause().getMessage());
            ResponseEntity<ProblemDetail> busy = problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "the hub cannot take notifications now; retry later", request);
            return ResponseEntity.status(busy.getStatusCode()).headers(busy.getHeaders()).header("Retry-After", "10")
                    .body(busy.getBody());
        }
        return ResponseEntity.accepted().build();
    }

    /** 401 without the right secret (checked first, so no topic name leaks), 404 for an unknown topic. */
    private Optional<ResponseEntity<ProblemDetail>> refusal(String topic, String code, HttpServletRequest request) {
        if (!webhook.hasSecret()) {
            return Optional.of(problem(HttpStatus.UNAUTHORIZED,
                    "the webhook has no secret configured (farmhub.notify.webhook.secret), so it accepts no call", request));
        }
        if (code == null || !MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
                webhook.secret().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(problem(HttpStatus.UNAUTHORIZED,
                    "missing or wrong webhook secret: pass it as the query parameter 'code'", request));
        }
        try {
            Topic.named(topic);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(problem(HttpStatus.NOT_FOUND, "unknown topic '" + topic + "'", request));
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
