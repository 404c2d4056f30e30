package io.farmhub.eventstore.appendblob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.eventstore.EventStoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The storage format of a segment blob: one envelope's JSON per line, UTF-8, each line ending in '\n'. */
final class EnvelopeLines {

    static final byte NEWLINE = '\n';

    private EnvelopeLines() {
    }

    /** One append block: the batch's envelopes, one line each (JSON never contains a raw newline). */
    static byte[] encode(List<EventEnvelope> envelopes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * envelopes.size());
        for (EventEnvelope envelope : envelopes) {
            try {
                out.write(Json.MAPPER.writeValueAsBytes(envelope));
            } catch (IOException e) {
                throw new EventStoreException("cannot write event " + envelope.eventId() + " as JSON", e);
            }
            out.write(NEWLINE);
        }
        return out.toByteArray();
    }

    /** The envelopes of complete lines in {@code data}; anything but whole lines means the blob was damaged. */
    static List<EventEnvelope> decode(byte[] data, String blobName) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == NEWLINE) {
                envelopes.add(parse(data, start, i - start, blobName));
                start = i + 1;
            }
        }
        if (start != data.length) {
            throw new EventStoreException("stream blob " + blobName + " ends inside a line: it was not written by FarmHub");
        }
        return envelopes;
    }

    /**
     * The version of the last line, when {@code tail} (the end of a blob) holds that line whole; -1 when the
     * last line starts before the tail, so the caller must read a longer tail.
     */
    static long lastVersion(byte[] tail, boolean tailIsWholeBlob, String blobName) {
        int end = tail.length - 1;
        if (end < 0 || tail[end] != NEWLINE) {
            throw new EventStoreException("stream blob " + blobName + " does not end with a whole line");
        }
        int start = end - 1;
        while (start >= 0 && tail[start] != NEWLINE) {
            start--;
        }
        if (start < 0 && !tailIsWholeBlob) {
            return -1;
        }
        try {
            JsonNode line = Json.MAPPER.readTree(tail, start + 1, end - start - 1);
            return line.path("version").asLong(-1);
        } catch (IOException e) {
            throw new EventStoreException("stream blob " + blobName + " holds a line that is not JSON", e);
        }
    }

    private static EventEnvelope parse(byte[] data, int offset, int length, String blobName) {
        try {
            return Json.MAPPER.readValue(data, offset, length, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new EventStoreException("stream blob " + blobName + " holds a line that is not an event envelope: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EventStoreException("cannot read stream blob " + blobName, e);
        }
    }
}
