package io.farmhub.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StreamIdTest {

    /** The rule as interfaces.md's names are written: what the hand-written check must agree with. */
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}");

    @Test
    void aPartIsALetterOrDigitThenAtMost199OfTheNameCharacters() {
        List<String> parts = List.of("farm", "cow", "IE12345670012", "sensor:m-1:2026-11-26T00:00:00Z", "a+2Fb.c",
                "x@y_z", "9", "A".repeat(200), "A".repeat(201), "", ".cow", "-cow", "co w", "co/w", "cöw", "co#w",
                "+2F");
        for (String part : parts) {
            boolean expected = PART.matcher(part).matches();
            if (expected) {
                assertThat(StreamId.of("farm", "cow", part).key()).isEqualTo(part);
            } else {
                assertThatThrownBy(() -> StreamId.of("farm", part, "k"), part)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid stream name");
            }
        }
        assertThat(parts.stream().filter(p -> PART.matcher(p).matches())).hasSize(8);
    }
}
