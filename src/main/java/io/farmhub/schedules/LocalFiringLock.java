package io.farmhub.schedules;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded runtime's lock: one hub, one process, so a firing runs once if it is not run twice here (a misfire
 * that Quartz fires again for the same scheduled instant is skipped).
 */
final class LocalFiringLock implements FiringLock {

    private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();
    private final Map<String, Object> monitors = new ConcurrentHashMap<>();

    @Override
    public boolean runOnce(String schedule, Instant scheduledFireTime, Runnable job) {
        // One monitor per schedule: a long job (the sensor drain) never holds up another schedule's firing.
        synchronized (monitors.computeIfAbsent(schedule, s -> new Object())) {
            Instant last = lastRun.get(schedule);
            if (last != null && !scheduledFireTime.isAfter(last)) {
                return false;
            }
            job.run();
            lastRun.put(schedule, scheduledFireTime);
            return true;
        }
    }
}
