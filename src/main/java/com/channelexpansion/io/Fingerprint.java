package com.channelexpansion.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one fingerprint scheme of the pipeline: the hex SHA-256 of a text of lines, each ended by a
 * line feed, in UTF-8. A stored fingerprint is compared with a fresh one to decide whether work
 * done with older definitions can be kept, so callers add their parts in a stable order (sorted
 * where the source order means nothing) and the text of a part must not depend on the run.
 */
public final class Fingerprint {
  private final StringBuilder text = new StringBuilder();

  /** Adds one part as a line. */
  public Fingerprint line(Object part) {
    text.append(part).append('\n');
    return this;
  }

  /** The fingerprint of the lines added so far. */
  public String sha256() {
    try {
      return Sha256.of(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
