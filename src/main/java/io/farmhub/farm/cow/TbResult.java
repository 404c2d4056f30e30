package io.farmhub.farm.cow;

/** The outcome of one animal's tuberculin test. Only CLEAR keeps an animal out of {@code tb-test-due}. */
public enum TbResult {
    CLEAR, REACTOR, INCONCLUSIVE
}
