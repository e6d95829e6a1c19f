package io.protohive.kernel.knowledge;

/**
 * A piece of a document small enough to embed, from one page and one heading section.
 *
 * @param ordinal position in the document, from 0
 * @param page 1-based page, {@code null} when the format has no pages
 * @param heading the headings above the text, outermost first, or {@code null}
 */
public record Chunk(int ordinal, Integer page, String heading, String text) {}
