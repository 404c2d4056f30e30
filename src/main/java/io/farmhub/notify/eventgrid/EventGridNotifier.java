package io.farmhub.notify.eventgrid;

import com.azure.core.http.HttpClient;
import com.azure.core.models.CloudEvent;
import com.azure.messaging.eventgrid.EventGridPublisherClient;
import io.farmhub.notify.Notification;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The azure profile's notifier: CloudEvents to one Event Grid custom topic per {@link Topic}.
 *
 * <p>{@link #publish} only enqueues, so an append never waits on the network: a small pool of publisher threads
 * converts, splits ({@link EventGridBatches}) and sends, the SDK retrying transient failures with exponential
 * back-off. When the queue is full the call is dropped, logged and counted ({@link EventGridCounters}); the
 * reconciliation schedule repairs what a lost notification leaves behind.
 */
@Component
@Profile("azure")
public class EventGridNotifier implements Notifier, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventGridNotifier.class);

    private final Map<Topic, EventGridPublisherClient<CloudEvent>> clients;
    private final EventGridCounters counters;
    private final ThreadPoolExecutor executor;

    @Autowired
    EventGridNotifier(EventGridProperties props, EventGridCounters counters,
            @Qualifier("eventGridHttpClient") ObjectProvider<HttpClient> httpClient) {
        this(props, counters, httpClient.getIfAvailable());
    }

    /** @param httpClient the SDK transport, or null for the SDK's default */
    public EventGridNotifier(EventGridProperties props, EventGridCounters counters, HttpClient httpClient) {
        this.clients = EventGridClients.build(props, httpClient);
        this.counters = counters;
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(props.publisherThreads(), props.publisherThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(props.queueCapacity()), r -> {
                    Thread t = new Thread(r, "eventgrid-publisher-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        if (clients.size() < Topic.values().length) {
            log.warn("Event Grid: no endpoint for topic(s) {}; notifications to them are dropped and counted "
                    + "(set farmhub.notify.eventgrid.topics.<topic>.endpoint)", unconfigured());
        }
    }

    @Override
    public void publish(Topic topic, List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        try {
            executor.execute(new PublishTask(topic, List.copyOf(notifications)));
        } catch (RejectedExecutionException e) {
            counters.dropped(notifications.size());
            log.error("Event Grid publish queue is full (or shut down): {} notification(s) for {} dropped, first id {}",
                    notifications.size(), topic.topicName(), notifications.get(0).id());
        }
    }

    /** Sends now, on the caller's thread: the publisher threads' work, open to tests. */
    public Delivery deliver(Topic topic, List<Notification> notifications) {
        EventGridPublisherClient<CloudEvent> client = clients.get(topic);
        if (client == null) {
            counters.dropped(notifications.size());
            log.error("Event Grid topic {} has no endpoint: {} notification(s) dropped", topic.topicName(), notifications.size());
            return new Delivery(0, 0, 0, List.of());
        }
        List<EventGridBatches.Sized> sized = new ArrayList<>(notifications.size());
        List<RuntimeException> refused = new ArrayList<>();
        for (Notification n : notifications) {
            try {
                CloudEvent event = NotificationCloudEvents.toCloudEvent(n);
                sized.add(new EventGridBatches.Sized(n.id(), event, NotificationCloudEvents.serializedSize(event)));
            } catch (RuntimeException e) {
                refused.add(e);
            }
        }
        EventGridBatches.Plan plan = EventGridBatches.plan(sized);
        refused.addAll(plan.refused());
        for (RuntimeException r : refused) {
            log.error("Event Grid topic {}: {}", topic.topicName(), r.getMessage());
        }
        counters.refused(refused.size());
        int published = 0;
        int failed = 0;
        for (List<CloudEvent> request : plan.requests()) {
            try {
                client.sendEvents(request);
                published += request.size();
                counters.published(request.size());
            } catch (RuntimeException e) {
                failed += request.size();
                counters.failed(request.size(), e.getMessage());
                log.error("Event Grid topic {}: a request of {} notification(s) (ids {} .. {}) failed after retries: {}",
                        topic.topicName(), request.size(), request.get(0).getId(), request.get(request.size() - 1).getId(),
                        e.getMessage());
            }
        }
        return new Delivery(plan.requests().size(), published, failed, List.copyOf(refused));
    }

    /** Topics that have an endpoint. */
    public Set<Topic> configuredTopics() {
        return Set.copyOf(clients.keySet());
    }

    /** Publish calls waiting for a publisher thread. */
    public int queued() {
        return executor.getQueue().size();
    }

    private List<String> unconfigured() {
        List<String> names = new ArrayList<>();
        for (Topic t : Topic.values()) {
            if (!clients.containsKey(t)) {
                names.add(t.topicName());
            }
        }
        return names;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            int lost = 0;
            for (Runnable r : executor.shutdownNow()) {
                lost += ((PublishTask) r).notifications.size();
            }
            counters.dropped(lost);
            log.error("Event Grid notifier stopped with {} notification(s) still queued: dropped", lost);
        }
    }

    /** What one {@link #deliver} did: requests sent, notifications accepted and failed, and those refused. */
    public record Delivery(int requests, int published, int failed, List<RuntimeException> refused) {
    }

    private final class PublishTask implements Runnable {
        private final Topic topic;
        private final List<Notification> notifications;

        PublishTask(Topic topic, List<Notification> notifications) {
            this.topic = topic;
            this.notifications = notifications;
        }

        @Override
        public void run() {
            try {
                deliver(topic, notifications);
            } catch (RuntimeException e) {
                counters.failed(notifications.size(), e.getMessage());
                log.error("Event Grid topic {}: {} notification(s) lost to an unexpected error", topic.topicName(),
                        notifications.size(), e);
            }
        }
    }
}
