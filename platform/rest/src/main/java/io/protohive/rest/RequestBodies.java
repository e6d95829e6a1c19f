package io.protohive.rest;

import io.protohive.kernel.platform.Rejection;

/** Checks shared by every operation that takes a body. */
public final class RequestBodies {

  private RequestBodies() {}

  /**
   * @throws Rejection when the request carried no body
   */
  public static <T> T require(T body) {
    if (body == null) {
      throw Rejection.invalid("body", "Send a JSON object with the fields of this operation.");
    }
    return body;
  }
}
