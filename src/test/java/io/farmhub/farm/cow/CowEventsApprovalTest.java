package io.farmhub.farm.cow;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.EventApproval;
import io.farmhub.farm.Location;
import io.farmhub.farm.Money;
import io.farmhub.farm.StoredEvents;
import io.farmhub.farm.cow.CowEvent.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the stored JSON of every cow event (src/test/resources/approved/&lt;EventType&gt;.json): a renamed field,
 * a changed type or a reordered shape fails here, and must come with a new schema version and an upcaster.
 */
class CowEventsApprovalTest {

    private static final EventTypeRegistry REGISTRY = StoredEvents.registry();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("AnimalBorn", new AnimalBorn("IE12345670036", "HN-1234", Sex.F, "Friesian", DAY,
                        "IE12345670012", Location.barn("calf-shed"))),
                Arguments.of("AnimalPurchased", new AnimalPurchased("IE12345670012", "HN-9999", Sex.F, "Jersey",
                        LocalDate.of(2024, 2, 1), DAY, "Kelly's Farm", Money.of("1250.00", "EUR"),
                        Location.field("north-meadow"))),
                Arguments.of("AnimalSold", new AnimalSold("IE12345670012", DAY, "Mart Ltd", Money.of("980.50", "EUR"))),
                Arguments.of("AnimalDied", new AnimalDied("IE12345670012", DAY, "milk fever")),
                Arguments.of("AnimalRelocated", new AnimalRelocated("IE12345670012", Location.field("north-meadow"),
                        Location.barn("main-barn"), DAY)),
                Arguments.of("AnimalInseminated", new AnimalInseminated("IE12345670012", DAY, "J. Murphy", "FR2201")),
                Arguments.of("TBTestRecorded", new TBTestRecorded("IE12345670012", "TB-2026-11", DAY, "Dr. Walsh",
                        TbResult.REACTOR)),
                Arguments.of("MilkRecorded", new MilkRecorded("IE12345670012", Instant.parse("2026-11-26T06:12:00Z"),
                        new BigDecimal("12.40"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void the_stored_json_matches_the_approved_shape_and_reads_back(String eventType, CowEvent event) {
        assertThat(REGISTRY.typeOf(event.getClass()))
                .isEqualTo(new EventTypeRegistry.EventType(eventType, 1, event.getClass()));
        EventApproval.verify(REGISTRY, Cow.AGGREGATE.stream(event.earTag()), event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void occurred_at_lives_in_the_envelope_not_in_the_data(String eventType, CowEvent event) {
        assertThat(REGISTRY.toData(event).has("occurredAt")).isFalse();
    }
}
