package io.farmhub.farm.cow;

import io.farmhub.core.Decision;
import java.time.LocalDate;

/**
 * One barn as a cow decision read it (at one version), with the barn's own rule for its places. The barn's
 * capacity is the barn's rule, decided on the barn's stream: a cow decision does not count, it asks the barn
 * and writes what the barn answers into the same {@link Decision.Accepted}. The catalog ({@code Farm}) supplies
 * it over the barn's state, so this package does not depend on the barn one.
 */
public interface BarnPlaces {

    /** The barn's decision on giving {@code earTag} a place: AnimalHoused at the version read, no change, or BARN_FULL. */
    Decision house(String earTag, LocalDate on);

    /** The barn's decision on {@code earTag} giving her place up: AnimalLeftBarn, or no change if she held none. */
    Decision leave(String earTag, LocalDate on);
}
