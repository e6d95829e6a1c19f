package io.protohive.rest.audit;

import io.protohive.kernel.audit.AuditFilter;
import jakarta.ws.rs.QueryParam;

/** The audit pages' and exports' filters, as query parameters. */
public class AuditQuery {

  @QueryParam("actor")
  String actor;

  @QueryParam("action")
  String action;

  @QueryParam("target")
  String target;

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  /**
   * @throws io.protohive.kernel.platform.Rejection naming the parameter that does not read
   */
  public AuditFilter filter() {
    return AuditFilter.of(actor, action, target, from, to);
  }
}
