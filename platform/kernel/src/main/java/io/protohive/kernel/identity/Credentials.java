package io.protohive.kernel.identity;

import io.protohive.kernel.platform.Rejection;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for email addresses and passwords, shared by sign-up, the API and the UI. */
public final class Credentials {

  public static final int MIN_PASSWORD_LENGTH = 12;
  public static final int MAX_PASSWORD_LENGTH = 128;
  public static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}");

  private Credentials() {}

  /** The address in lower case. @throws Rejection naming the field {@code email} */
  public static String normalizeEmail(String email) {
    String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (normalized.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalized).matches()) {
      throw Rejection.invalid("email", "Enter an email address such as name@example.com.");
    }
    return normalized;
  }

  /**
   * @throws Rejection naming the field {@code password} when it is too weak
   */
  public static void requireStrongPassword(String password, String email) {
    if (password == null
        || password.length() < MIN_PASSWORD_LENGTH
        || password.length() > MAX_PASSWORD_LENGTH) {
      throw Rejection.invalid(
          "password",
          "Use "
              + MIN_PASSWORD_LENGTH
              + " to "
              + MAX_PASSWORD_LENGTH
              + " characters; a few unrelated words make a strong password.");
    }
    String localPart = email.substring(0, email.indexOf('@'));
    if (password.chars().distinct().count() < 4
        || password.toLowerCase(Locale.ROOT).contains(localPart)) {
      throw Rejection.invalid(
          "password", "This password is too easy to guess; avoid your name and repetitions.");
    }
  }

  /** The domain part of a normalized address. */
  public static String domainOf(String email) {
    return email.substring(email.indexOf('@') + 1);
  }
}
