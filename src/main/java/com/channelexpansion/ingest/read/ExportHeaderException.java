package com.channelexpansion.ingest.read;

import com.channelexpansion.config.ConfigurationException;

/**
 * An export file whose header stops the run like a configuration error (PRODUCT.md): a header
 * record that cannot be read (malformed CSV or invalid UTF-8), message {@code "Cannot read export
 * header: <file> line N: <reason>"}, or the header of a Shopify export in a canonical folder,
 * whose rows must not be stored at all (their raw records hold customers' personal data).
 */
public class ExportHeaderException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  public ExportHeaderException(String sourceFile, long line, String reason) {
    super("Cannot read export header: " + sourceFile + " line " + line + ": " + reason);
  }

  private ExportHeaderException(String message) {
    super(message);
  }

  /** A Shopify export found in a folder that sources.csv does not declare shopify. */
  static ExportHeaderException shopifyInCanonicalFolder(String sourceFile) {
    int slash = sourceFile.lastIndexOf('/');
    String folder = slash < 0 ? "." : sourceFile.substring(0, slash);
    return new ExportHeaderException(
        "Cannot read export: " + sourceFile + " is a Shopify export (its header has Lineitem"
            + " quantity and no order_id) in a canonical folder; nothing was stored: add a row"
            + " for folder " + folder + " with format shopify and a customer_key to sources.csv"
            + " in --config, then run again");
  }
}
