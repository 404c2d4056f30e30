package io.farmhub.schedules;

import java.time.LocalDate;
import java.util.Map;

/**
 * The three schedules of domain.md that run a query and write its report; the fourth, reconciliation, drives
 * {@link Reconciler}s instead. A report is named after its query: {@code <query>/<yyyy-mm-dd>.{csv,json}}, the date
 * being the farm-local day of the firing.
 */
public enum ScheduledReport {

    /** Daily 06:00: the cows due a TB test; a notification when any are. */
    TB_TEST_INSPECTION("tb-test-inspection", "tb-tests-due", true),
    /** Mondays 07:00: the tractors due a service. */
    TRACTOR_SERVICE_CHECK("tractor-service-check", "tractors-service-due", false),
    /** 1st of the month 05:00: the herd register as of the last day of the previous month. */
    HERD_REGISTER_REPORT("herd-register-report", "herd-register", false) {
        @Override
        public LocalDate asOf(LocalDate day) {
            return day.withDayOfMonth(1).minusDays(1);
        }
    };

    private final String scheduleName;
    private final String query;
    private final boolean notifyWhenAny;

    ScheduledReport(String scheduleName, String query, boolean notifyWhenAny) {
        this.scheduleName = scheduleName;
        this.query = query;
        this.notifyWhenAny = notifyWhenAny;
    }

    public String scheduleName() {
        return scheduleName;
    }

    public String query() {
        return query;
    }

    /** The report's folder (or blob prefix) in the reports store. */
    public String reportName() {
        return query;
    }

    public boolean notifyWhenAny() {
        return notifyWhenAny;
    }

    /** The business date the query is asked about, for a firing on {@code day}. */
    public LocalDate asOf(LocalDate day) {
        return day;
    }

    public Map<String, String> parameters(LocalDate day) {
        return Map.of("asOf", asOf(day).toString());
    }

    public static ScheduledReport named(String scheduleName) {
        for (ScheduledReport report : values()) {
            if (report.scheduleName.equals(scheduleName)) {
                return report;
            }
        }
        throw new IllegalArgumentException("no scheduled report is named '" + scheduleName + "'");
    }
}
