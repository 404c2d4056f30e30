package io.farmhub.core;

import java.util.Objects;

/**
 * The name of one event stream: {@code <domain>/<aggregate>/<key>}, e.g. {@code farm/cow/IE12345670012}.
 * Commands live in domain {@code command} (aggregate = command type), query runs in domain {@code query}.
 * The key is already in normal form when a StreamId is made; it may not contain '/', so a stream name
 * maps one-to-one onto a blob name or a table key.
 */
public record StreamId(String domain, String aggregate, String key) {

    private static final int MAX_PART = 200;

    public StreamId {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(key, "key");
        for (String part : new String[] {domain, aggregate, key}) {
            if (!valid(part)) {
                throw new IllegalArgumentException("not a valid stream name part: '" + part + "'");
            }
        }
    }

    /**
     * {@code [A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}}, tested directly: every stream name is checked as it is made,
     * thousands of times per drained sensor chunk, where a pattern matcher per part was one of the hottest lines.
     */
    private static boolean valid(String part) {
        int n = part.length();
        if (n == 0 || n > MAX_PART || !letterOrDigit(part.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = part.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '@' && c != '+' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    public static StreamId of(String domain, String aggregate, String key) {
        return new StreamId(domain, aggregate, key);
    }

    public static StreamId farm(String aggregate, String key) {
        return new StreamId("farm", aggregate, key);
    }

    /** Parses {@code domain/aggregate/key}. */
    public static StreamId parse(String name) {
        String[] parts = name.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a stream name is <domain>/<aggregate>/<key>, not '" + name + "'");
        }
        return new StreamId(parts[0], parts[1], parts[2]);
    }

    /** The aggregate type this stream belongs to, {@code <domain>/<aggregate>}. */
    public String category() {
        return domain + "/" + aggregate;
    }

    @Override
    public String toString() {
        return domain + "/" + aggregate + "/" + key;
    }
}
