package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import io.farmhub.azure.Azurite;
import io.farmhub.core.CommandSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The azure command-errors record against Azurite. */
class BlobCommandErrorsTest {

    private final String container = Azurite.uniqueContainerName("command-errors");
    private final BlobCommandErrors errors = new BlobCommandErrors(Azurite.get().blobServiceClient(), container);

    private static CommandError error(String id, String code, String at) {
        return new CommandError(Instant.parse(at), id, "RelocateAnimal", code, "to", "A sentence for " + code + ".",
                "mary", CommandSource.inbox("mary/moves.csv", 3));
    }

    @Test
    void writes_one_blob_per_error_under_the_day_once_and_reads_them_back_newest_first() {
        errors.record(error("mary/moves.csv#3", "UNKNOWN_LOCATION", "2026-11-26T05:00:00Z"));
        errors.record(error("mary/moves.csv#3", "UNKNOWN_LOCATION", "2026-11-26T05:00:00Z"));
        errors.record(error("mary/moves.csv#3", "DATE_IN_FUTURE", "2026-11-26T05:00:00Z"));
        errors.record(error("c2", "FORBIDDEN", "2026-11-27T05:00:00Z"));

        BlobContainerClient blobs = Azurite.get().blobServiceClient().getBlobContainerClient(container);
        assertThat(blobs.listBlobs().stream().map(BlobItem::getName)).containsExactlyInAnyOrder(
                "commands/2026-11-26/mary+2Fmoves+2Ecsv+233.json", "commands/2026-11-26/mary+2Fmoves+2Ecsv+233-2.json",
                "commands/2026-11-27/c2.json");
        assertThat(errors.recent(10)).extracting(CommandError::code)
                .containsExactlyInAnyOrder("FORBIDDEN", "UNKNOWN_LOCATION", "DATE_IN_FUTURE")
                .first().isEqualTo("FORBIDDEN");
        assertThat(errors.recent(1)).singleElement().extracting(CommandError::commandId).isEqualTo("c2");
    }
}
