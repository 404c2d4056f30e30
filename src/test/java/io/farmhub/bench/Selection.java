package io.farmhub.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Which parts of the harness run: {@code -Dbench.only=inbox.documents,sensors} (names below), everything when the
 * property is empty. A name selects the part it names and every part below it ({@code inbox} selects
 * {@code inbox.documents} and {@code inbox.large-form.memory}), so a quick run of one figure needs no edit.
 *
 * <p>Parts: {@code fsync}, {@code store}, {@code commands}, {@code projections}, {@code append-blob},
 * {@code queries}, {@code commands.barn-contended} (also under {@code commands}), {@code intake} (= {@code sensors}, {@code inbox.documents}, {@code inbox.large-form.memory}),
 * {@code sensors.end-to-end.p99} (also under {@code sensors}). {@code sensors.journal.bytes-after-soak} (two runs of
 * ten minutes) runs only when named itself ({@link #named}): not by default, nor under {@code sensors}.
 */
final class Selection {

    private static final List<String> ONLY = Arrays.stream(System.getProperty("bench.only", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).toList();

    private Selection() {
    }

    /** True when any of these parts was asked for (or nothing was, which means everything). */
    static boolean any(String... parts) {
        return ONLY.isEmpty() || Arrays.stream(parts).anyMatch(part -> ONLY.stream()
                .anyMatch(asked -> part.equals(asked) || part.startsWith(asked + ".")));
    }

    /** True only when this part was asked for by its own name: for the parts too long for a default run. */
    static boolean named(String part) {
        return ONLY.contains(part);
    }
}
