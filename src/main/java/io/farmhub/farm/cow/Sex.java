package io.farmhub.farm.cow;

/** An animal's sex as the herd register writes it. */
public enum Sex {
    F, M
}
