package io.protohive.kernel.organization;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The agents a person may talk to, each under a name a program can keep: {@code
 * <organization-slug>/<agent-name>}. Organizations have no slug of their own, so it is derived from
 * the name ({@link #slug}); when two of the person's organizations derive the same one, each of
 * them gets the first eight hex digits of its id appended, so no name stands for two agents.
 */
@ApplicationScoped
public class AgentDirectory {

  @Inject OrganizationService organizations;
  @Inject AgentService agents;

  /** An agent under its name. */
  public record Listed(String name, OrganizationView organization, AgentView agent) {}

  /** Every agent of every organization the caller belongs to, organization by organization. */
  public List<Listed> list(Caller caller) {
    List<Listed> listed = new ArrayList<>();
    organizations(caller)
        .forEach(
            (slug, organization) -> {
              for (AgentView agent : agents.list(caller, organization.id())) {
                listed.add(new Listed(slug + "/" + agent.name(), organization, agent));
              }
            });
    return listed;
  }

  /** The organizations the caller belongs to by their slugs, oldest first. */
  public Map<String, OrganizationView> organizations(Caller caller) {
    List<OrganizationView> mine = Page.every(cursor -> organizations.list(caller, 200, cursor));
    Map<String, Long> bySlug =
        mine.stream().collect(Collectors.groupingBy(o -> slug(o.name()), Collectors.counting()));
    Map<String, OrganizationView> slugged = new LinkedHashMap<>();
    for (OrganizationView organization : mine) {
      String slug = slug(organization.name());
      slugged.put(
          bySlug.get(slug) > 1 ? slug + "-" + organization.id().toString().substring(0, 8) : slug,
          organization);
    }
    return slugged;
  }

  /**
   * The agent the caller names, its name's case aside.
   *
   * @throws Rejection NOT_FOUND when none of the caller's organizations has an agent of that name
   */
  public Listed find(Caller caller, String name) {
    if (name != null) {
      for (Listed listed : list(caller)) {
        if (listed.name().equalsIgnoreCase(name.strip())) {
          return listed;
        }
      }
    }
    throw Rejection.of(
        Rejection.Kind.NOT_FOUND,
        "No agent called " + name + " in your organizations; list them at /models.");
  }

  /** An organization's name as the first part of its agents' names. */
  private static String slug(String name) {
    return Slugs.of(name, "organization");
  }
}
