package io.farmhub.queries;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A {@link StoryHub} on a random port, asked over real HTTP as mary (farm-manager) unless a test says who. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HttpStoryHub extends StoryHub {

    @LocalServerPort
    int port;

    QueryHttp http;

    @BeforeEach
    void client() {
        http = new QueryHttp(port, QueryUsers.MARY);
    }
}
