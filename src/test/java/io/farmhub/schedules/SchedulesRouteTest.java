package io.farmhub.schedules;

import io.farmhub.notify.NotificationMessages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandGateway;
import io.farmhub.commands.CommandState;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.Json;
import io.farmhub.eventstore.EventStore;
import io.farmhub.security.ApiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The schedules on the embedded hub: Quartz triggers built from the properties, a test cron that really fires, and
 * firings sent in by advice with the scheduled instant Quartz would give, so no test waits for the wall clock. The
 * queries run through {@link StoreQueries}, which stands in for the query engine (issue 5) behind the
 * {@link QueryRunner} seam.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SchedulesRouteTest {

    private static final Path DATA = Path.of("target/test-data/schedules-" + System.nanoTime());
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");
    private static final String COW = "IE55501230007";

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("farmhub.data-dir", DATA::toString);
        registry.add("farmhub.security.users.mary.api-key-sha256", () -> ApiKey.sha256Hex("mary-key"));
        registry.add("farmhub.security.users.mary.roles", () -> "farm-manager");
        // A test cron: the tractor service check fires every second, through Quartz itself.
        registry.add("farmhub.schedules.tractor-service-check.cron", () -> "* * * * * ?");
    }

    @TestConfiguration
    static class Engine {
        @Bean
        StoreQueries queries(EventStore store) {
            return new StoreQueries(store);
        }

        @Bean
        CountingReconciler countingReconciler() {
            return new CountingReconciler();
        }
    }

    static final class CountingReconciler implements Reconciler {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public int reconcile() {
            runs.incrementAndGet();
            return 0;
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CommandGateway gateway;
    @Autowired
    StoreQueries queries;
    @Autowired
    CountingReconciler reconciler;

    @BeforeAll
    void aFarmWithOneCowNeverTested() throws Exception {
        submit("RegisterField", "{\"fieldCode\": \"sched-field\", \"name\": \"Sched\", \"areaHectares\": 3.5}");
        submit("RecordPurchase", "{\"earTag\": \"" + COW + "\", \"herdNumber\": \"H1\", \"sex\": \"F\","
                + " \"breed\": \"Friesian\", \"bornOn\": \"2022-02-11\", \"purchasedOn\": \"2026-10-05\","
                + " \"seller\": \"Mart\", \"price\": {\"amount\": \"1000.00\", \"currency\": \"EUR\"},"
                + " \"location\": \"field:sched-field\"}");
        for (String route : new String[] {"schedule-tb-test-inspection", "schedule-herd-register-report",
            "schedule-reconciliation"}) {
            AdviceWith.adviceWith(camel, route, a -> a.replaceFromWith("direct:fire-" + route));
        }
    }

    @Test
    void the_triggers_are_built_from_the_cron_and_time_zone_properties() {
        QuartzEndpoint tractors = (QuartzEndpoint) camel.getRoute("schedule-tractor-service-check").getEndpoint();
        assertThat(tractors.getCron()).isEqualTo("* * * * * ?");
        assertThat(tractors.getTriggerParameters()).containsEntry("timeZone", "Europe/Dublin");
        assertThat(tractors.isStateful()).isTrue();
    }

    @Test
    void a_test_cron_fires_through_quartz_and_writes_the_report_as_the_scheduler() throws Exception {
        // Read the day at each look: a firing just after midnight belongs to the new day.
        Awaitility.await("a tractor report").atMost(Duration.ofSeconds(30)).until(() ->
                Files.exists(DATA.resolve("reports/tractors-service-due/" + LocalDate.now(DUBLIN) + ".csv"))
                        && Files.exists(DATA.resolve("reports/tractors-service-due/" + LocalDate.now(DUBLIN) + ".json")));
        assertThat(queries.runs()).anySatisfy(run -> {
            assertThat(run.query()).isEqualTo("tractors-service-due");
            assertThat(run.runAs()).isEqualTo("scheduler");
            assertThat(run.source()).isEqualTo(CommandSource.schedule("tractor-service-check"));
        });
    }

    @Test
    void the_tb_inspection_writes_csv_and_json_and_notifies_that_a_cow_is_due() throws Exception {
        NotifyBuilder notified = new NotifyBuilder(camel).from("seda:farm-projections*")
                .filter(exchange -> NotificationMessages.of(exchange).stream()
                        .anyMatch(n -> "farm.tb-tests-due".equals(n.type())))
                .whenDone(1).create();

        fire("schedule-tb-test-inspection", ZonedDateTime.of(2026, 11, 27, 6, 0, 0, 0, DUBLIN));

        Path reports = DATA.resolve("reports/tb-tests-due");
        assertThat(Files.readString(reports.resolve("2026-11-27.csv"))).startsWith("earTag,").contains(COW);
        JsonNode answer = Json.MAPPER.readTree(reports.resolve("2026-11-27.json").toFile());
        assertThat(answer.path("query").asText()).isEqualTo("tb-tests-due");
        assertThat(answer.path("asOf").asText()).isEqualTo("2026-11-27");
        assertThat(answer.path("sourceVersions").size()).isPositive();
        assertThat(notified.matches(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void the_herd_register_on_the_first_is_asked_about_the_last_day_of_the_previous_month() throws Exception {
        fire("schedule-herd-register-report", ZonedDateTime.of(2026, 12, 1, 5, 0, 0, 0, DUBLIN));

        assertThat(queries.runs()).anySatisfy(run -> {
            assertThat(run.query()).isEqualTo("herd-register");
            assertThat(run.parameters()).containsEntry("asOf", "2026-11-30");
        });
        JsonNode answer = Json.MAPPER.readTree(DATA.resolve("reports/herd-register/2026-12-01.json").toFile());
        assertThat(answer.path("asOf").asText()).isEqualTo("2026-11-30");
        assertThat(Files.readString(DATA.resolve("reports/herd-register/2026-12-01.csv"))).contains(COW);
    }

    @Test
    void the_same_firing_delivered_twice_runs_once_and_reconciliation_drives_every_reconciler(CapturedOutput log) {
        // First the one run at start-up (route reconciliation-at-start-up), then only the schedule's firings.
        Awaitility.await("the run at start-up").atMost(Duration.ofSeconds(30))
                .until(() -> log.getOut().contains("reconciliation at start-up: test drove 0 forward"));
        assertThat(log.getOut()).contains("reconciliation at start-up: commands drove 0 forward")
                .contains("reconciliation at start-up: projections drove 0 forward");
        int atStartUp = reconciler.runs.get();
        assertThat(atStartUp).isEqualTo(1);

        ZonedDateTime firing = ZonedDateTime.of(2026, 11, 27, 6, 10, 0, 0, DUBLIN);
        fire("schedule-reconciliation", firing);
        fire("schedule-reconciliation", firing);
        assertThat(reconciler.runs).hasValue(atStartUp + 1);

        fire("schedule-reconciliation", firing.plusMinutes(10));
        assertThat(reconciler.runs).hasValue(atStartUp + 2);
        assertThat(log.getOut()).contains("schedule reconciliation: commands drove 0 forward")
                .contains("schedule reconciliation: projections drove 0 forward");
    }

    private void fire(String route, ZonedDateTime scheduled) {
        producer.sendBodyAndHeader("direct:fire-" + route, null, "scheduledFireTime",
                Date.from(scheduled.toInstant()));
    }

    private void submit(String type, String payload) throws Exception {
        String id = "schedules-test-" + type;
        gateway.submit(new CommandRequest(type, id, Json.MAPPER.readTree(payload), "mary", CommandSource.api("mary")));
        Awaitility.await(type).atMost(Duration.ofSeconds(30))
                .until(() -> gateway.status(id).map(s -> s.state().terminal()).orElse(false));
        assertThat(gateway.status(id).orElseThrow().state()).as(type).isEqualTo(CommandState.COMPLETED);
    }
}
