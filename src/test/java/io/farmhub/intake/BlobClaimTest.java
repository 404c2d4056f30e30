package io.farmhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import io.farmhub.azure.Azurite;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two hubs on one blob inbox: a document held by one cannot be taken by the other until it is given back. */
class BlobClaimTest {

    private final BlobContainerClient inbox = Azurite.get().blobServiceClient()
            .getBlobContainerClient(Azurite.uniqueContainerName("inbox"));
    private final InboxClaims hubA = new InboxClaims(new InboxReader(16), () -> new ContainerStore(inbox), 15, 0);
    private final InboxClaims hubB = new InboxClaims(new InboxReader(16), () -> new ContainerStore(inbox), 15, 0);

    @BeforeEach
    void createInbox() {
        inbox.create();
    }

    @AfterEach
    void stop() {
        hubA.destroy();
        hubB.destroy();
    }

    @Test
    void a_claimed_document_is_skipped_by_the_other_hub_until_it_is_given_back() throws IOException {
        drop("mary/moves.csv", "ear_tag,to,moved_on\n");

        InboxClaim claim = hubA.lease("mary/moves.csv", inbox.getBlobClient("mary/moves.csv"));
        assertThat(claim).isNotNull();
        assertThat(claim.document()).isEqualTo("mary/moves.csv");
        assertThat(hubB.lease("mary/moves.csv", inbox.getBlobClient("mary/moves.csv"))).isNull();

        claim.close();
        InboxClaim again = hubB.lease("mary/moves.csv", inbox.getBlobClient("mary/moves.csv"));
        assertThat(again).isNotNull();
        again.remove();
        again.close();

        assertThat(inbox.getBlobClient("mary/moves.csv").exists()).isFalse();
        assertThat(hubA.lease("mary/moves.csv", inbox.getBlobClient("mary/moves.csv"))).isNull();
    }

    @Test
    void a_small_document_is_read_once_and_an_over_size_one_only_streamed_on_demand() throws IOException {
        drop("mary/small.csv", "0123456789");
        drop("mary/large.csv", "0123456789abcdefghij");

        try (InboxClaim small = hubA.lease("mary/small.csv", inbox.getBlobClient("mary/small.csv"));
                InboxClaim large = hubA.lease("mary/large.csv", inbox.getBlobClient("mary/large.csv"))) {
            assertThat(small.content().size()).isEqualTo(10);
            assertThat(read(small.content())).isEqualTo("0123456789");
            assertThat(large.content().size()).isEqualTo(20);
            assertThat(read(large.content())).isEqualTo("0123456789abcdefghij");
        }
    }

    private void drop(String name, String text) {
        inbox.getBlobClient(name).upload(BinaryData.fromString(text));
    }

    private static String read(DocumentContent content) throws IOException {
        try (InputStream in = content.open()) {
            return new String(in.readAllBytes());
        }
    }
}
