package io.protohive.rest.openai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.output.Response;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.llm.Embeddings;
import io.protohive.kernel.llm.PersonCallScopes;
import io.protohive.kernel.llm.RouteStep;
import io.protohive.kernel.organization.AgentDirectory;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Vectors of texts as OpenAI's embeddings endpoint gives them, from the platform's embedding models
 * ({@link Embeddings}): the in-process one, {@code local/all-minilm-l6-v2-q}, or a provider's.
 */
@WriteScope(Scope.CHAT)
@Path("embeddings")
@RequestScoped
public class OpenAiEmbeddingResource {

  /** OpenAI's header for the organization a call is for; here an organization's slug. */
  static final String ORGANIZATION_HEADER = "OpenAI-Organization";

  @Inject Embeddings embeddings;
  @Inject PersonCallScopes scopes;
  @Inject AgentDirectory directory;
  @Inject SignedIn signedIn;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject embed(String body, @HeaderParam(ORGANIZATION_HEADER) String organization) {
    JsonObject request = OpenAiRequests.object(body);
    Caller caller = signedIn.caller();
    String modelName = OpenAiRequests.string(request, "model", true);
    RouteStep model = Embeddings.named(modelName);
    List<String> texts = texts(request.get("input"));
    String format = OpenAiRequests.string(request, "encoding_format", false);
    if (format != null && !format.equals("float") && !format.equals("base64")) {
      throw OpenAiError.invalid("encoding_format", "encoding_format is float or base64.");
    }
    Response<List<Embedding>> embedded =
        embeddings.metered(
            scopes.of(caller, organization(caller, organization).id(), null), model, texts);
    JsonArrayBuilder data = Json.createArrayBuilder();
    List<Embedding> vectors = embedded.content();
    for (int i = 0; i < vectors.size(); i++) {
      float[] vector = vectors.get(i).vector();
      JsonObjectBuilder item =
          Json.createObjectBuilder().add("object", "embedding").add("index", i);
      if ("base64".equals(format)) {
        item.add("embedding", base64(vector));
      } else {
        item.add("embedding", floats(vector));
      }
      data.add(item);
    }
    int tokens = embedded.tokenUsage().inputTokenCount();
    return Json.createObjectBuilder()
        .add("object", "list")
        .add("data", data)
        .add("model", model.providerId() + "/" + model.model())
        .add(
            "usage",
            Json.createObjectBuilder().add("prompt_tokens", tokens).add("total_tokens", tokens))
        .build();
  }

  private OrganizationView organization(Caller caller, String slug) {
    Map<String, OrganizationView> mine = directory.organizations(caller);
    if (slug == null || slug.isBlank()) {
      return mine.values().stream()
          .findFirst()
          .orElseThrow(
              () ->
                  OpenAiError.invalid(
                      null, "Embeddings are counted against an organization; you have none."));
    }
    OrganizationView named = mine.get(slug.strip());
    if (named == null) {
      throw new OpenAiError(
          404,
          "No organization " + slug + " among yours; its slug starts the names at /models.",
          "invalid_request_error",
          null,
          "not_found");
    }
    return named;
  }

  /** A text or texts; OpenAI's arrays of token ids are not taken, the models here tokenize. */
  private static List<String> texts(JsonValue input) {
    List<String> texts = new ArrayList<>();
    if (input instanceof JsonString text) {
      texts.add(text.getString());
    } else if (input != null && input.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue item : input.asJsonArray()) {
        if (!(item instanceof JsonString text)) {
          throw OpenAiError.invalid("input", "input is a text or an array of texts.");
        }
        texts.add(text.getString());
      }
    } else {
      throw OpenAiError.invalid("input", "input is a text or an array of texts.");
    }
    return texts;
  }

  private static JsonArrayBuilder floats(float[] vector) {
    JsonArrayBuilder floats = Json.createArrayBuilder();
    for (float value : vector) {
      // the float's own digits, not those of the double it widens to
      floats.add(new BigDecimal(Float.toString(value)));
    }
    return floats;
  }

  /** As OpenAI encodes it: the little-endian 32-bit floats, in Base64. */
  private static String base64(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : vector) {
      bytes.putFloat(value);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
