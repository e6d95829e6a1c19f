package io.protohive.ui.layout;

import com.vaadin.flow.component.html.Span;

/**
 * Marks what the tenant's tenants-config file sets: it is shown read-only, since a change here
 * would be undone by the next application of the file.
 */
public final class ManagedBadge extends Span {

  public static final String TEXT = "Managed by tenants-config";

  public ManagedBadge() {
    super(TEXT);
    addClassName("managed-badge");
    getElement().setAttribute("theme", "badge contrast small");
    getElement()
        .setAttribute("title", "Set by the tenant's file in tenants-config; change it there.");
  }
}
