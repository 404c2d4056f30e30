package io.farmhub.eventstore.sqlite;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** How a row of {@code events} becomes an envelope; the one column list both the reader and the writer select. */
final class EnvelopeRows {

    static final String COLUMNS = "version, event_id, event_type, schema_version, occurred_at, recorded_at, "
            + "correlation_id, causation_id, who, source, commentary, data";

    private EnvelopeRows() {
    }

    /** The current row; {@code stream} comes from the query, not from each row. */
    static EventEnvelope envelope(ResultSet rs, String stream) throws SQLException {
        long version = rs.getLong(1);
        // The data column is UTF-8 text: handing its bytes straight to Jackson skips building a Java String.
        byte[] data = rs.getBytes(12);
        try {
            return new EventEnvelope(rs.getString(2), stream, version, rs.getString(3), rs.getInt(4),
                    rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10), rs.getString(11), Json.MAPPER.readTree(data));
        } catch (IOException e) {
            throw new SQLException("the data of version " + version + " of " + stream + " is not JSON", e);
        }
    }
}
