package io.farmhub.queries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.Json;
import io.farmhub.intake.DocumentContent;
import io.farmhub.intake.DocumentStore;
import io.farmhub.intake.DocumentStores;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The delivery steps of an asynchronous run ({@code routes/queries.yaml}, route {@code query-deliver}): the
 * answer, with its {@code queryId}, to a webhook or into the reports location ({@code farmhub.routes.reports}, the
 * store the scheduled reports are written to) as {@code <report>/<yyyy-mm-dd>.json} (the UTC day it was computed);
 * then the run's stream says where it went, or that it could not be delivered.
 */
@Component("queryDelivery")
public class QueryDelivery {

    private final Webhooks webhooks;
    private final DocumentStores stores;
    private final String reportsUri;
    private final QueryRunLog log;
    private final Clock clock;

    public QueryDelivery(Webhooks webhooks, DocumentStores stores, @Value("${farmhub.routes.reports}") String reportsUri,
            QueryRunLog log, ReadSide readSide) {
        this.webhooks = webhooks;
        this.stores = stores;
        this.reportsUri = reportsUri;
        this.log = log;
        this.clock = readSide.clock();
    }

    public boolean toWebhook(QueryOutcome outcome) {
        return outcome.request().returnPath().webhook();
    }

    public void webhook(@Body QueryOutcome outcome, @Header(Exchange.REDELIVERY_COUNTER) Integer redeliveries) {
        QueryRequest request = outcome.request();
        String target = request.returnPath().target();
        webhooks.post(target, request.queryId(), delivered(outcome));
        log.record(request, new QueryRunEvent.Delivered(ReturnPath.WEBHOOK, target, attempts(redeliveries),
                clock.instant()));
    }

    public void report(QueryOutcome outcome) throws IOException {
        QueryRequest request = outcome.request();
        String key = request.returnPath().reportName(request.query()) + "/"
                + outcome.answer().computedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ".json";
        DocumentStore reports = stores.at(reportsUri);
        reports.put(key, DocumentContent.of(
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(delivered(outcome))));
        log.record(request, new QueryRunEvent.Delivered(ReturnPath.REPORT, key + " in " + reports.describe(), 1,
                clock.instant()));
    }

    /** Delivery was given up: the run keeps its answer and says why it did not arrive. */
    public void failed(Exchange exchange) {
        QueryOutcome outcome = exchange.getMessage().getBody(QueryOutcome.class);
        Exception fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (outcome == null) {
            return;
        }
        ReturnPath path = outcome.request().returnPath();
        log.record(outcome.request(), new QueryRunEvent.DeliveryFailed(path.type(), path.target(),
                attempts(exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)),
                fault == null ? "unknown" : String.valueOf(fault.getMessage()), clock.instant()));
    }

    /** The answer as delivered: {@code queryId} first, then the answer as {@code GET} would show it. */
    private static ObjectNode delivered(QueryOutcome outcome) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("queryId", outcome.request().queryId());
        body.setAll(outcome.answer().json());
        return body;
    }

    private static int attempts(Integer redeliveries) {
        return redeliveries == null ? 1 : redeliveries + 1;
    }
}
