package io.farmhub.farm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Where an animal is: {@code field:<code>} or {@code barn:<code>}. */
public record Location(Kind kind, String code) {

    public enum Kind {
        FIELD("field"), BARN("barn");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public static Location field(String code) {
        return new Location(Kind.FIELD, code);
    }

    public static Location barn(String code) {
        return new Location(Kind.BARN, code);
    }

    /** Reads {@code field:<code>} or {@code barn:<code>}, normalising the code; empty when it is neither. */
    public static Optional<Location> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = raw.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
        String code = Identities.slug(raw.substring(colon + 1));
        if (!Identities.isSlug(code)) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.prefix.equals(prefix)) {
                return Optional.of(new Location(kind, code));
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static Location fromJson(String raw) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException("not a location: " + raw));
    }

    @JsonValue
    @Override
    public String toString() {
        return kind.prefix + ":" + code;
    }
}
