package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.commands.FaultyEventStore;
import io.farmhub.eventstore.EventStore;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A store that cannot be written to is a fault, not a refusal: the query answers 503 problem+json with an
 * incident id and no stack trace, and once the store is back the same question is answered.
 */
@Import({FarmDay.class, QueryFaultTest.Faults.class})
class QueryFaultTest extends HttpStoryHub {

    @TestConfiguration(proxyBeanMethods = false)
    static class Faults {
        @Bean
        static BeanPostProcessor faultyEventStore() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof EventStore real && !(bean instanceof FaultyEventStore)
                            ? new FaultyEventStore(real) : bean;
                }
            };
        }
    }

    @AfterEach
    void heal() {
        ((FaultyEventStore) store).heal();
    }

    @Test
    void a_run_that_cannot_be_recorded_is_503_and_the_same_question_is_answered_once_the_store_is_back() {
        ((FaultyEventStore) store).failAppendsTo(s -> s.domain().equals("query"), "disk full");

        HttpResponse<String> down = http.ask("herd-register", "asOf", "2026-10-30");

        assertThat(QueryApiTest.problem(down, 503, "UNAVAILABLE").path("detail").asText()).contains("incident");
        ((FaultyEventStore) store).heal();
        HttpResponse<String> back = http.ask("herd-register", "asOf", "2026-10-30");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(QueryHttp.json(back).path("cached").asBoolean()).isFalse();
    }
}
