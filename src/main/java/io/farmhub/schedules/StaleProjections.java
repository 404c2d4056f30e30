package io.farmhub.schedules;

import io.farmhub.projection.ProjectionReconciliation;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Reconciliation's projection half: cached projection states behind their streams are caught up. */
@Component
@Order(2)
class StaleProjections implements Reconciler {

    private final ProjectionReconciliation reconciliation;

    StaleProjections(ProjectionReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public String name() {
        return "projections";
    }

    @Override
    public int reconcile() {
        return reconciliation.reconcile().caughtUp();
    }
}
