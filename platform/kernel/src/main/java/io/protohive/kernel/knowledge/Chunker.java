package io.protohive.kernel.knowledge;

import io.protohive.kernel.knowledge.TextBlock.Kind;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cuts a document's blocks into chunks the embedding model reads whole. A chunk never spans two
 * pages or two heading sections; within a section, paragraphs are packed together, and a long one
 * is cut at sentences, then at words. A table small enough to read at a glance stays in one chunk;
 * a larger one is cut between rows, each piece repeating the header row. Thread-safe.
 */
public final class Chunker {

  /** The in-process model reads 256 word pieces, about 800 characters of prose. */
  public static final int CHUNK_CHARACTERS = 800;

  /** A table up to this size is one chunk even beyond {@link #CHUNK_CHARACTERS}. */
  public static final int WHOLE_TABLE_CHARACTERS = 1_500;

  private static final String PARAGRAPH_BREAK = "\n\n";

  private final int chunkCharacters;
  private final int wholeTableCharacters;

  public Chunker() {
    this(CHUNK_CHARACTERS, WHOLE_TABLE_CHARACTERS);
  }

  Chunker(int chunkCharacters, int wholeTableCharacters) {
    this.chunkCharacters = chunkCharacters;
    this.wholeTableCharacters = wholeTableCharacters;
  }

  public List<Chunk> chunk(ExtractedDocument document) {
    Chunks chunks = new Chunks();
    for (TextBlock block : document.blocks()) {
      chunks.section(block.page(), block.heading());
      if (block.kind() == Kind.TABLE) {
        table(block.text(), chunks);
      } else {
        paragraph(block.text(), chunks);
      }
    }
    chunks.flush();
    return chunks.done;
  }

  private void table(String table, Chunks chunks) {
    chunks.flush();
    if (table.length() <= wholeTableCharacters) {
      chunks.add(table);
      return;
    }
    String[] rows = table.split("\n");
    String header = rows[0];
    StringBuilder piece = new StringBuilder(header);
    boolean hasBody = false;
    for (int i = 1; i < rows.length; i++) {
      if (hasBody && piece.length() + 1 + rows[i].length() > chunkCharacters) {
        chunks.add(piece.toString());
        piece.setLength(0);
        piece.append(header);
        hasBody = false;
      }
      if (header.length() + 1 + rows[i].length() > chunkCharacters) {
        chunks.flush();
        paragraph(rows[i], chunks);
        chunks.flush();
        continue;
      }
      piece.append('\n').append(rows[i]);
      hasBody = true;
    }
    if (hasBody || rows.length == 1) {
      chunks.add(piece.toString());
    }
  }

  private void paragraph(String text, Chunks chunks) {
    if (text.length() <= chunkCharacters) {
      chunks.append(text, PARAGRAPH_BREAK);
      return;
    }
    String separator = PARAGRAPH_BREAK;
    for (String sentence : sentences(text)) {
      if (sentence.length() <= chunkCharacters) {
        chunks.append(sentence, separator);
      } else {
        for (String word : sentence.split(" ")) {
          for (int start = 0; start < word.length(); start += chunkCharacters) {
            String piece = word.substring(start, Math.min(word.length(), start + chunkCharacters));
            chunks.append(piece, separator);
            separator = " ";
          }
        }
      }
      separator = " ";
    }
  }

  private static List<String> sentences(String text) {
    BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ROOT);
    boundaries.setText(text);
    List<String> sentences = new ArrayList<>();
    int start = boundaries.first();
    for (int end = boundaries.next(); end != BreakIterator.DONE; end = boundaries.next()) {
      String sentence = text.substring(start, end).strip();
      if (!sentence.isEmpty()) {
        sentences.add(sentence);
      }
      start = end;
    }
    return sentences;
  }

  /** The chunks so far and the one being filled, within the current page and section. */
  private final class Chunks {
    private final List<Chunk> done = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private Integer page;
    private String heading;

    void section(Integer nextPage, String nextHeading) {
      if (!Objects.equals(page, nextPage) || !Objects.equals(heading, nextHeading)) {
        flush();
        page = nextPage;
        heading = nextHeading;
      }
    }

    /** Adds text to the chunk being filled, or starts the next chunk when it would not fit. */
    void append(String text, String separator) {
      if (!current.isEmpty()
          && current.length() + separator.length() + text.length() > chunkCharacters) {
        flush();
      }
      if (!current.isEmpty()) {
        current.append(separator);
      }
      current.append(text);
    }

    void add(String text) {
      flush();
      done.add(new Chunk(done.size(), page, heading, text));
    }

    void flush() {
      if (!current.isEmpty()) {
        done.add(new Chunk(done.size(), page, heading, current.toString()));
        current.setLength(0);
      }
    }
  }
}
