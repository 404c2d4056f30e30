package io.farmhub.eventstore.sqlite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Turns rows of {@code events} into envelopes, fast enough to replay a million events in a few seconds.
 *
 * <p>Each JDBC column read is a JNI round trip that costs more than parsing, so SQLite packs the small envelope
 * fields into one JSON array ({@link #COLUMNS}) and the row is four columns. Consecutive events of a stream mostly
 * repeat their type, author, source, correlation and recordedAt (one command, one group commit): those values are
 * shared with the previous row instead of allocated again, which keeps a long replay light on the heap.
 *
 * <p>One instance per query (it remembers the previous row); not thread-safe.
 */
final class EnvelopeRows {

    static final String COLUMNS = "version, recorded_at, json_array(event_id, event_type, schema_version, occurred_at, "
            + "correlation_id, causation_id, who, source, commentary), data";

    private static final ObjectReader TREE = Json.MAPPER.reader();
    private static final int FIELDS = 9;

    private final String stream;
    private final String[] previous = new String[FIELDS];
    private final String[] current = new String[FIELDS];
    private long previousMillis = Long.MIN_VALUE;
    private Instant previousInstant;

    EnvelopeRows(String stream) {
        this.stream = stream;
    }

    EventEnvelope next(ResultSet rs) throws SQLException {
        long version = rs.getLong(1);
        long millis = rs.getLong(2);
        if (millis != previousMillis) {
            previousMillis = millis;
            previousInstant = Instant.ofEpochMilli(millis);
        }
        try {
            header(rs.getBytes(3));
            // UTF-8 bytes straight to Jackson: no intermediate Java String for the data
            JsonNode data = TREE.readTree(rs.getBytes(4));
            String[] f = current;
            return new EventEnvelope(f[0], stream, version, f[1], Integer.parseInt(f[2]), f[3], previousInstant,
                    f[4], f[5], f[6], f[7], f[8], data);
        } catch (IOException | RuntimeException e) {
            throw new SQLException("version " + version + " of " + stream + " cannot be read back: " + e.getMessage(), e);
        }
    }

    private void header(byte[] json) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            p.nextToken(); // [
            for (int i = 0; i < FIELDS; i++) {
                JsonToken t = p.nextToken();
                current[i] = t == JsonToken.VALUE_NULL ? null : reuse(p, previous[i]);
                previous[i] = current[i];
            }
        }
    }

    /** The parser's current text, as {@code candidate} itself when it holds the same characters. */
    private static String reuse(JsonParser p, String candidate) throws IOException {
        int length = p.getTextLength();
        if (candidate != null && candidate.length() == length) {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = chars[offset + i] == candidate.charAt(i);
            }
            if (same) {
                return candidate;
            }
        }
        return p.getText();
    }
}
