package io.farmhub.commands;

import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.loan.LoanEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The farm as the pipeline sees it: every stored event type by its logical name, and (as the aggregates arrive)
 * every command handler, taken from the lists each aggregate package keeps (e.g. {@code CowCommands.handlers()}).
 * The domain itself knows nothing of Spring; this is where it is plugged in.
 */
@Configuration(proxyBeanMethods = false)
public class FarmCommandCatalog {

    @Bean
    public EventTypeRegistry eventTypeRegistry() {
        return new EventTypeRegistry()
                .register("CollateralPledged", 1, LoanEvent.CollateralPledged.class)
                .register("CollateralReleased", 1, LoanEvent.CollateralReleased.class);
    }
}
