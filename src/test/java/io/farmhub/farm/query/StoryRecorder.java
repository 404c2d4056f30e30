package io.farmhub.farm.query;

import io.farmhub.farm.StoredEvents.Provenance;

/**
 * Whatever a farm story is told to: the in-memory {@link FarmStory} of the pure query tests, or a running hub
 * (the read side's end-to-end tests submit each command through the real pipeline with its provenance).
 */
public interface StoryRecorder {

    /** Records one accepted command: its type, its payload JSON and where it came from. */
    StoryRecorder record(Provenance provenance, String commandType, String payload);
}
