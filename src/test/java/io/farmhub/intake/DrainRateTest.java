package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The drain's measured pace and the Retry-After made from it, on a clock the test moves itself. */
class DrainRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final DrainRate rate = new DrainRate(Duration.ofSeconds(60), now::get);
    private final RetryAfter retryAfter = new RetryAfter(5, 1, 300);

    private void advance(double seconds) {
        now.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void nothing_is_measured_before_two_reports_at_different_times() {
        assertThat(rate.perSecond()).isEmpty();
        assertThat(rate.secondsToDrain(1000)).isEmpty();
        assertThat(rate.secondsToDrain(0)).isEqualTo(OptionalLong.of(0));

        rate.drained(1000);
        advance(10);
        assertThat(rate.perSecond()).as("one report: its readings took a time nobody saw").isEmpty();
        rate.drained(0);
        assertThat(rate.perSecond()).as("a report of nothing is no report").isEmpty();

        DrainRate sameInstant = new DrainRate(Duration.ofSeconds(60), now::get);
        sameInstant.drained(1000);
        sameInstant.drained(1000);
        assertThat(sameInstant.perSecond()).isEmpty();
    }

    @Test
    void while_young_the_rate_is_what_came_after_the_first_report_over_the_time_since_it() {
        rate.drained(1000);
        advance(4);
        rate.drained(1000);
        advance(4);
        rate.drained(1000);

        assertThat(rate.perSecond().getAsDouble()).isCloseTo(250.0, within(1e-9)); // 2000 readings in 8 s
        assertThat(rate.secondsToDrain(10_000)).isEqualTo(OptionalLong.of(40));
        assertThat(rate.secondsToDrain(10_001)).as("rounded up").isEqualTo(OptionalLong.of(41));
        advance(2); // no report for 2 s: the pace measured so far falls
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void once_the_window_is_full_the_rate_is_the_last_window_and_a_stalled_drain_falls_to_zero() {
        for (int i = 0; i <= 120; i++) { // 100 readings a second for two minutes
            rate.drained(100);
            advance(1);
        }
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(100.0, within(2.0));
        for (int i = 0; i < 60; i++) { // then 10 a second for a minute: the older pace is forgotten
            rate.drained(10);
            advance(1);
        }
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(10.0, within(2.0));

        advance(61); // the drain reports nothing for a whole window
        assertThat(rate.perSecond()).isEqualTo(OptionalDouble.of(0.0));
        assertThat(rate.secondsToDrain(500)).as("no honest estimate at pace 0").isEmpty();
        assertThat(rate.secondsToDrain(0)).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void many_small_reports_measure_as_one_large_one() {
        rate.drained(1);
        for (int i = 0; i < 30_000; i++) { // one reading each millisecond for 30 s
            advance(0.001);
            rate.drained(1);
        }
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(1000.0, within(1.0));
    }

    @Test
    void retry_after_is_the_backlog_at_the_measured_rate_rounded_up_and_clamped() {
        assertThat(retryAfter.seconds(1_000_000, OptionalDouble.empty())).as("not measured: the fallback").isEqualTo(5);
        assertThat(retryAfter.seconds(1000, OptionalDouble.of(250))).isEqualTo(4);
        assertThat(retryAfter.seconds(1001, OptionalDouble.of(250))).isEqualTo(5);
        assertThat(retryAfter.seconds(10, OptionalDouble.of(250))).as("at least min").isEqualTo(1);
        assertThat(retryAfter.seconds(0, OptionalDouble.of(250))).isEqualTo(1);
        assertThat(retryAfter.seconds(1_000_000, OptionalDouble.of(250))).as("at most max").isEqualTo(300);
        assertThat(retryAfter.seconds(Long.MAX_VALUE, OptionalDouble.of(0.001))).isEqualTo(300);
        assertThat(retryAfter.seconds(5, OptionalDouble.of(0.0))).as("no progress: max").isEqualTo(300);
        assertThat(new RetryAfter(1000, 1, 300).fallback()).isEqualTo(300);
        assertThatThrownBy(() -> new RetryAfter(5, 0, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryAfter(5, 10, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_measured_rate_and_retry_after_agree() {
        rate.drained(500);
        advance(10);
        rate.drained(1200); // 120 a second
        assertThat(retryAfter.seconds(6000, rate.perSecond())).isEqualTo(50);
        assertThat(retryAfter.seconds(6001, rate.perSecond())).isEqualTo(51);
    }

    @Test
    void the_window_must_be_positive() {
        assertThatThrownBy(() -> new DrainRate(Duration.ZERO, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
