package io.farmhub.notify;

import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The in-process notifier (embedded profile): each topic is a Camel endpoint ({@code farmhub.routes.notify.*},
 * by default a SEDA queue that drops what it cannot hold instead of blocking), consumed by the routes in
 * {@code notifications.yaml}. A slow or stopped consumer never holds up an append: notifications are hints, and
 * reconciliation repairs whatever a dropped one leaves behind. Each publish is one message, its body the
 * {@code List<Notification>} published together (a batch of sensor readings announces thousands at once: one
 * message each cost more than deciding them), as an Event Grid delivery is an array.
 */
@Component
@Profile("!azure")
public class CamelNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(CamelNotifier.class);

    private final ProducerTemplate producer;
    private final Map<Topic, String> endpoints = new EnumMap<>(Topic.class);
    /** Each topic's endpoint, looked up once: resolving a URI on every send costs more than the send. */
    private final Map<Topic, Endpoint> resolved = new ConcurrentHashMap<>();

    public CamelNotifier(ProducerTemplate producer,
            @Value("${farmhub.routes.notify.farm-events}") String farmEvents,
            @Value("${farmhub.routes.notify.farm-projections}") String farmProjections,
            @Value("${farmhub.routes.notify.farm-commands}") String farmCommands) {
        this.producer = producer;
        endpoints.put(Topic.FARM_EVENTS, farmEvents);
        endpoints.put(Topic.FARM_PROJECTIONS, farmProjections);
        endpoints.put(Topic.FARM_COMMANDS, farmCommands);
    }

    @Override
    public void publish(Topic topic, List<Notification> notifications) {
        Endpoint endpoint = resolved.computeIfAbsent(topic,
                t -> producer.getCamelContext().getEndpoint(endpoints.get(t)));
        if (notifications.isEmpty()) {
            return;
        }
        try {
            producer.sendBody(endpoint, List.copyOf(notifications));
        } catch (RuntimeException e) {
            // A full queue or a stopping context: the notifications are lost, never the appends they announce.
            log.debug("dropped {} notifications on {}: {}", notifications.size(), topic.topicName(), e.getMessage());
        }
    }
}
