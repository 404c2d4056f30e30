package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.azure.Azurite;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The azure command index against Azurite: the same behaviour the SQLite index shows. */
class BlobCommandIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");

    private final BlobCommandIndex index = new BlobCommandIndex(Azurite.get().blobServiceClient(),
            Azurite.uniqueContainerName("command-index"));

    @Test
    void finds_a_command_by_id_alone_and_keeps_its_state_when_put_again() {
        String id = "mary/moves.csv#3";
        index.put(id, CommandKeys.stream("RelocateAnimal", id), T0);
        index.state(id, CommandState.FAILED, T0.plusSeconds(2));
        index.put(id, CommandKeys.stream("RelocateAnimal", id), T0.plusSeconds(3));

        CommandIndex.Entry e = index.find(id).orElseThrow();
        assertThat(e.commandId()).isEqualTo(id);
        assertThat(e.stream()).isEqualTo(CommandKeys.stream("RelocateAnimal", id));
        assertThat(e.state()).isEqualTo(CommandState.FAILED);
        assertThat(e.createdAt()).isEqualTo(T0);
        assertThat(e.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(index.find("never")).isEmpty();

        index.put(id, CommandKeys.stream("Count", id), T0.plusSeconds(4));
        assertThat(index.find(id).orElseThrow().stream().aggregate()).isEqualTo("Count");
        index.forget(id);
        assertThat(index.find(id)).isEmpty();
    }

    @Test
    void lists_recent_commands_and_finds_the_stalled_ones() {
        for (int i = 1; i <= 4; i++) {
            index.put("c" + i, CommandKeys.stream("Count", "c" + i), T0.plusSeconds(i));
        }
        index.state("c2", CommandState.INVALID, T0.plusSeconds(10));
        index.state("c3", CommandState.COMPLETED, T0.plusSeconds(10));

        assertThat(index.recent(null, 3)).extracting(CommandIndex.Entry::commandId).containsExactly("c4", "c3", "c2");
        assertThat(index.recent(CommandState.INVALID, 10)).extracting(CommandIndex.Entry::commandId)
                .containsExactly("c2");
        assertThat(index.recent(CommandState.IN_PROGRESS, 10)).extracting(CommandIndex.Entry::commandId)
                .containsExactly("c4", "c1");
        assertThat(index.stalled(T0.plusSeconds(3))).extracting(CommandIndex.Entry::commandId).containsExactly("c1");
    }
}
