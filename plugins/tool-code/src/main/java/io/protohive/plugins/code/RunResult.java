package io.protohive.plugins.code;

import io.protohive.plugin.api.ToolResult;
import java.util.List;

/**
 * How a run ended.
 *
 * @param exitCode the code's exit status; {@code -1} when it was stopped
 * @param output what it printed, standard output and error as they came, cut at the limit
 * @param truncated whether output was cut
 * @param timedOut whether the wall time ran out and the sandbox was stopped
 * @param files the files it left in its work folder, up to the limit
 * @param skipped files it left beyond the limit
 */
record RunResult(
    int exitCode,
    String output,
    boolean truncated,
    boolean timedOut,
    List<ToolResult.Attachment> files,
    int skipped) {}
