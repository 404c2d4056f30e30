package io.farmhub.notify.eventgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.Json;
import io.farmhub.notify.Notification;
import io.farmhub.notify.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Event Grid notifier against a local HTTPS endpoint: the exact CloudEvents JSON and headers on the wire,
 * the 5,000-event and 1 MB request limits, refusal of oversize events, retries, and the non-blocking queue.
 * (Event Grid has no emulator; this is the wire format the service documents, not the service.)
 */
class EventGridNotifierWireTest {

    private static final String KEY = "test-topic-key";

    private final LocalEventGridTopic topic = LocalEventGridTopic.start(KEY);
    private final EventGridCounters counters = new EventGridCounters();
    private final EventGridNotifier notifier = notifier(1, 1);

    @AfterEach
    void stop() throws Exception {
        notifier.destroy();
        topic.close();
    }

    @Test
    void a_notification_goes_out_as_the_exact_cloudevent_with_the_key_and_content_type() throws Exception {
        Notification appended = new Notification("3f1c2b7e-8d4a-4c55-9a0e-1b2c3d4e5f60", "farm.event-appended",
                "/farmhub/farm/cow", "cow/IE12345670012", Instant.parse("2026-11-27T05:01:02.123Z"),
                Json.MAPPER.readTree("{\"stream\":\"farm/cow/IE12345670012\",\"version\":4,"
                        + "\"eventType\":\"AnimalRelocated\",\"correlationId\":\"cmd-1\"}"));

        EventGridNotifier.Delivery delivery = notifier.deliver(Topic.FARM_EVENTS, List.of(appended));

        assertThat(delivery.requests()).isEqualTo(1);
        assertThat(delivery.published()).isEqualTo(1);
        LocalEventGridTopic.Request request = topic.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/api/events");
        assertThat(request.uri().getQuery()).isEqualTo("api-version=2018-01-01");
        assertThat(request.header("aeg-sas-key")).isEqualTo(KEY);
        assertThat(request.header("content-type")).isEqualTo("application/cloudevents-batch+json; charset=utf-8");
        assertThat(request.json()).isEqualTo(Json.MAPPER.readTree("""
                [{"specversion": "1.0",
                  "id": "3f1c2b7e-8d4a-4c55-9a0e-1b2c3d4e5f60",
                  "type": "farm.event-appended",
                  "source": "/farmhub/farm/cow",
                  "subject": "cow/IE12345670012",
                  "time": "2026-11-27T05:01:02.123Z",
                  "datacontenttype": "application/json",
                  "data": {"stream": "farm/cow/IE12345670012", "version": 4,
                           "eventType": "AnimalRelocated", "correlationId": "cmd-1"}}]"""));
    }

    @Test
    void twelve_thousand_small_notifications_take_three_requests_of_at_most_5000() {
        List<Notification> small = IntStream.range(0, 12_000).mapToObj(i -> tiny("n-" + i)).toList();

        EventGridNotifier.Delivery delivery = notifier.deliver(Topic.FARM_EVENTS, small);

        assertThat(delivery.requests()).isEqualTo(3);
        assertThat(topic.requests()).extracting(r -> r.json().size()).containsExactly(5_000, 5_000, 2_000);
        assertThat(idsSent()).hasSize(12_000).containsAll(small.stream().map(Notification::id).toList());
        assertThat(counters.published()).isEqualTo(12_000);
    }

    @Test
    void notifications_summing_over_one_megabyte_are_split_and_each_request_is_measured_exactly() {
        List<Notification> big = IntStream.range(0, 5).mapToObj(i -> padded("big-" + i, 300_000)).toList();

        EventGridNotifier.Delivery delivery = notifier.deliver(Topic.FARM_EVENTS, big);

        assertThat(delivery.requests()).isEqualTo(2);
        assertThat(topic.requests()).extracting(r -> r.json().size()).containsExactly(3, 2);
        assertThat(topic.requests()).allSatisfy(r -> assertThat(r.body().length).isLessThanOrEqualTo(1_048_576));
        assertThat(topic.requests().get(0).body().length).isEqualTo(arrayBytes(big.subList(0, 3)));
        assertThat(topic.requests().get(1).body().length).isEqualTo(arrayBytes(big.subList(3, 5)));
    }

    @Test
    void a_request_of_exactly_one_megabyte_goes_whole_and_one_byte_more_is_split() {
        Notification first = padded("edge-a", 500_000);
        int room = 1_048_576 - 2 - 1 - size(first);
        Notification fits = padded("edge-b", 500_000 + room - size(padded("edge-b", 500_000)));
        assertThat(arrayBytes(List.of(first, fits))).isEqualTo(1_048_576);

        notifier.deliver(Topic.FARM_EVENTS, List.of(first, fits));
        Notification oneMore = padded("edge-c", 500_000 + room - size(padded("edge-c", 500_000)) + 1);
        notifier.deliver(Topic.FARM_EVENTS, List.of(first, oneMore));

        assertThat(topic.requests()).extracting(r -> r.json().size()).containsExactly(2, 1, 1);
        assertThat(topic.requests().get(0).body().length).isEqualTo(1_048_576);
    }

    @Test
    void a_notification_over_one_megabyte_is_refused_by_name_and_size_and_the_others_still_go() {
        Notification huge = padded("huge-1", 1_100_000);

        EventGridNotifier.Delivery delivery = notifier.deliver(Topic.FARM_EVENTS, List.of(tiny("ok-1"), huge, tiny("ok-2")));

        assertThat(delivery.refused()).singleElement().isInstanceOfSatisfying(NotificationTooLargeException.class, e -> {
            assertThat(e.notificationId()).isEqualTo("huge-1");
            assertThat(e.sizeBytes()).isEqualTo(size(huge)).isGreaterThan(1_100_000);
            assertThat(e.getMessage()).contains("huge-1").contains(Long.toString(size(huge)));
        });
        assertThat(idsSent()).containsExactlyInAnyOrder("ok-1", "ok-2");
        assertThat(counters.refused()).isEqualTo(1);
        assertThat(counters.published()).isEqualTo(2);
    }

    @Test
    void transient_failures_are_retried_with_back_off_until_accepted() {
        topic.failNext(503, 500, 429);

        EventGridNotifier.Delivery delivery = notifier.deliver(Topic.FARM_EVENTS, List.of(tiny("retry-1")));

        assertThat(delivery.published()).isEqualTo(1);
        assertThat(topic.requests()).hasSize(4).allSatisfy(r -> assertThat(r.json().get(0).get("id").asText()).isEqualTo("retry-1"));
        assertThat(counters.failed()).isZero();
    }

    @Test
    void failures_beyond_the_retries_or_not_transient_are_counted_not_lost_silently() {
        topic.failNext(503, 503, 503, 503, 400);

        EventGridNotifier.Delivery afterRetries = notifier.deliver(Topic.FARM_EVENTS, List.of(tiny("lost-1")));
        EventGridNotifier.Delivery badRequest = notifier.deliver(Topic.FARM_EVENTS, List.of(tiny("lost-2"), tiny("lost-3")));

        assertThat(afterRetries.failed()).isEqualTo(1);
        assertThat(badRequest.failed()).isEqualTo(2);
        assertThat(topic.requests()).hasSize(5); // 1 + 3 retries, then the 400 once: not retried
        assertThat(counters.failed()).isEqualTo(3);
        assertThat(counters.lastFailure()).isNotNull();
    }

    @Test
    void publish_returns_at_once_and_a_full_queue_drops_with_a_count() {
        topic.hold();
        notifier.publish(Topic.FARM_EVENTS, List.of(tiny("q-1")));
        await().atMost(Duration.ofSeconds(10)).until(() -> topic.requests().size() == 1); // the one thread is busy
        notifier.publish(Topic.FARM_EVENTS, List.of(tiny("q-2"), tiny("q-3"))); // waits in the queue (capacity 1)
        notifier.publish(Topic.FARM_EVENTS, List.of(tiny("q-4"))); // no room

        assertThat(counters.published()).isZero(); // none of the calls waited for Event Grid
        assertThat(counters.dropped()).isEqualTo(1);
        topic.release();
        await().atMost(Duration.ofSeconds(10)).until(() -> counters.published() == 3);
        assertThat(idsSent()).containsExactlyInAnyOrder("q-1", "q-2", "q-3");
    }

    @Test
    void a_topic_without_endpoint_drops_with_a_count_and_sends_nothing() {
        notifier.deliver(Topic.FARM_COMMANDS, List.of(tiny("c-1"), tiny("c-2")));

        assertThat(counters.dropped()).isEqualTo(2);
        assertThat(topic.requests()).isEmpty();
    }

    private EventGridNotifier notifier(int threads, int queueCapacity) {
        EventGridProperties props = new EventGridProperties(false,
                Map.of("farm-events", new EventGridProperties.TopicEndpoint(topic.endpoint(), KEY)),
                new EventGridProperties.Retry(3, Duration.ofMillis(5), Duration.ofMillis(20)), threads, queueCapacity);
        return new EventGridNotifier(props, counters, TestCertificate.get().azureHttpClient());
    }

    private Set<String> idsSent() {
        Set<String> ids = new HashSet<>();
        List<String> all = new ArrayList<>();
        topic.requests().forEach(r -> r.json().forEach(e -> all.add(e.get("id").asText())));
        ids.addAll(all);
        assertThat(all).as("no notification sent twice").hasSameSizeAs(ids);
        return ids;
    }

    private static Notification tiny(String id) {
        return new Notification(id, "t", "/s", null, null, null);
    }

    private static Notification padded(String id, int chars) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("padding", "x".repeat(chars));
        return new Notification(id, "farm.projection-changed", "/farmhub/projection/cow-summary", "cow-summary/IE1",
                Instant.parse("2026-11-27T05:01:02Z"), data);
    }

    private static int size(Notification n) {
        return NotificationCloudEvents.serializedSize(NotificationCloudEvents.toCloudEvent(n));
    }

    private static long arrayBytes(List<Notification> ns) {
        return 2 + ns.stream().mapToLong(EventGridNotifierWireTest::size).sum() + ns.size() - 1;
    }

}
