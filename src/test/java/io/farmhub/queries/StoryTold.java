package io.farmhub.queries;

import static org.awaitility.Awaitility.await;

import io.farmhub.commands.CommandGateway;
import io.farmhub.core.CommandSource;
import io.farmhub.farm.query.ExampleFarm;
import java.time.Duration;

/**
 * The example story told to a running hub through the command pipeline, then waited for until the read side
 * has caught up: every question about today fans out over a classifier set, and the sets are as current as the
 * projections, which follow the notifications.
 */
final class StoryTold {

    private StoryTold() {
    }

    static void to(CommandGateway gateway, QueryEngine engine) {
        ExampleFarm.tell(new GatewayFarmhand(gateway));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String query : ExampleQuestions.ASKED.keySet()) {
                Asked asked = engine.ask(query, ExampleQuestions.parameters(query), "mary", CommandSource.api("mary"));
                ExampleQuestions.assertSameAnswer(query, ((Asked.Answered) asked).outcome().answer().json());
            }
        });
    }
}
