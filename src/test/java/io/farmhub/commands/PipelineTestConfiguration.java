package io.farmhub.commands;

import io.farmhub.commands.herd.Herd;
import io.farmhub.commands.herd.MoveHerdCowHandler;
import io.farmhub.commands.tally.Tally;
import io.farmhub.commands.tally.TallyCommands;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.EventTypeRegistry;
import io.farmhub.core.Rejection;
import io.farmhub.eventstore.EventStore;
import io.farmhub.security.Authorizer;
import io.farmhub.security.User;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the pipeline tests add to the hub: the test-only Tally and herd handlers, an authorizer that lets everyone but
 * {@code stranger} through (the real one belongs to the security layer), and the real event store wrapped so a
 * test can switch faults on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PipelineTestConfiguration {

    public static final String STRANGER = "stranger";

    @Bean
    CommandHandler<?> countHandler(EventTypeRegistry types) {
        types.register("Counted", 1, Tally.Counted.class);
        return TallyCommands.handlers().get(0);
    }

    /** A move between barns over the real barn place events, for the multi-stream tests (see {@code herd}). */
    @Bean
    CommandHandler<?> moveHerdCowHandler(EventTypeRegistry types) {
        Herd.register(types);
        return new MoveHerdCowHandler();
    }

    @Bean
    CommandHandler<?> countBothHandler() {
        return TallyCommands.handlers().get(1);
    }

    @Bean
    @Primary
    Authorizer everyoneButStrangers() {
        return new Authorizer() {
            @Override
            public Optional<Rejection> authorise(String user, String commandType, String commandId) {
                return STRANGER.equals(user)
                        ? Optional.of(Rejection.of(ErrorCode.FORBIDDEN, "submittedBy",
                                user + " may not issue " + commandType + "."))
                        : Optional.empty();
            }

            @Override
            public Optional<Rejection> authorise(User user, String commandType, String commandId) {
                return authorise(user.name(), commandType, commandId);
            }
        };
    }

    @Bean
    static BeanPostProcessor faultyEventStore() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof EventStore store && !(bean instanceof FaultyEventStore)
                        ? new FaultyEventStore(store)
                        : bean;
            }
        };
    }
}
