package io.farmhub.queries;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts an answer to a webhook: {@code application/json}, the answer with its {@code queryId}, and the run's id
 * in {@code X-FarmHub-Query-Id} so a receiver can ignore a repeat (delivery is at least once). A 2xx is taken;
 * anything else is an exception saying whether trying again could help.
 */
@Component
public class Webhooks {

    static final String QUERY_ID_HEADER = "X-FarmHub-Query-Id";

    private final HttpClient http;
    private final Duration timeout;

    public Webhooks(@Value("${farmhub.queries.webhook.timeout:10s}") Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void post(String target, String queryId, JsonNode body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(QUERY_ID_HEADER, queryId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)))
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new WebhookRefusedException("the answer could not be posted to " + target + ": " + e.getMessage());
        }
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new WebhookUnreachableException(target + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookUnreachableException("posting to " + target + " was interrupted", e);
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new WebhookUnreachableException(target + " answered " + status, null);
        }
        throw new WebhookRefusedException(target + " refused the answer with " + status);
    }
}
