package io.farmhub.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may read or write, as stream names ({@code farm/cow/IE12345670012}) or virtual keys
 * ({@code loan/L-1}), each READ or WRITE, for the {@link OrderedSubmitter}: two commands conflict when they share a
 * key and at least one of them writes it. A barrier (a command whose reach is not known) conflicts with every
 * command. {@code places} names the barn a command may leave a cow in ({@code cow stream -> barn stream}), so a
 * later command that takes her out of it knows that barn changes too.
 */
public record Footprint(Map<String, Mode> keys, Map<String, String> places, boolean barrier) {

    public enum Mode {
        READ, WRITE
    }

    public Footprint {
        keys = Map.copyOf(keys);
        places = Map.copyOf(places);
    }

    public static Footprint barrierOf() {
        return new Footprint(Map.of(), Map.of(), true);
    }

    public static Footprint writes(String... keys) {
        Builder builder = builder();
        for (String key : keys) {
            builder.write(key);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean conflicts(Footprint other) {
        if (barrier || other.barrier) {
            return true;
        }
        Map<String, Mode> small = keys.size() <= other.keys.size() ? keys : other.keys;
        Map<String, Mode> large = small == keys ? other.keys : keys;
        for (Map.Entry<String, Mode> key : small.entrySet()) {
            Mode theirs = large.get(key.getKey());
            if (theirs != null && (theirs == Mode.WRITE || key.getValue() == Mode.WRITE)) {
                return true;
            }
        }
        return false;
    }

    /** Collects keys; a key named both READ and WRITE is WRITE. */
    public static final class Builder {

        private final Map<String, Mode> keys = new LinkedHashMap<>();
        private final Map<String, String> places = new LinkedHashMap<>();

        public Builder write(String key) {
            keys.put(Objects.requireNonNull(key), Mode.WRITE);
            return this;
        }

        public Builder read(String key) {
            keys.putIfAbsent(Objects.requireNonNull(key), Mode.READ);
            return this;
        }

        public Builder place(String cow, String barn) {
            places.put(cow, barn);
            return this;
        }

        public Footprint build() {
            return new Footprint(keys, places, false);
        }
    }
}
