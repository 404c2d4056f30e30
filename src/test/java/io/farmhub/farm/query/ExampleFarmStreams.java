package io.farmhub.farm.query;

import io.farmhub.core.EventEnvelope;
import io.farmhub.core.StreamId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The example story's streams, for tests outside this package (the read side stores and projects them). */
public final class ExampleFarmStreams {

    public static final LocalDate TODAY = ExampleFarm.TODAY;
    public static final String FRIESIAN = ExampleFarm.FRIESIAN;
    public static final String JERSEY = ExampleFarm.JERSEY;
    public static final String HEREFORD_BULL = ExampleFarm.HEREFORD_BULL;
    public static final String HEREFORD_HEIFER = ExampleFarm.HEREFORD_HEIFER;
    public static final String MASSEY = ExampleFarm.MASSEY;
    public static final String NEW_HOLLAND = ExampleFarm.NEW_HOLLAND;

    private ExampleFarmStreams() {
    }

    /** Every stream of the story with its envelopes, in stream order. */
    public static Map<StreamId, List<EventEnvelope>> envelopes() {
        return ExampleFarm.story().streams().envelopes();
    }
}
