package io.protohive.rest.openai;

import io.protohive.kernel.organization.AgentDirectory;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's agents, as OpenAI lists models. */
@Path("models")
@RequestScoped
public class ModelResource {

  @Inject AgentDirectory directory;
  @Inject SignedIn signedIn;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject list() {
    JsonArrayBuilder models = Json.createArrayBuilder();
    for (AgentDirectory.Listed listed : directory.list(signedIn.caller())) {
      models.add(
          Json.createObjectBuilder()
              .add("id", listed.name())
              .add("object", "model")
              .add("created", listed.agent().createdAt().getEpochSecond())
              .add("owned_by", listed.name().substring(0, listed.name().indexOf('/'))));
    }
    return Json.createObjectBuilder().add("object", "list").add("data", models).build();
  }
}
