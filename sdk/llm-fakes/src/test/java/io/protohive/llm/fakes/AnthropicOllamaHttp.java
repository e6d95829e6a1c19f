package io.protohive.llm.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A plain HTTP client for the tests of the Anthropic and Ollama fakes: they check the bytes on the
 * wire, which a vendor's client library would hide.
 */
final class AnthropicOllamaHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String root;

  AnthropicOllamaHttp(FakeHttpServer server) {
    this.root = server.baseUrl();
  }

  /** A POST of a JSON body with headers given as name, value, name, value, … */
  HttpResponse<String> post(String path, String json, String... headers) {
    return postAsync(path, json, headers).join();
  }

  CompletableFuture<HttpResponse<String>> postAsync(String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) {
    return client
        .sendAsync(
            HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString())
        .join();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
