package com.channelexpansion.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson mapper of the pipeline, configured once: Jackson's defaults (so ledgers, states,
 * lock files and journals written by earlier versions still read) and indented output, which every
 * state and manifest file is written with. Thread-safe once built, as Jackson's mappers are.
 */
public final class Json {
  /** Reads any document; writes indented. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes on one line: for publish journals, which have always been written so. */
  public static final ObjectWriter COMPACT =
      MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private Json() {}
}
