package io.farmhub.commands;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import io.farmhub.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The azure command-errors record: blobs {@code command-errors/commands/<yyyy-mm-dd>/<command key>.json}, named
 * and de-duplicated as {@link FileCommandErrors} names its files. Each blob is created only if absent, so two
 * writers never overwrite each other.
 */
@Component
@Profile("azure")
public class BlobCommandErrors implements CommandErrors {

    private final BlobContainerClient container;

    public BlobCommandErrors(BlobServiceClient blobs) {
        this.container = blobs.getBlobContainerClient("command-errors");
        this.container.createIfNotExists();
    }

    @Override
    public void record(CommandError error) {
        Instant at = error.at() == null ? Instant.now() : error.at();
        String day = "commands/" + at.atZone(ZoneOffset.UTC).toLocalDate() + "/";
        String name = error.commandId() == null
                ? at.toEpochMilli() + "-" + UUID.randomUUID()
                : CommandKeys.key(error.commandId());
        for (int n = 1; ; n++) {
            BlobClient blob = container.getBlobClient(day + (n == 1 ? name : name + "-" + n) + ".json");
            try {
                blob.uploadWithResponse(new BlobParallelUploadOptions(bytes(error))
                        .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), null, null);
                return;
            } catch (BlobStorageException e) {
                if (e.getErrorCode() != BlobErrorCode.BLOB_ALREADY_EXISTS) {
                    throw e;
                }
            }
            CommandError stored = read(blob.downloadContent());
            if (Objects.equals(stored.code(), error.code()) && Objects.equals(stored.field(), error.field())
                    && Objects.equals(stored.commandId(), error.commandId())) {
                return;
            }
        }
    }

    @Override
    public List<CommandError> recent(int limit) {
        return container.listBlobs(new ListBlobsOptions().setPrefix("commands/"), null).stream()
                .sorted(Comparator.comparing((BlobItem i) -> i.getProperties().getLastModified()).reversed())
                .limit(limit)
                .map(i -> read(container.getBlobClient(i.getName()).downloadContent()))
                .sorted(Comparator.comparing(CommandError::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private static BinaryData bytes(CommandError error) {
        try {
            return BinaryData.fromBytes(Json.MAPPER.writeValueAsBytes(error));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CommandError read(BinaryData data) {
        try {
            return Json.MAPPER.readValue(data.toBytes(), CommandError.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable command error: " + e.getMessage(), e);
        }
    }
}
