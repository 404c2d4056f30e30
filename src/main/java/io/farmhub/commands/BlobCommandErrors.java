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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
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

    public BlobCommandErrors(BlobServiceClient blobs,
            @Value("${farmhub.commands.errors.container:command-errors}") String container) {
        this.container = blobs.getBlobContainerClient(container);
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

    /** Day by day, newest first (blob names sort by day; last-modified times are only to the second). */
    @Override
    public List<CommandError> recent(int limit) {
        Map<String, List<String>> byDay = new TreeMap<>(Comparator.reverseOrder());
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix("commands/"), null)) {
            String day = item.getName().substring(0, item.getName().lastIndexOf('/'));
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(item.getName());
        }
        List<CommandError> recent = new ArrayList<>();
        for (List<String> names : byDay.values()) {
            if (recent.size() >= limit) {
                break;
            }
            List<CommandError> ofDay = new ArrayList<>(names.stream()
                    .map(name -> read(container.getBlobClient(name).downloadContent()))
                    .toList());
            ofDay.sort(Comparator.comparing(CommandError::at, Comparator.nullsLast(Comparator.reverseOrder())));
            recent.addAll(ofDay.subList(0, Math.min(ofDay.size(), limit - recent.size())));
        }
        return recent;
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
