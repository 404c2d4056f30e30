package io.farmhub.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Reconciliation's two entries: a firing of the schedule runs only when this hub wins the firing lock (once across
 * hubs); the run at start-up runs on every hub, whatever the lock says, because each hub's first run catches up
 * what its own previous process left running.
 */
class SchedulesTest {

    private final List<String> ran = new ArrayList<>();
    private final List<String> locked = new ArrayList<>();

    private Schedules schedules(boolean winsTheLock) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("commands", reconciler("commands"));
        beans.addBean("projections", reconciler("projections"));
        FiringLock lock = (schedule, firing, job) -> {
            locked.add(schedule);
            if (winsTheLock) {
                job.run();
            }
            return winsTheLock;
        };
        return new Schedules(lock, beans.getBeanProvider(QueryRunner.class), beans.getBeanProvider(Reconciler.class),
                beans.getBeanProvider(io.farmhub.notify.Notifier.class), null, "file:target/unused",
                ZoneId.of("Europe/Dublin"), "scheduler");
    }

    private Reconciler reconciler(String name) {
        return new Reconciler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int reconcile() {
                ran.add(name);
                return 0;
            }
        };
    }

    @Test
    void the_run_at_start_up_drives_every_reconciler_on_every_hub_without_the_lock() {
        schedules(false).reconcileAtStartUp();
        assertThat(ran).containsExactlyInAnyOrder("commands", "projections");
        assertThat(locked).isEmpty();
    }

    @Test
    void a_firing_runs_only_on_the_hub_that_wins_the_lock() {
        schedules(false).reconcile("reconciliation", new org.apache.camel.support.DefaultExchange(
                new org.apache.camel.impl.DefaultCamelContext()));
        assertThat(ran).isEmpty();
        assertThat(locked).containsExactly("reconciliation");

        schedules(true).reconcile("reconciliation", new org.apache.camel.support.DefaultExchange(
                new org.apache.camel.impl.DefaultCamelContext()));
        assertThat(ran).containsExactlyInAnyOrder("commands", "projections");
    }
}
