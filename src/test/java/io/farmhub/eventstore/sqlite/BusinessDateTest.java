package io.farmhub.eventstore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.farmhub.core.EventEnvelope;
import java.time.DateTimeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-checked forms give exactly the date the envelope's own parsing gives, and refuse what it refuses. */
class BusinessDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20", "2024-02-29", "0001-01-01", "2026-11-26T06:12:00Z", "2026-11-26T23:59:59Z",
            "2026-11-26T00:00:00.1Z", "2026-11-26T06:12:00.123Z", "2026-11-26T06:12:00.123456789Z",
            "2026-11-21T00:30:00+01:00", "2026-11-20T23:30:00-05:00", "2026-11-26T06:12Z", "2026-11-26T06:12:00.000Z", "2026-11-26T06:12:00.Z"})
    void gives_the_envelopes_business_date(String occurredAt) {
        assertThat(BusinessDate.of(occurredAt)).isEqualTo(EventEnvelope.businessDate(occurredAt).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-13-01", "2026-11-26T24:00:00Z", "2026-11-26T06:60:00Z",
            "2026-11-26T06:12:60Z", "2026-11-26T06:12:00.1234567890Z", "2026-02-30T06:12:00Z",
            "2026-11-26X06:12:00Z", "20261126", "yesterday", "2026-1-20"})
    void refuses_what_the_envelope_refuses(String occurredAt) {
        assertThatThrownBy(() -> EventEnvelope.businessDate(occurredAt)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> BusinessDate.of(occurredAt)).isInstanceOf(DateTimeException.class);
    }
}
