package io.protohive.rest.llm;

import dev.langchain4j.data.embedding.Embedding;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.llm.Embeddings;
import io.protohive.kernel.llm.PersonCallScopes;
import io.protohive.kernel.llm.RouteStep;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vectors of texts, from the in-process embedding model or a provider's. */
@WriteScope(Scope.CHAT)
@Path("llm/embeddings")
@Tag(name = "LLM gateway")
@RequestScoped
public class EmbeddingResource {

  @Inject Embeddings embeddings;
  @Inject PersonCallScopes scopes;
  @Inject SignedIn signedIn;

  /**
   * Texts to embed, at most 64 of at most 8,000 characters each, for one of your organizations;
   * {@code model} as {@code provider/model}, the in-process model when left out.
   */
  public record EmbeddingRequest(List<String> texts, UUID organizationId, String model) {}

  /** The vectors, in the order of the texts. */
  public record EmbeddingResponse(String model, int dimensions, List<float[]> vectors) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Embed texts",
      description =
          "With the in-process all-MiniLM-L6-v2 model (local/all-minilm-l6-v2-q, offline) unless"
              + " the request names an embedding model of a provider plugin your tenant enabled and"
              + " lists in that plugin's settings, such as openai/text-embedding-3-small.")
  public EmbeddingResponse embed(EmbeddingRequest body) {
    EmbeddingRequest request = RequestBodies.require(body);
    RouteStep model = Embeddings.named(request.model());
    List<Embedding> vectors =
        embeddings.embed(
            scopes.of(signedIn.caller(), request.organizationId(), null), model, request.texts());
    return new EmbeddingResponse(
        model.providerId() + "/" + model.model(),
        vectors.get(0).dimension(),
        vectors.stream().map(Embedding::vector).toList());
  }
}
