package io.farmhub.farm;

/** A classifier's answer for one instance: in the set or not, and whether that differs from before. */
public record Classification(boolean included, boolean changed) {}
