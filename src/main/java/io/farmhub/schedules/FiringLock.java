package io.farmhub.schedules;

import java.time.Instant;

/**
 * Makes one firing of a schedule run once, however many hubs fire it. Every hub's Quartz fires the same cron at the
 * same scheduled instant; the lock lets the first one run it and the others skip it, including a hub that fires
 * late, after the first has finished.
 */
public interface FiringLock {

    /** Runs the job for this firing unless it ran or is running elsewhere; false when skipped. */
    boolean runOnce(String schedule, Instant scheduledFireTime, Runnable job);
}
