package io.farmhub.projection;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.TaggedBlobItem;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The azure profile's projection cache: container {@code projection-snapshots}, one block blob per instance,
 * {@code <projection>/<generation>/<key>}, its JSON state as content, the version it reflects as metadata
 * (so reconciliation learns every version from one listing), and its facets as blob index tags written in the
 * same Put Blob as the state. Writes carry {@code If-Match} (or {@code If-None-Match: *} for a new one): a
 * writer that lost the race gets 412/409 and re-applies on a fresh read.
 *
 * <p>The generation serving reads is the small blob {@code _generations/<projection>}.
 */
public final class BlobSnapshotStore implements SnapshotStore {

    static final String VERSION = "version";
    static final String PROJECTION_TAG = "projection";
    static final String GENERATION_TAG = "generation";

    private final BlobContainerClient container;
    private final BlobGenerations generations;

    public BlobSnapshotStore(BlobContainerClient container) {
        this.container = container;
        call("create container " + container.getBlobContainerName(), container::createIfNotExists);
        this.generations = new BlobGenerations(container);
    }

    static String blobName(String projection, int generation, String key) {
        return prefix(projection, generation) + key;
    }

    static String prefix(String projection, int generation) {
        return projection + "/" + generation + "/";
    }

    @Override
    public Optional<Snapshot> read(String projection, int generation, String key) {
        BlobClient blob = container.getBlobClient(blobName(projection, generation, key));
        try {
            var response = blob.downloadContentWithResponse(null, null, null, Context.NONE);
            BlobDownloadContentResponse r = (BlobDownloadContentResponse) response;
            String version = r.getDeserializedHeaders().getMetadata().get(VERSION);
            return Optional.of(new Snapshot(projection, key, Long.parseLong(version), r.getValue().toString(),
                    Map.of(), r.getDeserializedHeaders().getETag()));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw fault("read " + blob.getBlobName(), e);
        }
    }

    @Override
    public Optional<Snapshot> write(int generation, Snapshot s) {
        BlobRequestConditions conditions = s.etag() == null
                ? new BlobRequestConditions().setIfNoneMatch("*")
                : new BlobRequestConditions().setIfMatch(s.etag());
        try {
            String etag = upload(generation, s, conditions);
            return Optional.of(s.withEtag(etag));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412 || e.getStatusCode() == 409) {
                return Optional.empty();
            }
            throw fault("write " + blobName(s.projection(), generation, s.key()), e);
        }
    }

    @Override
    public void writeAll(int generation, List<Snapshot> snapshots) {
        for (Snapshot s : snapshots) {
            try {
                upload(generation, s, null);
            } catch (BlobStorageException e) {
                throw fault("write " + blobName(s.projection(), generation, s.key()), e);
            }
        }
    }

    @Override
    public Map<String, Long> versions(String projection, int generation) {
        String prefix = prefix(projection, generation);
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix)
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
        return call("list " + prefix, () -> {
            Map<String, Long> versions = new HashMap<>();
            for (BlobItem item : container.listBlobs(options, null)) {
                String version = item.getMetadata() == null ? null : item.getMetadata().get(VERSION);
                if (version != null) {
                    versions.put(item.getName().substring(prefix.length()), Long.parseLong(version));
                }
            }
            return versions;
        });
    }

    @Override
    public Set<String> find(int generation, FacetQuery query) {
        StringBuilder where = new StringBuilder()
                .append(condition(PROJECTION_TAG, "=", query.projection()))
                .append(" AND ").append(condition(GENERATION_TAG, "=", Integer.toString(generation)));
        for (FacetQuery.Condition c : query.conditions()) {
            String op = switch (c.op()) {
                case EQ -> "=";
                case LT -> "<";
                case GT -> ">";
            };
            where.append(" AND ").append(condition(c.facet(), op, c.value()));
        }
        String prefix = prefix(query.projection(), generation);
        return call("find " + where, () -> {
            Set<String> keys = new TreeSet<>();
            for (TaggedBlobItem item : container.findBlobsByTags(where.toString())) {
                if (item.getName().startsWith(prefix)) {
                    keys.add(item.getName().substring(prefix.length()));
                }
            }
            return keys;
        });
    }

    @Override
    public int currentGeneration(String projection) {
        return generations.current(projection);
    }

    @Override
    public int newGeneration(String projection) {
        return generations.reserve(projection);
    }

    @Override
    public void switchTo(String projection, int generation) {
        generations.switchTo(projection, generation);
    }

    @Override
    public void drop(String projection, int generation) {
        String prefix = prefix(projection, generation);
        call("drop " + prefix, () -> {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
                container.getBlobClient(item.getName()).deleteIfExists();
            }
            return null;
        });
    }

    @Override
    public String kind() {
        return "blob";
    }

    private String upload(int generation, Snapshot s, BlobRequestConditions conditions) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(PROJECTION_TAG, s.projection());
        tags.put(GENERATION_TAG, Integer.toString(generation));
        tags.putAll(s.facets());
        if (tags.size() > 10) {
            // Azure keeps at most 10 index tags per blob; more would fail the write, and with it the projection.
            throw new ProjectionStoreException(s.projection() + " " + s.key() + " has " + s.facets().size()
                    + " facets, more than a blob's index tags can hold: " + s.facets().keySet(), null);
        }
        BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromString(s.state()))
                .setHeaders(new BlobHttpHeaders().setContentType("application/json"))
                .setMetadata(Map.of(VERSION, Long.toString(s.version())))
                .setTags(tags)
                .setRequestConditions(conditions);
        return container.getBlobClient(blobName(s.projection(), generation, s.key()))
                .uploadWithResponse(options, null, Context.NONE).getValue().getETag();
    }

    private static String condition(String tag, String op, String value) {
        return "\"" + tag + "\" " + op + " '" + value + "'";
    }

    static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (BlobStorageException e) {
            throw fault(what, e);
        }
    }

    static ProjectionStoreException fault(String what, BlobStorageException e) {
        return new ProjectionStoreException("cannot " + what + " in the projection snapshots: "
                + e.getStatusCode() + " " + e.getErrorCode(), e);
    }
}
