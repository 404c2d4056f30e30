package io.farmhub.schedules;

import io.farmhub.commands.CommandReconciliation;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reconciliation's command half: commands stalled before a terminal state ({@link CommandReconciliation}) are handed
 * to the command workflow again, which repeats no step already recorded.
 */
@Component
@Order(1) // before the projections: a command stalled mid-way is the more urgent repair
class StalledCommands implements Reconciler {

    private final CommandReconciliation reconciliation;
    private final ProducerTemplate producer;
    private final String workflow;

    StalledCommands(CommandReconciliation reconciliation, ProducerTemplate producer,
            @Value("${farmhub.routes.commands.workflow}") String workflow) {
        this.reconciliation = reconciliation;
        this.producer = producer;
        this.workflow = workflow;
    }

    @Override
    public String name() {
        return "commands";
    }

    @Override
    public int reconcile() {
        List<String> stalled = reconciliation.stalled();
        stalled.forEach(commandId -> producer.sendBody(workflow, commandId));
        return stalled.size();
    }
}
