package io.farmhub.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The embedded classifier index: one row per (facet, value, instance), so a classifier set is an index range,
 * never a scan of the states. Rows change in the same transaction as the state they come from.
 */
final class SqliteFacets {

    static final String TABLE = """
            CREATE TABLE IF NOT EXISTS facets (
                projection TEXT    NOT NULL,
                generation INTEGER NOT NULL,
                facet      TEXT    NOT NULL,
                value      TEXT    NOT NULL,
                key        TEXT    NOT NULL,
                PRIMARY KEY (projection, generation, facet, value, key)) WITHOUT ROWID""";
    static final String INDEX = "CREATE INDEX IF NOT EXISTS facets_by_key ON facets (projection, generation, key)";

    private SqliteFacets() {
    }

    static void insert(Connection writer, int generation, List<Snapshot> snapshots) throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement(
                "INSERT OR IGNORE INTO facets (projection, generation, facet, value, key) VALUES (?, ?, ?, ?, ?)")) {
            for (Snapshot s : snapshots) {
                for (Map.Entry<String, String> f : s.facets().entrySet()) {
                    insert.setString(1, s.projection());
                    insert.setInt(2, generation);
                    insert.setString(3, f.getKey());
                    insert.setString(4, f.getValue());
                    insert.setString(5, s.key());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The conditions of one query are intersected; each is a range of the primary key. */
    static Set<String> find(Connection reader, int generation, FacetQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (FacetQuery.Condition condition : query.conditions()) {
            if (!sql.isEmpty()) {
                sql.append(" INTERSECT ");
            }
            String op = switch (condition.op()) {
                case EQ -> "=";
                case LT -> "<";
                case GT -> ">";
            };
            sql.append("SELECT key FROM facets WHERE projection = ? AND generation = ? AND facet = ? AND value ")
                    .append(op).append(" ?");
        }
        Set<String> keys = new TreeSet<>();
        try (PreparedStatement q = reader.prepareStatement(sql.toString())) {
            int i = 1;
            for (FacetQuery.Condition condition : query.conditions()) {
                q.setString(i++, query.projection());
                q.setInt(i++, generation);
                q.setString(i++, condition.facet());
                q.setString(i++, condition.value());
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    keys.add(r.getString(1));
                }
            }
        }
        return keys;
    }
}
