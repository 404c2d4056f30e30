package io.farmhub.schedules;

/**
 * One kind of repair the reconciliation schedule drives forward (domain.md, "Schedules"): projections behind their
 * streams, commands stalled before a terminal state. Every bean of this type runs on each firing.
 */
public interface Reconciler {

    /** A name for logs, e.g. {@code commands}. */
    String name();

    /** Finds what is behind and drives it forward; how many things it drove. */
    int reconcile();
}
