package io.protohive.ui.llm;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The names of the organizations the signed-in admin belongs to, so that budgets and usage, which
 * the platform keys by id, read by name. An organization the admin is no member of keeps its id.
 */
final class OrganizationNames {

  private final OrganizationService organizations;
  private List<OrganizationView> known = List.of();
  private Map<String, String> names = Map.of();

  OrganizationNames(OrganizationService organizations) {
    this.organizations = organizations;
  }

  /** Reads the organizations again, every page of them. */
  void reload(Caller caller) {
    known = List.copyOf(Page.every(cursor -> organizations.list(caller, Page.MAX_LIMIT, cursor)));
    names =
        known.stream()
            .collect(Collectors.toMap(o -> o.id().toString(), OrganizationView::name, (a, b) -> a));
  }

  List<OrganizationView> all() {
    return known;
  }

  String label(UUID id) {
    return label(id.toString());
  }

  /** The name of the organization with this id as text, or the text itself when unknown. */
  String label(String id) {
    return names.getOrDefault(id, id);
  }
}
