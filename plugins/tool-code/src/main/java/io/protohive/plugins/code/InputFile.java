package io.protohive.plugins.code;

/**
 * A file the code reads, as it lies in the sandbox's {@code in} folder.
 *
 * @param name its name there, a single path segment
 */
record InputFile(String name, byte[] content) {

  InputFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
