package io.protohive.rest.file;

import io.protohive.kernel.knowledge.KnowledgeBaseView;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One knowledge base, and the knowledge bases an agent searches. */
@Path("")
@Tag(name = "Files")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KnowledgeBaseResource {

  @Inject KnowledgeBases bases;
  @Inject SignedIn signedIn;

  /** The knowledge bases an agent is to search. */
  public record Assignment(List<UUID> knowledgeBaseIds) {}

  @DELETE
  @Path("knowledge-bases/{knowledgeBaseId}")
  @Operation(summary = "Delete a knowledge base; its files stay")
  public Response delete(@PathParam("knowledgeBaseId") UUID knowledgeBaseId) {
    bases.delete(signedIn.caller(), knowledgeBaseId);
    return Response.noContent().build();
  }

  @GET
  @Path("agents/{agentId}/knowledge-bases")
  @Operation(
      summary = "The knowledge bases an agent searches",
      description = "None means every file the agent may read.")
  public List<KnowledgeBaseView> ofAgent(@PathParam("agentId") UUID agentId) {
    return bases.ofAgent(signedIn.caller(), agentId);
  }

  @PUT
  @Path("agents/{agentId}/knowledge-bases")
  @Operation(summary = "Give an agent exactly these knowledge bases of its organization")
  public List<KnowledgeBaseView> assign(@PathParam("agentId") UUID agentId, Assignment body) {
    return bases.assign(signedIn.caller(), agentId, RequestBodies.require(body).knowledgeBaseIds());
  }
}
