package io.protohive.kernel.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** This platform installation, recorded once by the first migration. */
@Entity
@Table(name = "installation")
public class Installation {

  @Id private UUID id;

  @Column(name = "installed_at", nullable = false)
  private Instant installedAt;

  @Column(name = "first_version", nullable = false)
  private String firstVersion;

  protected Installation() {}

  public UUID id() {
    return id;
  }

  public Instant installedAt() {
    return installedAt;
  }

  public String firstVersion() {
    return firstVersion;
  }
}
