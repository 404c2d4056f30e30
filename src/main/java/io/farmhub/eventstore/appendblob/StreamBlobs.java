package io.farmhub.eventstore.appendblob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.AppendBlobItem;
import com.azure.storage.blob.models.AppendBlobRequestConditions;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.AppendBlobCreateOptions;
import com.azure.storage.blob.options.AppendBlobSealOptions;
import com.azure.storage.blob.specialized.AppendBlobClient;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStoreException;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The storage requests of the append blob store, one method per request, each translating Azure's answers
 * into what the store decides on. Every method here costs exactly one request (except {@link #fetchFrom} and
 * {@link #list}, which say how many).
 */
final class StreamBlobs {

    /** Metadata set when a segment is created (free: it travels with the create): its first event's version. */
    static final String FIRST_VERSION = "firstversion";
    private static final BlobErrorCode BLOB_IS_SEALED = BlobErrorCode.fromString("BlobIsSealed");

    /** How an append block request ended. */
    enum AppendStatus { APPENDED, POSITION_MOVED, SEALED, MISSING, FULL }

    record AppendOutcome(AppendStatus status, long offset, int committedBlocks) {
    }

    private final BlobContainerClient container;

    StreamBlobs(BlobContainerClient container) {
        this.container = container;
    }

    String containerName() {
        return container.getBlobContainerName();
    }

    void createContainerIfMissing() {
        call("create container " + containerName(), container::createIfNotExists);
    }

    void ping() {
        if (!call("probe container " + containerName(), container::exists)) {
            throw new EventStoreException("blob container " + containerName() + " does not exist");
        }
    }

    /**
     * One GET of a segment from byte {@code from} to its end; empty when the blob does not exist. It asks for
     * one byte more, the newline before {@code from}, so the range is never empty (an empty range is an error
     * answer without the blob's state) and so it proves {@code from} is a line boundary.
     */
    Optional<SegmentChunk> fetch(SegmentBlob segment, long from) {
        long start = Math.max(0, from - 1);
        BlobDownloadContentResponse response;
        try {
            response = blob(segment).downloadContentWithResponse(null, null, new BlobRange(start), false, null, null);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404 && BlobErrorCode.BLOB_NOT_FOUND.equals(e.getErrorCode())) {
                return Optional.empty();
            }
            if (e.getStatusCode() == 416) {
                throw new EventStoreException("stream blob " + segment.blobName() + " is shorter than the " + from
                        + " bytes FarmHub wrote to it: it was changed outside FarmHub");
            }
            throw failure("read " + segment.blobName(), e);
        } catch (RuntimeException e) {
            throw failure("read " + segment.blobName(), e);
        }
        byte[] bytes = response.getValue().toBytes();
        if (start < from) {
            if (bytes.length == 0 || bytes[0] != EnvelopeLines.NEWLINE) {
                throw new EventStoreException("stream blob " + segment.blobName() + " has no line boundary at byte " + from);
            }
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        var headers = response.getDeserializedHeaders();
        Integer blocks = headers.getBlobCommittedBlockCount();
        return Optional.of(new SegmentChunk(segment, from, EnvelopeLines.decode(bytes, segment.blobName()),
                start + response.getValue().getLength(), blocks == null ? 0 : blocks,
                Boolean.TRUE.equals(headers.isSealed())));
    }

    /** GETs a segment from {@code from} and every later one while the one before is sealed: one request per segment read. */
    List<SegmentChunk> fetchFrom(SegmentBlob segment, long from) {
        List<SegmentChunk> chunks = new ArrayList<>();
        Optional<SegmentChunk> chunk = fetch(segment, from);
        while (chunk.isPresent()) {
            chunks.add(chunk.get());
            if (!chunk.get().sealed()) {
                break;
            }
            segment = segment.next();
            chunk = fetch(segment, 0);
        }
        return chunks;
    }

    /** The last {@code length} bytes of a segment of {@code blobLength} bytes. */
    byte[] tail(SegmentBlob segment, long blobLength, long length) {
        long start = Math.max(0, blobLength - length);
        return call("read the end of " + segment.blobName(), () -> blob(segment)
                .downloadContentWithResponse(null, null, new BlobRange(start, blobLength - start), false, null, null)
                .getValue().toBytes());
    }

    /** Creates an empty segment; false when it already exists (another writer got there first). */
    boolean create(SegmentBlob segment, long firstVersion) {
        AppendBlobCreateOptions options = new AppendBlobCreateOptions()
                .setHeaders(new BlobHttpHeaders().setContentType("application/x-ndjson; charset=utf-8"))
                .setMetadata(Map.of(FIRST_VERSION, Long.toString(firstVersion)))
                .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
        try {
            blob(segment).createWithResponse(options, null, null);
            return true;
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409 || e.getStatusCode() == 412) {
                return false;
            }
            throw failure("create " + segment.blobName(), e);
        } catch (RuntimeException e) {
            throw failure("create " + segment.blobName(), e);
        }
    }

    /** Appends one block, only if the blob is exactly {@code position} bytes long. */
    AppendOutcome append(SegmentBlob segment, long position, byte[] block) {
        try {
            AppendBlobItem item = blob(segment).appendBlockWithResponse(new ByteArrayInputStream(block), block.length,
                    md5(block), new AppendBlobRequestConditions().setAppendPosition(position), null, null).getValue();
            Integer blocks = item.getBlobCommittedBlockCount();
            return new AppendOutcome(AppendStatus.APPENDED, Long.parseLong(item.getBlobAppendOffset()),
                    blocks == null ? 0 : blocks);
        } catch (BlobStorageException e) {
            BlobErrorCode code = e.getErrorCode();
            if (e.getStatusCode() == 412 && BlobErrorCode.APPEND_POSITION_CONDITION_NOT_MET.equals(code)) {
                return new AppendOutcome(AppendStatus.POSITION_MOVED, -1, -1);
            }
            if (e.getStatusCode() == 409 && BLOB_IS_SEALED.equals(code)) {
                return new AppendOutcome(AppendStatus.SEALED, -1, -1);
            }
            if (e.getStatusCode() == 409 && BlobErrorCode.BLOCK_COUNT_EXCEEDS_LIMIT.equals(code)) {
                return new AppendOutcome(AppendStatus.FULL, -1, -1);
            }
            if (e.getStatusCode() == 404 && BlobErrorCode.BLOB_NOT_FOUND.equals(code)) {
                return new AppendOutcome(AppendStatus.MISSING, -1, -1);
            }
            throw failure("append to " + segment.blobName(), e);
        } catch (RuntimeException e) {
            throw failure("append to " + segment.blobName(), e);
        }
    }

    /** Seals a full segment so no stale writer can add to it; false when it has grown past {@code position}. */
    boolean seal(SegmentBlob segment, long position) {
        try {
            blob(segment).sealWithResponse(new AppendBlobSealOptions()
                    .setRequestConditions(new AppendBlobRequestConditions().setAppendPosition(position)), null, null);
            return true;
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412) {
                return false;
            }
            throw failure("seal " + segment.blobName(), e);
        } catch (RuntimeException e) {
            throw failure("seal " + segment.blobName(), e);
        }
    }

    /** The segment blobs under a prefix, with their metadata: one request per 5,000 blobs. */
    List<BlobItem> list(String prefix) {
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix)
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
        return call("list " + prefix + " in " + containerName(),
                () -> container.listBlobs(options, null).stream().toList());
    }

    /** Every segment blob of one stream, last first: one listing (of its name and the names that extend it). */
    List<SegmentBlob> segmentsOf(StreamId stream) {
        return list(stream + SegmentBlob.SUFFIX).stream()
                .flatMap(item -> SegmentBlob.parse(stream.domain(), stream.aggregate(), item.getName()).stream())
                .filter(segment -> segment.stream().equals(stream))
                .sorted(Comparator.comparingInt(SegmentBlob::segment).reversed())
                .toList();
    }

    /** Deletes one segment blob; false when it was already gone. */
    boolean delete(SegmentBlob segment) {
        return call("delete " + segment.blobName(), () -> blob(segment).deleteIfExists());
    }

    private AppendBlobClient blob(SegmentBlob segment) {
        return container.getBlobClient(segment.blobName()).getAppendBlobClient();
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
    }

    private EventStoreException failure(String what, RuntimeException e) {
        String reason = e instanceof BlobStorageException b
                ? "HTTP " + b.getStatusCode() + " " + b.getErrorCode()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new EventStoreException("Azure Storage could not " + what + " (" + reason + ")", e);
    }

    private static byte[] md5(byte[] block) {
        try {
            return MessageDigest.getInstance("MD5").digest(block);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
