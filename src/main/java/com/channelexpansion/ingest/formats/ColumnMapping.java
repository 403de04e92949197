package com.channelexpansion.ingest.formats;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;

/**
 * A checked mapping file (see {@link MappingLoader} and docs/formats.md): how the columns of an
 * ERP or storefront export become canonical fields.
 *
 * @param mappingFile the mapping's file name, for messages
 * @param fields canonical column name -> its source (only mapped fields)
 * @param charsetName the files' encoding (UTF-8, windows-1252, ISO-8859-1, ...)
 * @param delimiter the field delimiter
 * @param nullTokens lower-cased values that mean empty (e.g. {@code null})
 * @param timestampPattern java.time pattern of order_timestamp and updated_at, or null when the
 *     values already follow the canonical grammar
 * @param decimalComma numbers use a decimal comma ({@code 2,55})
 * @param discountIsFractionOfLine discount_amount holds a fraction of quantity * unit_price
 * @param orderFilePattern file names (one optional {@code *}) that are exports (order files)
 * @param lineFilePattern file names of the line files, or null for single-file exports
 * @param joinKey order file column joining a line to its order (header/detail only)
 * @param lineJoinKey line file column holding that key (header/detail only)
 */
public record ColumnMapping(
    String mappingFile,
    Map<String, FieldSource> fields,
    String charsetName,
    char delimiter,
    Set<String> nullTokens,
    String timestampPattern,
    boolean decimalComma,
    boolean discountIsFractionOfLine,
    String orderFilePattern,
    String lineFilePattern,
    String joinKey,
    String lineJoinKey)
    implements Serializable {

  public ColumnMapping {
    fields = Map.copyOf(fields);
    nullTokens = Set.copyOf(nullTokens);
  }

  /** True for an order file plus a line file joined on a key. */
  public boolean headerDetail() {
    return lineFilePattern != null;
  }

  public Charset charset() {
    return Charset.forName(charsetName);
  }
}
