package io.farmhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.intake.DrainRate;
import io.farmhub.intake.SensorBacklog;
import io.farmhub.security.ApiKey;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Back-pressure that tells the truth: on a hub whose backlog bound is 5 readings and whose drain's clock the test
 * moves, a 503 first carries the fallback Retry-After (no pace measured), and, once the drain has drained readings at
 * a known pace, ceil(backlog / pace), which health shows too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SensorBackPressureApiTest {

    static final String GATE = "pressure-gate-key";
    static final String DATA_DIR = "target/test-data/sensor-pressure-" + System.nanoTime();
    static final AtomicLong NANOS = new AtomicLong(1_000_000_000_000L);

    @TestConfiguration
    static class Clock {
        @Bean
        DrainRate.Ticker drainTicker() {
            return NANOS::get;
        }
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", () -> DATA_DIR);
        registry.add("farmhub.security.users.gate-9.api-key-sha256", () -> ApiKey.sha256Hex(GATE));
        registry.add("farmhub.security.users.gate-9.roles", () -> "sensor-gateway");
        registry.add("farmhub.sensors.backlog.max-readings", () -> "5");
        registry.add("farmhub.sensors.backlog.retry-after-seconds", () -> "7");
        registry.add("farmhub.sensors.journal.chunk-readings", () -> "2");
        registry.add("farmhub.sensors.drain.enabled", () -> "false");
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    SensorBacklog backlog;
    @Autowired
    HealthIndicator sensorsHealthIndicator;

    @Test
    void the_503_retry_after_is_the_backlog_at_the_drain_s_measured_pace() throws Exception {
        assertThat(post(batch("pressure-temp-1", 5)).statusCode()).isEqualTo(202);
        HttpResponse<String> guessed = post(batch("pressure-temp-2", 1));
        ApiTestBase.assertProblem(guessed, 503, "UNAVAILABLE");
        assertThat(guessed.headers().firstValue("Retry-After")).as("no pace measured: the fallback").hasValue("7");
        assertThat(sensorsHealthIndicator.health().getDetails()).doesNotContainKeys("drainRate", "secondsToDrain");

        // The drain takes the 5 readings in 3 chunks (2, 2, 1), all at one instant of the test's clock; 10 s later
        // that is 3 readings after the first chunk in 10 s: 0.3 readings a second.
        camel.getRouteController().startRoute("sensor-drain");
        producer.sendBody("{{farmhub.routes.sensor-drain}}", "wake");
        Awaitility.await("drained").atMost(Duration.ofSeconds(90)).until(() -> backlog.readings() == 0);
        camel.getRouteController().stopRoute("sensor-drain");
        NANOS.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(sensorsHealthIndicator.health().getDetails()).containsEntry("drainRate", 0.3)
                .containsEntry("secondsToDrain", 0L);

        assertThat(post(batch("pressure-temp-3", 5)).statusCode()).isEqualTo(202);
        HttpResponse<String> measured = post(batch("pressure-temp-4", 1));
        ApiTestBase.assertProblem(measured, 503, "UNAVAILABLE");
        assertThat(measured.headers().firstValue("Retry-After")).as("ceil(5 / 0.3)").hasValue("17");
        assertThat(HubClient.json(measured).path("detail").asText()).contains("0.3 a second", "17 seconds");
        assertThat(sensorsHealthIndicator.health().getDetails()).containsEntry("backlog", 5L)
                .containsEntry("drainRate", 0.3).containsEntry("secondsToDrain", 17L);
    }

    private HttpResponse<String> post(String body) {
        HubClient hub = new HubClient(port);
        return hub.send(hub.request("/api/sensors/readings", GATE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** Readings a quarter of an hour apart, for a barn this hub does not know (each ends INVALID: decided). */
    private static String batch(String sensor, int readings) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < readings; i++) {
            Instant at = Instant.parse("2026-11-26T08:00:00Z").plusSeconds(900L * i);
            body.append(i == 0 ? "" : ",").append("{\"sensorId\":\"").append(sensor)
                    .append("\",\"kind\":\"barn-temperature\",\"subject\":\"pressure-shed\",\"value\":")
                    .append(10 + i).append(",\"unit\":\"°C\",\"at\":\"").append(at).append("\"}");
        }
        return body.append("]").toString();
    }
}
