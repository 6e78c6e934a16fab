package id.fleksi.app.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network as the page's service worker sees it. ChromeDriver's network conditions reach the page only: a service
 * worker's own fetches still get through (DevTools has a separate "Offline" for it). This talks DevTools' protocol to the
 * worker's target directly (Chromium's debugger address, {@code /json/list}), so a test can take the signal away from the
 * phone entirely.
 */
final class WorkerNetwork implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private WorkerNetwork(WebSocket.Builder builder, URI target) {
        this.socket = builder.buildAsync(target, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            JsonNode message = JSON.readTree(text.toString());
                            text.setLength(0);
                            if (message.has("id")) {
                                CompletableFuture<JsonNode> answer =
                                        answers.remove(message.get("id").asInt());
                                if (answer != null) {
                                    answer.complete(message);
                                }
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                })
                .join();
    }

    /** The service worker of this origin that the browser runs now. */
    static WorkerNetwork of(ChromeDriver chrome, String origin) {
        @SuppressWarnings("unchecked")
        Map<String, Object> options =
                (Map<String, Object>) chrome.getCapabilities().getCapability("goog:chromeOptions");
        String address = (String) options.get("debuggerAddress");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String list = http.send(
                            HttpRequest.newBuilder(URI.create("http://" + address + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            List<JsonNode> workers = JSON.readTree(list)
                    .valueStream()
                    .filter(t -> "service_worker".equals(t.path("type").asString())
                            && t.path("url").asString().startsWith(origin))
                    .toList();
            if (workers.isEmpty()) {
                throw new IllegalStateException("no service worker of " + origin + " among " + list);
            }
            return new WorkerNetwork(
                    http.newWebSocketBuilder(),
                    URI.create(workers.get(0).path("webSocketDebuggerUrl").asString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes the signal away from the worker (true) or gives it back. */
    void offline(boolean offline) {
        call("Network.enable", Map.of());
        call(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .join();
        try {
            JsonNode message = answer.get(10, TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new IllegalStateException(method + ": " + message.get("error"));
            }
            return message;
        } catch (Exception e) {
            throw new IllegalStateException(method + " unanswered", e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
