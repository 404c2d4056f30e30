package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.farmhub.azure.Azurite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both stores keep the same promises: a taken key is never overwritten by create, and a free key is found. */
class DocumentStoreTest {

    @TempDir
    static Path folder;

    static Stream<Arguments> stores() {
        var container = Azurite.get().blobServiceClient()
                .getBlobContainerClient(Azurite.uniqueContainerName("store"));
        container.create();
        return Stream.of(Arguments.of(new FolderStore(folder.resolve("archive"))),
                Arguments.of(new ContainerStore(container)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void create_never_overwrites_and_free_keys_number_the_copies(DocumentStore store) throws IOException {
        String key = "mary/2026-11-27/moves.csv";
        assertThat(FreeKeys.create(store, key, text("first"))).isEqualTo(key);
        assertThat(store.create(key, text("second"))).isFalse();
        assertThat(FreeKeys.create(store, key, text("second"))).isEqualTo("mary/2026-11-27/moves-2.csv");
        assertThat(FreeKeys.create(store, key, text("third"))).isEqualTo("mary/2026-11-27/moves-3.csv");

        assertThat(store.read(key)).map(String::new).contains("first");
        assertThat(store.read("mary/2026-11-27/moves-2.csv")).map(String::new).contains("second");
        assertThat(store.read("mary/2026-11-27/nothing.csv")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void put_replaces_and_keeps_non_ascii_names(DocumentStore store) throws IOException {
        String key = "mary/2026-11-27/bewegung-äöü-ñ-東 (final).csv.result.json";
        store.put(key, text("one"));
        store.put(key, text("two"));
        assertThat(store.exists(key)).isTrue();
        assertThat(store.read(key)).map(String::new).contains("two");
    }

    @Test
    void a_folder_store_leaves_no_partial_files_and_refuses_keys_outside_it() throws IOException {
        FolderStore store = new FolderStore(folder.resolve("errors"));
        FreeKeys.create(store, "documents/mary/x.csv", text("x"));
        try (Stream<Path> files = Files.walk(store.root())) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("x.csv");
        }
        assertThatThrownBy(() -> store.put("../escape.csv", text("x"))).isInstanceOf(IOException.class);
    }

    @Test
    void free_keys_number_before_the_extension() {
        assertThat(FreeKeys.variant("a/b/moves.csv", 1)).isEqualTo("a/b/moves.csv");
        assertThat(FreeKeys.variant("a/b/moves.csv", 2)).isEqualTo("a/b/moves-2.csv");
        assertThat(FreeKeys.variant("a/b.d/no-extension", 3)).isEqualTo("a/b.d/no-extension-3");
        assertThat(FreeKeys.variant("a/.hidden", 2)).isEqualTo("a/.hidden-2");
        assertThat(FreeKeys.variant("a/..moves.csv", 2)).isEqualTo("a/..moves-2.csv");
    }

    private static DocumentContent text(String text) {
        return DocumentContent.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
