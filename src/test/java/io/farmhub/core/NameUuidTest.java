package io.farmhub.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameUuidTest {

    @Test
    void gives_the_ids_the_jdk_gives_so_ids_already_stored_stay_the_same() {
        for (String name : new String[] {"", "created\ncmd-1", "cmd-1\nfarm/cow/IE22013340007\n0", "Ærø \u00e9\u4e2d"}) {
            assertThat(NameUuid.of(name))
                    .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        }
    }
}
