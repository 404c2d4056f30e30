package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.StreamId;
import org.junit.jupiter.api.Test;

class CommandKeysTest {

    @Test
    void ids_made_of_safe_characters_are_their_own_key() {
        assertThat(CommandKeys.stream("RelocateAnimal", "sensor:collar-17:2026-11-26T06:12:00Z"))
                .isEqualTo(StreamId.of("command", "RelocateAnimal", "sensor:collar-17:2026-11-26T06:12:00Z"));
    }

    @Test
    void slashes_dots_and_other_characters_are_escaped_so_the_key_is_a_valid_stream_part() {
        assertThat(CommandKeys.key("mary/moves.csv#3")).isEqualTo("mary+2Fmoves+2Ecsv+233");
        assertThat(CommandKeys.key("a+b")).isEqualTo("a+2Bb");
        assertThat(CommandKeys.key("vache-é")).isEqualTo("vache-+C3+A9");
        StreamId.of("command", "X", CommandKeys.key("weird id / with spaces?"));
    }

    @Test
    void different_ids_never_share_a_key() {
        assertThat(CommandKeys.key("a/b")).isNotEqualTo(CommandKeys.key("a+2Fb"));
        assertThat(CommandKeys.key("a.b")).isNotEqualTo(CommandKeys.key("a+2Eb"));
    }

    @Test
    void long_ids_and_ids_starting_with_a_symbol_are_hashed_with_a_dot_no_escaped_key_has() {
        String longId = "x".repeat(201);
        assertThat(CommandKeys.key(longId)).startsWith("sha256.").hasSize(7 + 64);
        assertThat(CommandKeys.key("-leading-dash")).startsWith("sha256.");
        assertThat(CommandKeys.key("x".repeat(200))).isEqualTo("x".repeat(200));
        StreamId.of("command", "X", CommandKeys.key(longId));
    }

    @Test
    void a_command_type_that_cannot_name_a_stream_is_filed_under_invalid_type() {
        assertThat(CommandKeys.stream("Do Something!", "1").aggregate()).isEqualTo("invalid-type");
        assertThat(CommandKeys.stream(null, "1").aggregate()).isEqualTo("invalid-type");
    }

    @Test
    void event_ids_are_derived_from_command_stream_and_position() {
        StreamId cow = StreamId.farm("cow", "IE12345670012");
        String first = CommandKeys.eventId("c-1", cow, 0);
        assertThat(CommandKeys.eventId("c-1", cow, 0)).isEqualTo(first);
        assertThat(CommandKeys.eventId("c-1", cow, 1)).isNotEqualTo(first);
        assertThat(CommandKeys.eventId("c-2", cow, 0)).isNotEqualTo(first);
        assertThat(CommandKeys.eventId("c-1", StreamId.farm("cow", "IE12345670013"), 0)).isNotEqualTo(first);
        assertThat(java.util.UUID.fromString(first).version()).isEqualTo(3);
    }
}
