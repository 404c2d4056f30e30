package io.farmhub.notify.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.farmhub.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An Event Grid custom topic's publish endpoint on 127.0.0.1 over HTTPS (JDK HttpsServer, {@link TestCertificate}):
 * records every request, checks the {@code aeg-sas-key} like the service does (401 otherwise), can answer
 * with failures first, hold requests until released, and hand what it accepted to a subscriber.
 */
final class LocalEventGridTopic implements AutoCloseable {

    /** One request as received: method, URI, headers (lower-case names) and body. */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String key;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile Consumer<Request> subscriber = r -> { };

    private LocalEventGridTopic(String key) throws Exception {
        this.key = key;
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestCertificate.get().serverContext()));
        server.createContext("/api/events", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** @param key the access key requests must carry in {@code aeg-sas-key} */
    static LocalEventGridTopic start(String key) {
        try {
            return new LocalEventGridTopic(key);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local Event Grid endpoint", e);
        }
    }

    String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/api/events";
    }

    List<Request> requests() {
        return requests;
    }

    /** The next requests are answered with these statuses, in order, then 200 again. */
    synchronized void failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(s);
        }
    }

    /** Requests wait (after being recorded) until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    /** Every accepted publish request is also given to this subscriber (e.g. to forward it to a webhook). */
    void subscribe(Consumer<Request> subscriber) {
        this.subscriber = subscriber;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers,
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            hold.await(30, TimeUnit.SECONDS);
            int status = nextStatus(request);
            if (status == 200) {
                subscriber.accept(request);
            }
            byte[] body = status == 200 ? new byte[0]
                    : ("{\"error\":{\"code\":\"" + status + "\",\"message\":\"local test endpoint\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized int nextStatus(Request request) {
        if (!"POST".equals(request.method()) || (key != null && !key.equals(request.header("aeg-sas-key")))) {
            return 401;
        }
        return failures.isEmpty() ? 200 : failures.poll();
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
