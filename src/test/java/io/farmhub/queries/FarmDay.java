package io.farmhub.queries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The hub's clock in tests: it ticks, but its date is the example story's today (2026-11-27, evening UTC), so
 * every default asOf and "not in the future" check is the story's, whatever day the tests run on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FarmDay {

    static final Instant STORY_EVENING = Instant.parse("2026-11-27T20:00:00Z");

    @Bean
    Clock farmClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), STORY_EVENING));
    }
}
