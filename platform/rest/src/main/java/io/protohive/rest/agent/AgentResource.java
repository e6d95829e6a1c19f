package io.protohive.rest.agent;

import io.protohive.kernel.knowledge.KnowledgeBaseView;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.kernel.memory.AgentMemory;
import io.protohive.kernel.memory.MemoryHit;
import io.protohive.kernel.organization.AgentDraft;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One agent: members of its organization see it, admins and owners change or remove it. The
 * organization's list and creation are under {@code /organizations/{id}/agents}.
 */
@Path("agents")
@Tag(name = "Agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

  @Inject AgentService agents;
  @Inject AgentMemory memory;
  @Inject SignedIn signedIn;
  @Inject KnowledgeBases knowledgeBases;

  /** The knowledge bases an agent is to search. */
  public record KnowledgeBaseAssignment(List<UUID> knowledgeBaseIds) {}

  @GET
  @Path("{agentId}")
  @Operation(summary = "One agent")
  public AgentView get(@PathParam("agentId") UUID agentId) {
    return agents.get(signedIn.caller(), agentId);
  }

  @PATCH
  @Path("{agentId}")
  @Operation(summary = "Change an agent; absent fields keep their value")
  public AgentView update(@PathParam("agentId") UUID agentId, AgentDraft body) {
    return agents.update(signedIn.caller(), agentId, RequestBodies.require(body));
  }

  @DELETE
  @Path("{agentId}")
  @Operation(summary = "Remove an agent; the agents reporting to it move to the top")
  public Response delete(@PathParam("agentId") UUID agentId) {
    agents.delete(signedIn.caller(), agentId);
    return Response.noContent().build();
  }

  @GET
  @Path("{agentId}/memory")
  @Operation(
      summary = "Search an agent's long-term memory",
      description = "The memories closest in meaning to q, best first, at most 10.")
  public PageResponse<MemoryHit> memory(
      @PathParam("agentId") UUID agentId, @QueryParam("q") String query) {
    return PageResponse.ranked(memory.search(signedIn.caller(), agentId, query));
  }

  @GET
  @Path("{agentId}/knowledge-bases")
  @Operation(
      summary = "The knowledge bases an agent searches",
      description = "None means every file the agent may read.")
  public List<KnowledgeBaseView> ofAgent(@PathParam("agentId") UUID agentId) {
    return knowledgeBases.ofAgent(signedIn.caller(), agentId);
  }

  @PUT
  @Path("{agentId}/knowledge-bases")
  @Operation(summary = "Give an agent exactly these knowledge bases of its organization")
  public List<KnowledgeBaseView> assign(
      @PathParam("agentId") UUID agentId, KnowledgeBaseAssignment body) {
    return knowledgeBases.assign(
        signedIn.caller(), agentId, RequestBodies.require(body).knowledgeBaseIds());
  }
}
