package io.protohive.kernel.file;

import java.util.UUID;

/**
 * A change to a file; absent fields keep their value.
 *
 * @param folderId the folder to move it to
 * @param toTop moves it out of every folder
 */
public record FileChange(String name, UUID folderId, Boolean toTop, FileVisibility visibility) {}
