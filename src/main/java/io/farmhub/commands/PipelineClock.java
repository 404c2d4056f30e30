package io.farmhub.commands;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The pipeline's clock: the application's {@link Clock} bean when there is one (tests fix the date), else UTC
 * system time. Validation and deciders get {@link #today()} as an argument, never {@code now()} inside.
 */
@Component
public class PipelineClock {

    private final Clock clock;

    public PipelineClock(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Clock clock() {
        return clock;
    }

    /** Today's date in UTC, the date "not in the future" is judged against. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
