package io.protohive.ui.conversation;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.ui.llm.LlmView;

/**
 * Under an answer of the offline demo model, so that nobody takes it for a real model's words: the
 * label, and where a tenant admin connects a real model (a link for tenant admins themselves).
 */
final class OfflineModelNote extends Div {

  /** The model of the scripted offline provider, as it names itself in its answers. */
  static final String OFFLINE_MODEL = "scripted-1";

  OfflineModelNote(boolean tenantAdmin) {
    Span label = new Span("Offline demo model");
    label.addClassNames(
        "offline-demo-model",
        LumoUtility.Background.CONTRAST_10,
        LumoUtility.BorderRadius.SMALL,
        LumoUtility.Padding.Horizontal.XSMALL,
        LumoUtility.FontWeight.SEMIBOLD);
    addClassNames(
        "offline-model-note",
        LumoUtility.FontSize.XSMALL,
        LumoUtility.TextColor.SECONDARY,
        LumoUtility.Margin.Top.XSMALL);
    add(label, new Text(" "));
    if (tenantAdmin) {
      Anchor llm = new Anchor(LlmView.ROUTE, "LLM page");
      // navigates inside the application, as a RouterLink would
      llm.getElement().setAttribute("router-link", true);
      llm.addClassName("offline-model-llm-link");
      add(new Text("Connect a real model on the "), llm, new Text("."));
    } else {
      add(new Text("A tenant admin connects a real model on the LLM page."));
    }
  }

  static boolean marks(String model) {
    return OFFLINE_MODEL.equals(model);
  }
}
