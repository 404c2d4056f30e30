package io.farmhub.schedules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.CommandSource;
import io.farmhub.intake.DocumentContent;
import io.farmhub.intake.DocumentStore;
import io.farmhub.intake.DocumentStores;
import io.farmhub.notify.Notification;
import io.farmhub.notify.Notifier;
import io.farmhub.notify.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of the schedule routes ({@code routes/schedules.yaml}): each firing runs once across hubs
 * ({@link FiringLock}), runs its query through the query engine as the scheduler ({@link QueryRunner}) and writes
 * {@code <report>/<yyyy-mm-dd>.csv} and {@code .json} to {@code farmhub.routes.reports}; the TB inspection also
 * notifies when any cow is due. Reconciliation drives every {@link Reconciler}.
 */
@Component("schedules")
public class Schedules {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    private final FiringLock lock;
    private final ObjectProvider<QueryRunner> queries;
    private final ObjectProvider<Reconciler> reconcilers;
    private final ObjectProvider<Notifier> notifier;
    private final DocumentStores stores;
    private final String reportsUri;
    private final ZoneId zone;
    private final String user;

    public Schedules(FiringLock lock, ObjectProvider<QueryRunner> queries, ObjectProvider<Reconciler> reconcilers,
            ObjectProvider<Notifier> notifier, DocumentStores stores,
            @Value("${farmhub.routes.reports}") String reportsUri,
            @Value("${farmhub.schedules.time-zone}") ZoneId zone,
            @Value("${farmhub.schedules.user:scheduler}") String user) {
        this.lock = lock;
        this.queries = queries;
        this.reconcilers = reconcilers;
        this.notifier = notifier;
        this.stores = stores;
        this.reportsUri = reportsUri;
        this.zone = zone;
        this.user = user;
    }

    /** A firing of one of the report schedules. */
    public void report(String schedule, Exchange exchange) {
        ScheduledReport report = ScheduledReport.named(schedule);
        Instant firing = firing(exchange);
        LocalDate day = firing.atZone(zone).toLocalDate();
        lock.runOnce(schedule, firing, () -> write(report, day));
    }

    /** A firing of the reconciliation schedule: once across hubs. */
    public void reconcile(String schedule, Exchange exchange) {
        lock.runOnce(schedule, firing(exchange), () -> reconcileAll("schedule " + schedule));
    }

    /**
     * The run at start-up, on every hub and without the firing lock: what this hub's previous process left running
     * is found by this hub's first run ({@link io.farmhub.commands.CommandReconciliation}), and waiting for the
     * schedule's next firing (which may run on another hub) would leave it stalled for up to its interval.
     */
    public void reconcileAtStartUp() {
        reconcileAll("reconciliation at start-up");
    }

    private void reconcileAll(String run) {
        reconcilers.orderedStream().forEach(reconciler ->
                log.info("{}: {} drove {} forward", run, reconciler.name(), reconciler.reconcile()));
    }

    /** The stores' report keys for a report and day: {@code <report>/<yyyy-mm-dd>.csv} and {@code .json}. */
    public static List<String> reportKeys(ScheduledReport report, LocalDate day) {
        return List.of(report.reportName() + "/" + day + ".csv", report.reportName() + "/" + day + ".json");
    }

    private void write(ScheduledReport report, LocalDate day) {
        QueryRunner runner = queries.getIfAvailable();
        if (runner == null) {
            log.warn("schedule {}: no query engine in this hub, so {} did not run and no report was written",
                    report.scheduleName(), report.query());
            return;
        }
        QueryRunner.QueryAnswer answer = runner.run(report.query(), report.parameters(day), user,
                CommandSource.schedule(report.scheduleName()));
        DocumentStore reports = stores.at(reportsUri);
        List<String> keys = reportKeys(report, day);
        try {
            reports.put(keys.get(0), DocumentContent.of(ReportFiles.csv(answer.result())));
            reports.put(keys.get(1), DocumentContent.of(ReportFiles.json(answer.answer())));
        } catch (IOException e) {
            throw new UncheckedIOException("the " + report.reportName() + " report could not be written", e);
        }
        int rows = ReportFiles.rows(answer.result()).size();
        log.info("schedule {}: {} as of {} ({} rows, query run {}) written to {} in {}", report.scheduleName(),
                report.query(), report.asOf(day), rows, answer.queryId(), keys, reports.describe());
        if (report.notifyWhenAny() && rows > 0) {
            notifyDue(report, day, rows, keys);
        }
    }

    private void notifyDue(ScheduledReport report, LocalDate day, int rows, List<String> keys) {
        Notifier target = notifier.getIfAvailable();
        if (target == null) {
            return;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("schedule", report.scheduleName())
                .put("query", report.query())
                .put("asOf", report.asOf(day).toString())
                .put("count", rows);
        keys.forEach(data.putArray("reports")::add);
        target.publish(Topic.FARM_PROJECTIONS, List.of(new Notification(
                "schedule:" + report.scheduleName() + ":" + day, "farm." + report.query(),
                "/farmhub/schedule/" + report.scheduleName(), report.reportName() + "/" + day, Instant.now(), data)));
    }

    /** Quartz's scheduled instant, the same on every hub for one firing; now when fired another way. */
    private static Instant firing(Exchange exchange) {
        Date scheduled = exchange.getMessage().getHeader("scheduledFireTime", Date.class);
        return scheduled == null ? Instant.now() : scheduled.toInstant();
    }
}
