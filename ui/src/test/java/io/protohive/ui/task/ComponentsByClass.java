package io.protohive.ui.task;

import com.vaadin.flow.component.Component;
import io.protohive.ui.ComponentTree;
import java.util.List;

/** Finds components by class name, as the browser tests find cards, comments and approvals. */
final class ComponentsByClass {

  private ComponentsByClass() {}

  static List<Component> all(Component root, String className) {
    return ComponentTree.descendants(root)
        .filter(c -> c.getElement().getClassList().contains(className))
        .toList();
  }

  static Component first(Component root, String className) {
    return all(root, className).stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("Nothing of class " + className));
  }

  static String text(Component root, String className) {
    return first(root, className).getElement().getTextRecursively();
  }
}
