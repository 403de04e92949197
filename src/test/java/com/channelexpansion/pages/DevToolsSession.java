package com.channelexpansion.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: sends commands, waits for
 * their results, and keeps every event it receives (console messages, exceptions, network
 * failures) for the test to inspect. Enough for a browser test without a WebDriver.
 */
final class DevToolsSession implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private DevToolsSession(WebSocket socket) {
    this.socket = socket;
  }

  static DevToolsSession connect(String webSocketUrl) {
    DevToolsSession[] holder = new DevToolsSession[1];
    Listener listener = new Listener(holder);
    WebSocket socket =
        HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create(webSocketUrl), listener)
            .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .join();
    holder[0] = new DevToolsSession(socket);
    return holder[0];
  }

  /** Sends {@code method} with {@code params} and returns its result; a protocol error throws. */
  JsonNode send(String method, Map<String, ?> params) throws IOException {
    int id = nextId.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id).put("method", method).set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(message), true).join();
    JsonNode answer = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    if (answer.has("error")) {
      throw new IOException("DevTools " + method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  /** Every event received so far whose method is {@code method}. */
  List<JsonNode> events(String method) {
    List<JsonNode> matching = new ArrayList<>();
    for (JsonNode event : events) {
      if (event.path("method").asText().equals(method)) {
        matching.add(event.path("params"));
      }
    }
    return matching;
  }

  /** Waits until an event named {@code method} has arrived. */
  void awaitEvent(String method) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (events(method).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no " + method + " event within " + TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  void clearEvents() {
    events.clear();
  }

  private void receive(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
        if (reply != null) {
          reply.complete(message);
        }
      } else {
        events.add(message);
      }
    } catch (IOException e) {
      throw new IllegalStateException("unreadable DevTools message: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
  }

  /** Joins a message's fragments and hands whole messages to the session. */
  private static final class Listener implements WebSocket.Listener {
    private final DevToolsSession[] session;
    private final StringBuilder buffer = new StringBuilder();

    Listener(DevToolsSession[] session) {
      this.session = session;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String message = buffer.toString();
        buffer.setLength(0);
        while (session[0] == null) {
          Thread.onSpinWait(); // the first message can come before connect() returns
        }
        session[0].receive(message);
      }
      webSocket.request(1);
      return null;
    }
  }
}
