package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.StreamId;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCommandIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-27T05:00:00Z");

    @TempDir
    Path dir;

    private SqliteCommandIndex index;

    @BeforeEach
    void open() {
        index = new SqliteCommandIndex(dir.resolve("command-index.db"));
    }

    @AfterEach
    void close() throws Exception {
        index.destroy();
    }

    private static StreamId stream(String type, String id) {
        return CommandKeys.stream(type, id);
    }

    @Test
    void finds_a_command_by_id_alone_after_a_restart() throws Exception {
        index.put("mary/moves.csv#3", stream("RelocateAnimal", "mary/moves.csv#3"), T0);
        index.state("mary/moves.csv#3", CommandState.COMPLETED, T0.plusSeconds(1));
        index.destroy();
        index = new SqliteCommandIndex(dir.resolve("command-index.db"));
        CommandIndex.Entry e = index.find("mary/moves.csv#3").orElseThrow();
        assertThat(e.stream()).isEqualTo(stream("RelocateAnimal", "mary/moves.csv#3"));
        assertThat(e.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(e.createdAt()).isEqualTo(T0);
        assertThat(e.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(index.find("other")).isEmpty();
    }

    @Test
    void putting_the_same_command_again_keeps_its_state_and_another_type_replaces_it() {
        index.put("c1", stream("Count", "c1"), T0);
        index.state("c1", CommandState.IN_PROGRESS, T0.plusSeconds(2));
        index.put("c1", stream("Count", "c1"), T0.plusSeconds(5));
        assertThat(index.find("c1").orElseThrow().state()).isEqualTo(CommandState.IN_PROGRESS);
        index.put("c1", stream("CountBoth", "c1"), T0.plusSeconds(6));
        assertThat(index.find("c1").orElseThrow().stream()).isEqualTo(stream("CountBoth", "c1"));
        assertThat(index.find("c1").orElseThrow().state()).isEqualTo(CommandState.CREATED);
    }

    @Test
    void lists_recent_commands_newest_first_optionally_by_state() {
        for (int i = 1; i <= 5; i++) {
            index.put("c" + i, stream("Count", "c" + i), T0.plusSeconds(i));
        }
        index.state("c2", CommandState.INVALID, T0.plusSeconds(10));
        index.state("c4", CommandState.INVALID, T0.plusSeconds(10));
        assertThat(index.recent(null, 3)).extracting(CommandIndex.Entry::commandId).containsExactly("c5", "c4", "c3");
        assertThat(index.recent(CommandState.INVALID, 10)).extracting(CommandIndex.Entry::commandId)
                .containsExactly("c4", "c2");
    }

    @Test
    void stalled_commands_are_the_running_ones_untouched_since_the_threshold() {
        index.put("old-running", stream("Count", "a"), T0);
        index.put("old-done", stream("Count", "b"), T0);
        index.state("old-done", CommandState.COMPLETED, T0.plusSeconds(1));
        index.put("old-failed", stream("Count", "c"), T0);
        index.state("old-failed", CommandState.FAILED, T0.plusSeconds(1));
        index.put("fresh", stream("Count", "d"), T0.plusSeconds(100));
        assertThat(index.stalled(T0.plusSeconds(50))).extracting(CommandIndex.Entry::commandId)
                .containsExactly("old-running");
        index.forget("old-running");
        assertThat(index.stalled(T0.plusSeconds(50))).isEmpty();
    }
}
