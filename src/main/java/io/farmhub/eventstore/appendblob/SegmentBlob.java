package io.farmhub.eventstore.appendblob;

import io.farmhub.core.StreamId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one segment blob of a stream. Segment 1 is the name interfaces.md gives the stream,
 * {@code <domain>/<aggregate>/<key>.events}; a stream that outgrows one append blob continues in
 * {@code <key>.events~2}, {@code <key>.events~3}, …
 *
 * <p>Why {@code ~}: a stream key may contain letters, digits and {@code ._:@+-} (see {@link StreamId}) but
 * never {@code ~}, so no segment name can equal another stream's name: the key is everything before the
 * final {@code .events} or {@code .events~<n>}, and that split is unambiguous ({@code a.events.events} is
 * segment 1 of key {@code a.events}; {@code a.events~2} is segment 2 of key {@code a}).
 */
record SegmentBlob(StreamId stream, int segment) {

    static final String SUFFIX = ".events";
    private static final Pattern NAME = Pattern.compile("(.+)\\.events(?:~([1-9][0-9]{0,8}))?");

    SegmentBlob {
        if (segment < 1) {
            throw new IllegalArgumentException("segments are numbered from 1");
        }
    }

    static SegmentBlob first(StreamId stream) {
        return new SegmentBlob(stream, 1);
    }

    SegmentBlob next() {
        return new SegmentBlob(stream, segment + 1);
    }

    String blobName() {
        return stream + SUFFIX + (segment == 1 ? "" : "~" + segment);
    }

    /** The common prefix of every segment blob of one aggregate type. */
    static String prefix(String domain, String aggregate) {
        return domain + "/" + aggregate + "/";
    }

    /** The segment a listed blob name stands for; empty for a blob that is not a stream segment. */
    static Optional<SegmentBlob> parse(String domain, String aggregate, String blobName) {
        String prefix = prefix(domain, aggregate);
        if (!blobName.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(blobName.substring(prefix.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        int segment = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        if (segment == 1 && m.group(2) != null) {
            return Optional.empty(); // "~1" is never written: segment 1 has the plain name
        }
        try {
            return Optional.of(new SegmentBlob(StreamId.of(domain, aggregate, m.group(1)), segment));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }
}
