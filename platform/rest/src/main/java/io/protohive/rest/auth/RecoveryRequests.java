package io.protohive.rest.auth;

/** Request bodies of email verification and password reset. */
public final class RecoveryRequests {

  private RecoveryRequests() {}

  /** The token from a verification link. */
  public record VerifyEmail(String token) {}

  /** Who forgot a password; the tenant may be left out when the email is unique. */
  public record ForgotPassword(String email, String tenant) {}

  /** The token from a reset link, and the new password. */
  public record ResetPassword(String token, String password) {}
}
