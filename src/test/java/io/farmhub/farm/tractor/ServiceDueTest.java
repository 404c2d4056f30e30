package io.farmhub.farm.tractor;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.farm.Classification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceDueTest {

    static final LocalDate SERVICED_ON = LocalDate.parse("2025-06-01");
    static final LocalDate AS_OF = LocalDate.parse("2026-01-15");

    static TractorSummary tractor(String engineHours, LocalDate servicedOn, String hoursAtService) {
        Tractor.Service service = servicedOn == null ? null
                : new Tractor.Service(servicedOn, new BigDecimal(hoursAtService));
        return new TractorSummary("JD6R155X001234", 3, "John Deere", "6R 155", 2024,
                engineHours == null ? null : new BigDecimal(engineHours), service, Set.of());
    }

    @Test
    void a_tractor_never_serviced_is_due() {
        assertThat(ServiceDue.includes(tractor("12", null, null), AS_OF)).isTrue();
        assertThat(ServiceDue.includes(tractor(null, null, null), AS_OF)).isTrue();
    }

    @Test
    void an_unregistered_tractor_is_not_in_the_set() {
        assertThat(ServiceDue.includes(TractorSummary.empty("JD6R155X001234"), AS_OF)).isFalse();
    }

    @Test
    void exactly_250_engine_hours_since_the_service_is_due_and_just_under_is_not() {
        assertThat(ServiceDue.includes(tractor("749.9", SERVICED_ON, "500"), AS_OF)).isFalse();
        assertThat(ServiceDue.includes(tractor("750", SERVICED_ON, "500"), AS_OF)).isTrue();
        assertThat(ServiceDue.includes(tractor("750.0", SERVICED_ON, "500.0"), AS_OF)).isTrue();
    }

    @Test
    void a_service_exactly_365_days_ago_is_not_yet_due_and_366_days_is() {
        assertThat(ServiceDue.includes(tractor("510", SERVICED_ON, "500"), SERVICED_ON.plusDays(365))).isFalse();
        assertThat(ServiceDue.includes(tractor("510", SERVICED_ON, "500"), SERVICED_ON.plusDays(366))).isTrue();
    }

    @Test
    void the_classification_says_when_membership_changes() {
        TractorSummary before = tractor("700", SERVICED_ON, "500");
        TractorSummary after = tractor("760", SERVICED_ON, "500");
        assertThat(ServiceDue.classify(before, after, AS_OF)).isEqualTo(new Classification(true, true));
        assertThat(ServiceDue.classify(after, after, AS_OF)).isEqualTo(new Classification(true, false));
        TractorSummary serviced = tractor("760", LocalDate.parse("2026-01-14"), "760");
        assertThat(ServiceDue.classify(after, serviced, AS_OF)).isEqualTo(new Classification(false, true));
        assertThat(ServiceDue.classify(before, before, AS_OF)).isEqualTo(new Classification(false, false));
    }
}
