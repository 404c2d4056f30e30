package io.farmhub.intake;

import io.farmhub.commands.Footprint;
import io.farmhub.commands.Footprints;
import io.farmhub.core.CommandRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Puts one subject's readings in {@code at} order and leaves everything else where it was: the places a subject's
 * readings take in the batch are filled with them sorted by {@code at} (stably: equal instants keep their order).
 * A sensor gateway that sends a batch out of order so loses nothing the dead band would not drop in {@code at}
 * order, since a reading decided after a later one of its subject is stale.
 */
final class SubjectOrder {

    private SubjectOrder() {
    }

    /**
     * The subject of a reading's command: the stream it writes, as its footprint names it (so {@code b1} and
     * {@code B1} are one barn); a reading whose subject is no stream stays where it is.
     */
    static String subject(Footprints footprints, CommandRequest command) {
        Footprint footprint = footprints.of(command, cow -> Set.of());
        return footprint.barrier() ? "\u0000" + command.commandId() : new TreeSet<>(footprint.keys().keySet()).toString();
    }

    static <T> List<T> inAtOrder(List<T> readings, Function<T, String> subject, Function<T, Instant> at) {
        Map<String, List<T>> bySubject = new LinkedHashMap<>();
        List<String> places = new ArrayList<>(readings.size());
        for (T reading : readings) {
            String key = subject.apply(reading);
            places.add(key);
            bySubject.computeIfAbsent(key, k -> new ArrayList<>()).add(reading);
        }
        Map<String, Iterator<T>> sorted = new LinkedHashMap<>();
        bySubject.forEach((key, list) -> {
            list.sort(Comparator.comparing(at)); // List.sort is stable
            sorted.put(key, list.iterator());
        });
        List<T> ordered = new ArrayList<>(readings.size());
        for (String key : places) {
            ordered.add(sorted.get(key).next());
        }
        return ordered;
    }
}
