package io.protohive.ui.layout;

import com.vaadin.flow.component.html.Div;

/**
 * The first letter of a name in a circle of a colour: how an agent is recognized at a glance, in
 * the org chart as in a conversation. Drawn on the server, since Vaadin's avatar takes only its own
 * palette and agents have colours of their own.
 */
public final class ColoredInitial extends Div {

  /**
   * @param color any CSS colour, such as an agent's {@code #rrggbb}
   */
  public ColoredInitial(String name, String color) {
    super(Character.toString(name.codePointAt(0)).toUpperCase());
    getElement().setAttribute("aria-hidden", "true");
    getStyle()
        .set("background", color)
        .set("color", "white")
        .set("flex", "none")
        .set("width", "2em")
        .set("height", "2em")
        .set("border-radius", "50%")
        .set("display", "flex")
        .set("align-items", "center")
        .set("justify-content", "center")
        .set("font-weight", "600");
  }
}
