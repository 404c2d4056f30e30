package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Command entries get random version 4 UUIDs, as {@code UUID.randomUUID()} would give, never the same twice. */
class EntryIdsTest {

    @Test
    void entry_ids_are_random_version_4_uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = CommandLog.randomEventId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(seen.add(id)).isTrue();
        }
    }
}
