package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded inbox listed by the hub itself, on a real folder: every name Linux allows is found as it is on disk
 * (a {@code \} stays part of the name), temporary and unsettled files are left for later, and each user folder is
 * one queue in name order.
 */
class FolderInboxTest {

    @TempDir
    Path inbox;

    @Test
    void every_name_is_listed_as_it_is_on_disk() throws IOException {
        drop("mary/02-moves.csv");
        drop("mary/01-setup.json");
        drop("mary/.hidden.csv");
        drop("mary/move form (final) äöü-東..csv");
        drop("mary\\..\\bob\\movement.csv");
        drop("mary/move\\form.csv");
        drop("mary/2026/moves.csv");
        drop("bob/moves.csv");

        assertThat(FolderInbox.waiting(inbox, java.time.Duration.ZERO)).containsExactlyInAnyOrder(
                "mary/02-moves.csv", "mary/01-setup.json", "mary/.hidden.csv", "mary/move form (final) äöü-東..csv",
                "mary\\..\\bob\\movement.csv", "mary/move\\form.csv", "mary/2026/moves.csv", "bob/moves.csv");
        assertThat(FolderInbox.file(inbox, "mary/move\\form.csv")).isRegularFile()
                .isEqualTo(inbox.resolve("mary").resolve("move\\form.csv"));
        assertThat(FolderInbox.file(inbox, "mary\\..\\bob\\movement.csv")).isRegularFile();
    }

    @Test
    void temporary_names_unsettled_files_and_non_files_wait() throws IOException, InterruptedException {
        drop("mary/big.csv.partial");
        drop("mary/big.csv.tmp");
        Path settled = drop("mary/settled.csv");
        Files.setLastModifiedTime(settled, FileTime.from(Instant.now().minusSeconds(60)));
        drop("mary/still-copying.csv");
        Files.createDirectories(inbox.resolve("mary/empty-folder"));
        Files.createSymbolicLink(inbox.resolve("mary/linked.csv"), settled);
        Files.setLastModifiedTime(inbox.resolve("mary/linked.csv"), FileTime.from(Instant.now().minusSeconds(60)));
        Process fifo = new ProcessBuilder("mkfifo", inbox.resolve("mary/pipe.csv").toString()).start();
        assertThat(fifo.waitFor()).isZero();

        assertThat(FolderInbox.waiting(inbox, java.time.Duration.ofSeconds(30)))
                .containsExactlyInAnyOrder("mary/settled.csv", "mary/linked.csv");
    }

    @Test
    void each_user_folder_is_one_queue_in_name_order() throws IOException {
        drop("mary/03-movement-form.csv");
        drop("mary/01-setup.json");
        drop("bob/b.csv");
        drop("mary/02-purchase-receipt.csv");
        drop("outside.csv");
        InboxClaims claims = claims();
        try {
            List<InboxQueue> queues = claims.waiting();
            assertThat(queues).extracting(InboxQueue::folder).containsExactly("", "bob", "mary");
            assertThat(queues.get(2).documents()).toIterable().containsExactly("mary/01-setup.json",
                    "mary/02-purchase-receipt.csv", "mary/03-movement-form.csv");

            // A fault halts the folder: the rest waits for the next poll, behind the faulted document.
            InboxQueue mary = queues.get(2);
            var documents = mary.documents();
            assertThat(documents.next()).isEqualTo("mary/01-setup.json");
            mary.halt();
            assertThat(documents.hasNext()).isFalse();
        } finally {
            claims.destroy();
        }
    }

    @Test
    void a_document_held_by_this_hub_cannot_be_claimed_again_until_given_back() throws IOException {
        drop("mary/moves.csv");
        InboxClaims claims = claims();
        try {
            InboxClaim held = claims.claim("mary/moves.csv");
            assertThat(held).isNotNull();
            assertThat(claims.claim("mary/moves.csv")).isNull();
            held.close();
            try (InboxClaim again = claims.claim("mary/moves.csv")) {
                assertThat(again).isNotNull();
                again.remove();
            }
            assertThat(claims.claim("mary/moves.csv")).as("gone").isNull();
        } finally {
            claims.destroy();
        }
    }

    private InboxClaims claims() {
        return new InboxClaims(new InboxReader(1024), () -> new FolderStore(inbox), 15, 0);
    }

    private Path drop(String path) throws IOException {
        Path file = FolderInbox.file(inbox, path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "ear_tag,to,moved_on\n");
    }
}
