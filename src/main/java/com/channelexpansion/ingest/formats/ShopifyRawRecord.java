package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.HeaderName;
import java.util.List;

/**
 * The raw_record of a Shopify row, which must never hold personal data: the row re-written as CSV
 * with only the columns of {@link ShopifyOrdersFormat#RAW_RECORD_COLUMNS} shown, or, for a
 * malformed row (whose columns cannot be told apart), a note in its place.
 */
final class ShopifyRawRecord {
  private ShopifyRawRecord() {}

  /** The record with personal values masked: only the raw-record columns shown. */
  static String masked(HeaderIndex header, List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String value = fields.get(i);
      boolean shown =
          ShopifyOrdersFormat.RAW_RECORD_COLUMNS.contains(HeaderName.key(header.names().get(i)));
      if (!shown && !value.isEmpty()) {
        out.append('*');
      } else if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
      } else {
        out.append(value);
      }
    }
    return out.toString();
  }

  /** The note that replaces a malformed row's text, which could hold personal data. */
  static String malformedNote(String rawText) {
    return "(malformed Shopify row of " + rawText.length()
        + " characters, not shown: it may hold personal data)";
  }
}
