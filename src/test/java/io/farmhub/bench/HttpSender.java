package io.farmhub.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a command as an HTTP client does: {@code POST /api/commands} with the command document and the API key,
 * expecting 202. Each client is its own {@link HttpClient} with its own kept-alive HTTP/1.1 connection.
 */
final class HttpSender implements CommandBench.Sender {

    private final URI uri;
    private final String authorization;
    private final HttpClient[] clients;

    HttpSender(URI uri, String apiKey, int clients) {
        this.uri = uri;
        this.authorization = "Bearer " + apiKey;
        this.clients = new HttpClient[clients];
        for (int i = 0; i < clients; i++) {
            this.clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }
    }

    @Override
    public void send(int client, CommandRequest request) throws Exception {
        ObjectNode document = Json.MAPPER.createObjectNode()
                .put("commandType", request.commandType())
                .put("commandId", request.commandId());
        document.set("payload", request.payload());
        HttpRequest post = HttpRequest.newBuilder(uri)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(document)))
                .build();
        HttpResponse<String> response = clients[client].send(post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(request.commandId() + " got HTTP " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
