package io.protohive.ui;

import com.vaadin.flow.component.Component;
import java.util.stream.Stream;

/** Finds components inside a section the way a browser test would: by id. */
public final class ComponentTree {

  private ComponentTree() {}

  public static Stream<Component> descendants(Component root) {
    return Stream.concat(Stream.of(root), root.getChildren().flatMap(ComponentTree::descendants));
  }

  @SuppressWarnings("unchecked")
  public static <T extends Component> T byId(Component root, String id) {
    return (T)
        descendants(root)
            .filter(c -> id.equals(c.getId().orElse(null)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No component with id " + id));
  }
}
