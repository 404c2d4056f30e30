package io.farmhub.projection;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation of each projection serves reads, in blob {@code _generations/<projection>} as
 * {@code {"current": n, "latest": m}}. Changed with {@code If-Match}, so two rebuilds never take the same
 * number. The current generation is remembered for a few seconds: every notification needs it, and another
 * hub instance's switch only has to be seen soon, not at once (until then it writes the old generation, which
 * the switching rebuild reconciles).
 */
final class BlobGenerations {

    private static final Duration REMEMBER = Duration.ofSeconds(5);

    private record Pointer(int current, int latest, String etag) {
    }

    private record Remembered(int current, long until) {
    }

    private final BlobContainerClient container;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    BlobGenerations(BlobContainerClient container) {
        this.container = container;
    }

    int current(String projection) {
        Remembered r = remembered.get(projection);
        if (r != null && System.nanoTime() < r.until) {
            return r.current;
        }
        int current = read(projection).current;
        remember(projection, current);
        return current;
    }

    int reserve(String projection) {
        while (true) {
            Pointer p = read(projection);
            if (write(projection, new Pointer(p.current, p.latest + 1, p.etag))) {
                return p.latest + 1;
            }
        }
    }

    void switchTo(String projection, int generation) {
        while (true) {
            Pointer p = read(projection);
            if (write(projection, new Pointer(generation, Math.max(p.latest, generation), p.etag))) {
                remember(projection, generation);
                return;
            }
        }
    }

    private void remember(String projection, int current) {
        remembered.put(projection, new Remembered(current, System.nanoTime() + REMEMBER.toNanos()));
    }

    private Pointer read(String projection) {
        BlobClient blob = blob(projection);
        try {
            var response = blob.downloadContentWithResponse(null, null, null, Context.NONE);
            JsonNode json = Json.MAPPER.readTree(response.getValue().toString());
            return new Pointer(json.path("current").asInt(), json.path("latest").asInt(),
                    response.getDeserializedHeaders().getETag());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return new Pointer(0, 0, null);
            }
            throw BlobSnapshotStore.fault("read " + blob.getBlobName(), e);
        } catch (java.io.IOException e) {
            throw new ProjectionStoreException("unreadable " + blob.getBlobName() + ": " + e.getMessage(), e);
        }
    }

    private boolean write(String projection, Pointer p) {
        BlobRequestConditions conditions = p.etag == null
                ? new BlobRequestConditions().setIfNoneMatch("*")
                : new BlobRequestConditions().setIfMatch(p.etag);
        String json = Json.MAPPER.createObjectNode().put("current", p.current).put("latest", p.latest).toString();
        try {
            blob(projection).uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromString(json))
                    .setRequestConditions(conditions), null, Context.NONE);
            return true;
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412 || e.getStatusCode() == 409) {
                return false;
            }
            throw BlobSnapshotStore.fault("write " + blob(projection).getBlobName(), e);
        }
    }

    private BlobClient blob(String projection) {
        return container.getBlobClient("_generations/" + projection);
    }
}
