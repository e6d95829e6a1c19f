package io.protohive.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds components inside a section the way a browser test would: by id, in the whole element tree,
 * so also in slots such as a card's footer, which a component's children leave out.
 */
public final class ComponentTree {

  private ComponentTree() {}

  public static Stream<Component> descendants(Component root) {
    return elements(root.getElement()).map(Element::getComponent).flatMap(Optional::stream);
  }

  @SuppressWarnings("unchecked")
  public static <T extends Component> T byId(Component root, String id) {
    return (T)
        descendants(root)
            .filter(c -> id.equals(c.getId().orElse(null)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No component with id " + id));
  }

  private static Stream<Element> elements(Element root) {
    return Stream.concat(Stream.of(root), root.getChildren().flatMap(ComponentTree::elements));
  }
}
