package io.farmhub.farm;

/** A classifier's answer for one instance: is it in the set, and did that just change. */
public record Classification(boolean included, boolean changed) {}
