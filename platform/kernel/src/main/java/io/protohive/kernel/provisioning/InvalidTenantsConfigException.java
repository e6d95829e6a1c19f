package io.protohive.kernel.provisioning;

/** A tenants-config file that cannot be applied; the message names the file and the field. */
public final class InvalidTenantsConfigException extends Exception {

  public InvalidTenantsConfigException(String message) {
    super(message, null, false, false);
  }
}
