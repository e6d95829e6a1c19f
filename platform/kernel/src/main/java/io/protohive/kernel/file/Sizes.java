package io.protohive.kernel.file;

/** Byte counts as people read them in messages. */
public final class Sizes {

  private Sizes() {}

  public static String readable(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value))
        + " "
        + units[unit];
  }
}
