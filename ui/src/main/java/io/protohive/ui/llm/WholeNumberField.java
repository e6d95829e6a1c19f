package io.protohive.ui.llm;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.protohive.kernel.platform.Rejection;

/**
 * A field for a whole number of at least zero that may pass what an {@code IntegerField} holds,
 * such as a budget in currency millionths. A number it cannot read is refused like any other
 * invalid input, under the name the platform gives the field.
 */
final class WholeNumberField extends TextField {

  private static final String UNREADABLE = "Give a whole number of at least 0, at most 19 digits.";

  private final String field;
  private boolean millionths;

  /**
   * @param field the name the platform gives this value in a refusal
   */
  WholeNumberField(String label, String field) {
    super(label);
    this.field = field;
    setAllowedCharPattern("[0-9]");
    setValueChangeMode(ValueChangeMode.LAZY);
    addValueChangeListener(change -> showUnits());
  }

  /**
   * Says whether the number is in currency millionths: then the field shows, as it is typed, what
   * that is in currency units, which is what people compare prices and budgets in.
   */
  void setMillionths(boolean millionths) {
    this.millionths = millionths;
    showUnits();
  }

  /**
   * @return the number, or {@code null} when the field is empty
   * @throws Rejection when the field holds no number the platform can keep
   */
  Long number() {
    String text = getValue().strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException unreadable) {
      throw Rejection.invalid(field, UNREADABLE);
    }
  }

  /**
   * @throws Rejection when the field is empty or holds no number the platform can keep
   */
  long requiredNumber() {
    Long number = number();
    if (number == null) {
      throw Rejection.invalid(field, UNREADABLE);
    }
    return number;
  }

  private void showUnits() {
    setHelperText(millionths ? inCurrencyUnits(getValue().strip()) : null);
  }

  private static String inCurrencyUnits(String digits) {
    try {
      return "= " + Amounts.currency(Long.parseLong(digits)) + " in currency units";
    } catch (NumberFormatException emptyOrUnreadable) {
      return null;
    }
  }
}
