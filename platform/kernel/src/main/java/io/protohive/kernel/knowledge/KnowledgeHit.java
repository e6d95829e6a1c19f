package io.protohive.kernel.knowledge;

import java.util.UUID;

/**
 * A chunk of a file that answers a search, with where it lies in the file.
 *
 * @param page the page the chunk starts on, for formats that have pages
 * @param heading the heading the chunk falls under, if the file has headings
 * @param score the fused score: the sum over both retrievers of 1 / (60 + rank); higher is better,
 *     unless a reranker set its own
 */
public record KnowledgeHit(
    UUID fileId, String fileName, Integer page, String heading, String text, double score) {}
