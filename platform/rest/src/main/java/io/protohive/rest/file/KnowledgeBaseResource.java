package io.protohive.rest.file;

import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.auth.WriteScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One knowledge base. An organization's are under organizations, an agent's under agents. */
@WriteScope(Scope.FILES)
@Path("knowledge-bases")
@Tag(name = "Files")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KnowledgeBaseResource {

  @Inject KnowledgeBases bases;
  @Inject SignedIn signedIn;

  @DELETE
  @Path("{knowledgeBaseId}")
  @Operation(summary = "Delete a knowledge base; its files stay")
  public Response delete(@PathParam("knowledgeBaseId") UUID knowledgeBaseId) {
    bases.delete(signedIn.caller(), knowledgeBaseId);
    return Response.noContent().build();
  }
}
