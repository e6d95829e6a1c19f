package io.protohive.kernel.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps a nullable {@code uuid} column. EclipseLink's built-in UUID conversion fails on reading a
 * null; the driver binds the text form as a uuid because the data source sends strings untyped.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, String> {

  @Override
  public String convertToDatabaseColumn(UUID value) {
    return value == null ? null : value.toString();
  }

  @Override
  public UUID convertToEntityAttribute(String value) {
    return value == null ? null : UUID.fromString(value);
  }
}
