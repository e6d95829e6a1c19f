package io.protohive.ui.layout;

import com.vaadin.flow.component.HasValidation;
import io.protohive.kernel.platform.Rejection;
import java.util.Map;
import java.util.function.Consumer;

/** Shows a refusal on the field it names, or in a fallback place when it names none. */
public final class FieldErrors {

  private FieldErrors() {}

  public static void show(
      Rejection rejection,
      Map<String, ? extends HasValidation> fields,
      Consumer<String> elsewhere) {
    fields.values().forEach(field -> field.setInvalid(false));
    HasValidation field = rejection.field().map(fields::get).orElse(null);
    if (field != null) {
      field.setErrorMessage(rejection.getMessage());
      field.setInvalid(true);
    } else {
      elsewhere.accept(rejection.getMessage());
    }
  }
}
