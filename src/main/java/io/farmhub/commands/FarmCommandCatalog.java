package io.farmhub.commands;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Compensations;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.farm.Compensation;
import io.farmhub.farm.Farm;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

/**
 * The farm as the pipeline sees it: every stored event type by its logical name, and one
 * {@link CommandHandler} bean per command type of domain.md ({@link Farm#commandHandlers()}). The domain knows
 * nothing of Spring; this is where it is plugged in. Each handler is a bean of its own, named
 * {@code commandHandler.<CommandType>}, so anything that asks for every {@code CommandHandler} (the pipeline's
 * {@link CommandHandlers}, the API's list of known types) sees them, and a test can add its own.
 */
@Configuration(proxyBeanMethods = false)
public class FarmCommandCatalog {

    @Bean
    public EventTypeRegistry eventTypeRegistry() {
        return Farm.registerEvents(new EventTypeRegistry());
    }

    /** How a place or a claim a refused command took is given back ({@link Compensation}). */
    @Bean
    public Compensations compensations() {
        return Compensations.of(Compensation::undo, Compensation::givesUp);
    }

    @Bean
    public static BeanDefinitionRegistryPostProcessor farmCommandHandlers() {
        return registry -> {
            for (CommandHandler<?> handler : Farm.commandHandlers()) {
                RootBeanDefinition definition = new RootBeanDefinition(CommandHandler.class, () -> handler);
                definition.setTargetType(ResolvableType.forClass(handler.getClass()));
                registry.registerBeanDefinition("commandHandler." + handler.commandType(), definition);
            }
        };
    }
}
