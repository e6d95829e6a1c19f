package io.protohive.kernel.file.storage;

import java.util.regex.Pattern;

/**
 * The keys objects are stored under: segments of letters, digits, dots, dashes and underscores
 * joined by slashes. No segment is {@code .} or {@code ..} and none is empty, so a key names a file
 * inside the disk store's folder and the same path in a bucket, and cannot climb out of either.
 */
public final class StorageKeys {

  static final int MAX_LENGTH = 512;

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  private StorageKeys() {}

  /**
   * @return the key
   * @throws IllegalArgumentException naming the key when it is not one
   */
  public static String check(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a storage key has 1 to " + MAX_LENGTH + " characters: " + key);
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("not a storage key: " + key);
      }
    }
    return key;
  }
}
