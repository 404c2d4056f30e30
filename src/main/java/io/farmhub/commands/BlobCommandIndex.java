package io.farmhub.commands;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import io.farmhub.core.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The azure command index: one small blob per command, {@code <container>/<command key>} (the key as in the
 * command's stream name), holding the command id; its metadata holds the stream, state and times. Listing reads
 * every entry's metadata, which is fine for the operator's list and the reconciliation schedule, not for a hot
 * path.
 */
@Component
@Profile("azure")
public class BlobCommandIndex implements CommandIndex {

    private static final Set<String> RUNNING = Set.of("CREATED", "VALIDATED", "IN_PROGRESS");

    private final BlobContainerClient container;
    /** The index's own request threads, daemons, so a hub stopping is never held up by them. */
    private final ExecutorService requests = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "command-index");
        t.setDaemon(true);
        return t;
    });

    public BlobCommandIndex(BlobServiceClient blobs,
            @Value("${farmhub.commands.index.container:command-index}") String container) {
        this.container = blobs.getBlobContainerClient(container);
        this.container.createIfNotExists();
    }

    @Override
    public Optional<Entry> find(String commandId) {
        BlobClient blob = blob(commandId);
        try {
            return Optional.of(entry(commandId, blob.getProperties().getMetadata()));
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void put(String commandId, StreamId stream, Instant createdAt) {
        Optional<Entry> existing = find(commandId);
        if (existing.isPresent() && existing.get().stream().equals(stream)) {
            return;
        }
        Map<String, String> metadata = metadata(stream, CommandState.CREATED, createdAt, createdAt);
        blob(commandId).uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromString(commandId))
                .setMetadata(metadata), null, null);
    }

    /** In parallel: a batch's thousand ids are a thousand requests, and one after another they would take seconds. */
    @Override
    public Map<String, Entry> findAll(Collection<String> commandIds) {
        Map<String, Entry> found = new ConcurrentHashMap<>();
        inParallel(List.copyOf(new LinkedHashSet<>(commandIds)), id -> find(id).ifPresent(e -> found.put(id, e)));
        return found;
    }

    /** Each entry written only where none is (If-None-Match: *), in parallel. */
    @Override
    public void putAll(List<Entry> ended) {
        inParallel(ended, e -> {
            try {
                blob(e.commandId()).uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromString(
                        e.commandId())).setMetadata(metadata(e.stream(), e.state(), e.createdAt(), e.updatedAt()))
                        .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), null, null);
            } catch (BlobStorageException exists) {
                if (exists.getStatusCode() != 409) {
                    throw exists;
                }
            }
        });
    }

    private <T> void inParallel(List<T> items, Consumer<T> work) {
        List<Future<?>> running = new ArrayList<>(items.size());
        for (T item : items) {
            running.add(requests.submit(() -> work.accept(item)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the command index", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void state(String commandId, CommandState state, Instant updatedAt) {
        find(commandId).ifPresent(e -> blob(commandId).setMetadataWithResponse(
                metadata(e.stream(), state, e.createdAt(), updatedAt), new BlobRequestConditions(), null, null));
    }

    @Override
    public void forget(String commandId) {
        blob(commandId).deleteIfExists();
    }

    @Override
    public List<Entry> recent(CommandState state, int limit) {
        return entries().stream()
                .filter(i -> state == null || state.name().equals(i.getMetadata().get("state"))
                        || (!state.terminal() && RUNNING.contains(i.getMetadata().get("state"))))
                .sorted(Comparator.comparing((BlobItem i) -> created(i.getMetadata())).reversed())
                .limit(limit)
                .map(this::entry)
                .toList();
    }

    @Override
    public List<Entry> stalled(Instant before) {
        return entries().stream()
                .filter(i -> RUNNING.contains(i.getMetadata().get("state")))
                .filter(i -> Instant.ofEpochMilli(Long.parseLong(i.getMetadata().get("updatedat"))).isBefore(before))
                .map(this::entry)
                .toList();
    }

    private List<BlobItem> entries() {
        ListBlobsOptions options = new ListBlobsOptions().setDetails(new BlobListDetails().setRetrieveMetadata(true));
        return container.listBlobs(options, null).stream()
                .filter(i -> i.getMetadata() != null && i.getMetadata().containsKey("stream"))
                .toList();
    }

    private Entry entry(BlobItem item) {
        String commandId = new String(container.getBlobClient(item.getName()).downloadContent().toBytes(),
                StandardCharsets.UTF_8);
        return entry(commandId, item.getMetadata());
    }

    private static Entry entry(String commandId, Map<String, String> metadata) {
        return new Entry(commandId, StreamId.parse(metadata.get("stream")), CommandState.valueOf(metadata.get("state")),
                created(metadata), Instant.ofEpochMilli(Long.parseLong(metadata.get("updatedat"))));
    }

    private static Instant created(Map<String, String> metadata) {
        return Instant.ofEpochMilli(Long.parseLong(metadata.get("createdat")));
    }

    private static Map<String, String> metadata(StreamId stream, CommandState state, Instant createdAt,
            Instant updatedAt) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("stream", stream.toString());
        metadata.put("state", state.name());
        metadata.put("createdat", Long.toString(createdAt.toEpochMilli()));
        metadata.put("updatedat", Long.toString(updatedAt.toEpochMilli()));
        return metadata;
    }

    private BlobClient blob(String commandId) {
        return container.getBlobClient(CommandKeys.key(commandId));
    }
}
