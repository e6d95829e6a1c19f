package io.protohive.kernel.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps a nullable {@code uuid} column. EclipseLink's built-in UUID conversion fails on reading a
 * null. Values are written as text, which the data source sends untyped so PostgreSQL reads it as a
 * uuid, and read as whatever the driver returns (a {@link UUID}, or its text).
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID value) {
    return value == null ? null : value.toString();
  }

  @Override
  public UUID convertToEntityAttribute(Object value) {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    }
    return UUID.fromString(value.toString());
  }
}
