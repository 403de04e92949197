package com.channelexpansion.ingest.read;

import com.channelexpansion.config.ConfigurationException;

/**
 * An export file whose header record cannot be read (malformed CSV or invalid UTF-8). PRODUCT.md
 * treats it like a configuration error: the run stops. Message:
 * {@code "Cannot read export header: <file> line N: <reason>"}.
 */
public class ExportHeaderException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  public ExportHeaderException(String sourceFile, long line, String reason) {
    super("Cannot read export header: " + sourceFile + " line " + line + ": " + reason);
  }
}
