package io.protohive.kernel.memory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Embeddings to and from PostgreSQL {@code real[]} values, the form every memory and file chunk is
 * kept in.
 */
public final class VectorArrays {

  private VectorArrays() {}

  public static Array toSql(Connection connection, float[] vector) throws SQLException {
    Float[] boxed = new Float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      boxed[i] = vector[i];
    }
    return connection.createArrayOf("float4", boxed);
  }

  public static float[] fromSql(Array column) throws SQLException {
    Float[] boxed = (Float[]) column.getArray();
    float[] vector = new float[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      vector[i] = boxed[i];
    }
    return vector;
  }
}
