package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.azure.Azurite;
import io.farmhub.commands.CommandGateway;
import io.farmhub.core.Json;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.appendblob.AppendBlobEventStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The azure profile on Azurite: the story told through the command pipeline into append blobs, every query over
 * HTTP gives the same answer as the embedded hub (the pure queries' answers), runs are append blobs under query/,
 * reports are blobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("azure")
@Import(FarmDay.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class QueryAzureTest {

    static final String EVENTS = Azurite.uniqueContainerName("query-events");
    static final String REPORTS = Azurite.uniqueContainerName("query-reports");

    @DynamicPropertySource
    static void azurite(DynamicPropertyRegistry registry) {
        QueryUsers.register(registry);
        Azurite.register(registry);
        registry.add("farmhub.data-dir", () -> "target/test-data/query-azure");
        registry.add("farmhub.eventstore.appendblob.container", () -> EVENTS);
        // Its own read side: the story's answers must not include cows other Azure tests of this JVM left there.
        registry.add("farmhub.projections.container", () -> Azurite.uniqueContainerName("projection-snapshots"));
        // No Event Grid here: the projections (and so the classifier sets) learn of appends by reconciliation,
        // whose schedule this hub fires every second instead of every ten minutes.
        registry.add("farmhub.schedules.reconciliation.cron", () -> "* * * * * ?");
        // Its own Quartz scheduler (named after the Camel context): no other test's hub takes these firings.
        registry.add("camel.main.name", () -> "farmhub-query-azure-test");
        registry.add("farmhub.routes.reports",
                () -> "azure-storage-blob://" + Azurite.ACCOUNT + "/" + REPORTS + "?serviceClient=#blobServiceClient");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore store;
    @Autowired
    BlobServiceClient blobs;
    @Autowired
    CommandGateway gateway;
    @Autowired
    QueryEngine engine;

    @BeforeAll
    void storyIsTold() {
        assertThat(store).isInstanceOf(AppendBlobEventStore.class);
        StoryTold.to(gateway, engine);
    }

    @Test
    void every_query_answers_as_on_the_embedded_hub() {
        QueryHttp http = new QueryHttp(port, QueryUsers.MARY);
        for (String query : ExampleQuestions.ASKED.keySet()) {
            HttpResponse<String> response = http.ask(query, ExampleQuestions.ASKED.get(query));
            assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
            ExampleQuestions.assertSameAnswer(query, QueryHttp.json(response));
            String run = response.headers().firstValue("Content-Location").orElseThrow();
            String queryId = run.substring(run.lastIndexOf('/') + 1);
            assertThat(blobs.getBlobContainerClient(EVENTS).getBlobClient("query/" + query + "/" + queryId + ".events")
                    .exists()).as(query).isTrue();
        }
    }

    @Test
    void an_asynchronous_report_is_a_blob_in_the_reports_container() throws Exception {
        QueryHttp http = new QueryHttp(port, QueryUsers.MARY);
        JsonNode accepted = QueryHttp.json(http.post("/api/queries/tb-tests-due",
                "{\"returnPath\": {\"type\": \"report\", \"target\": \"tb-morning\"}}"));
        String statusUrl = accepted.path("statusUrl").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> QueryHttp.json(http.get(statusUrl)).path("state").asText(),
                "COMPLETED"::equals);

        String day = LocalDate.now(new FarmDay().farmClock()).toString();
        byte[] report = blobs.getBlobContainerClient(REPORTS).getBlobClient("tb-morning/" + day + ".json")
                .downloadContent().toBytes();
        JsonNode written = Json.MAPPER.readTree(report);
        assertThat(written.path("queryId").asText()).isEqualTo(accepted.path("queryId").asText());
        assertThat(ExampleQuestions.timeless(written)).isEqualTo(ExampleQuestions.expected("tb-tests-due"));
    }
}
