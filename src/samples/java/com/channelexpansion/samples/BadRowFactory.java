package com.channelexpansion.samples;

import com.channelexpansion.ingest.validate.RejectReason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a good line into a row that the reader must reject for exactly one reason (every other
 * field stays valid, so the reason order of PRODUCT.md cannot change the outcome). Each reason
 * has several variants, used in turn.
 */
final class BadRowFactory {

  private final LocalDate beforeFirstRate;

  /** @param firstRateDate the first rate_date of fx_rates.csv */
  BadRowFactory(LocalDate firstRateDate) {
    this.beforeFirstRate = firstRateDate.minusDays(20);
  }

  /** How many variants {@code reason} has (the single-use malformed variants excluded). */
  static int variants(RejectReason reason) {
    return switch (reason) {
      case MALFORMED_ROW -> 3;
      case MISSING_REQUIRED_FIELD -> 8;
      case INVALID_NUMBER -> 9;
      case INVALID_TIMESTAMP -> 7;
      case NEGATIVE_PRICE -> 1;
      case UNKNOWN_ORDER_SOURCE -> 4;
      case MISSING_FX_RATE -> 4;
    };
  }

  /** Variant {@code variant} (modulo the count) of a row rejected for {@code reason}. */
  ExportRow make(RejectReason reason, int variant, OrderLine template, ExportLayout layout) {
    Map<String, String> v = template.values();
    String date = template.orderTime().toLocalDate().toString();
    int which = variant % variants(reason);
    switch (reason) {
      case MALFORMED_ROW -> {
        return switch (which) {
          case 0 -> { // one field short
            ExportLayout shorter = layout.without(layout.columns().get(layout.columns().size() - 1));
            yield ExportRow.rejected(ExportRow.format(v, shorter, Map.of()), reason);
          }
          case 1 -> // one field too many
              ExportRow.rejected(ExportRow.format(v, layout, Map.of()) + ",EXTRA", reason);
          default -> // a character after a closing quote
              ExportRow.rejected(
                  ExportRow.format(v, layout, Map.of("customer_id", "\"" + template.customerId() + "\"x")), reason);
        };
      }
      case MISSING_REQUIRED_FIELD -> {
        String column =
            List.of("customer_id", "quantity", "order_timestamp", "order_source", "currency", "order_id",
                    "line_number", "unit_price").get(which);
        v.put(column, column.equals("order_source") ? " \t " : "");
      }
      case INVALID_NUMBER -> {
        switch (which) {
          case 0 -> v.put("quantity", "1,000");
          case 1 -> v.put("quantity", "5.");
          case 2 -> v.put("quantity", "abc");
          case 3 -> v.put("unit_price", ".5");
          case 4 -> v.put("unit_price", "1e3");
          case 5 -> v.put("discount_amount", "2.1234567");
          case 6 -> v.put("line_number", "1.5");
          case 7 -> v.put("quantity", "1000000000000");
          default -> { // each value is fine, but the amount does not fit DECIMAL(18,2)
            v.put("quantity", "999999999");
            v.put("unit_price", "99999999.99");
            v.put("discount_amount", "");
          }
        }
      }
      case INVALID_TIMESTAMP -> {
        switch (which) {
          case 0 -> v.put("order_timestamp", date.substring(0, 5) + "13-01T10:00:00");
          case 1 -> v.put("order_timestamp", date.substring(8, 10) + "/" + date.substring(5, 7) + "/" + date.substring(0, 4) + " 10:00");
          case 2 -> v.put("order_timestamp", date + "T25:00:00");
          case 3 -> v.put("order_timestamp", date + "+01:00");
          case 4 -> v.put("order_timestamp", date.substring(0, 5) + "02-30T09:00:00");
          case 5 -> v.put("updated_at", "yesterday");
          default -> v.put("order_timestamp", date + "T10:00:00 CST");
        }
      }
      case NEGATIVE_PRICE -> v.put("unit_price", template.unitPrice().negate().toPlainString());
      case UNKNOWN_ORDER_SOURCE -> v.put("order_source", List.of("FAX", "TELEX", "MARKETPLACE", "fax").get(which));
      case MISSING_FX_RATE -> {
        switch (which) {
          case 0 -> v.put("currency", "CAD");
          case 1 -> v.put("currency", "CHF");
          case 2 -> { // a currency with rates, but dated before the first one
            v.put("currency", "EUR");
            v.put("order_timestamp", beforeFirstRate + "T10:15:00");
            v.put("updated_at", beforeFirstRate + "T11:00:00");
          }
          default -> v.put("currency", "cad");
        }
      }
    }
    return ExportRow.rejected(ExportRow.format(v, layout, Map.of()), reason);
  }

  /** A record whose quote never closes: it runs to the end of the file (write it last). */
  ExportRow unterminatedQuote(OrderLine template, ExportLayout layout) {
    String text =
        ExportRow.format(template.values(), layout,
            Map.of("order_timestamp", "\"" + template.values().get("order_timestamp")));
    return ExportRow.rejected(text, RejectReason.MALFORMED_ROW);
  }

  /** A record with bytes that are not UTF-8 in its sku. */
  ExportRow invalidUtf8(OrderLine template, ExportLayout layout) {
    String text = ExportRow.format(template.values(), layout, Map.of("sku", "SKUBADBYTES"));
    int at = text.indexOf("SKUBADBYTES");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.writeBytes("SKU-1".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    out.writeBytes(text.substring(at + "SKUBADBYTES".length()).getBytes(StandardCharsets.UTF_8));
    return new ExportRow(out.toByteArray(), RejectReason.MALFORMED_ROW, true);
  }

  /** Good rows written oddly but legally: spaces after a closing quote, a literal quote. */
  static ExportRow oddButValid(OrderLine line, ExportLayout layout, int variant) {
    if (variant % 2 == 0 || !layout.hasNotes()) {
      return new ExportRow(
          ExportRow.utf8(ExportRow.format(line.values(), layout, Map.of("customer_id", "\"" + line.customerId() + "\" \t"))),
          null, true);
    }
    return new ExportRow(
        ExportRow.utf8(ExportRow.format(line.values(), layout, Map.of(OrderLine.NOTES, "Use 3/4\" fittings only"))),
        null, true);
  }

  /** Descriptions of the variants, for the README. */
  static List<String> describe(RejectReason reason) {
    List<String> d = new ArrayList<>();
    switch (reason) {
      case MALFORMED_ROW -> d.addAll(List.of("one field short", "one field too many", "`x` after a closing quote",
          "bytes that are not UTF-8 (once)", "a quote never closed at the end of one file (once)"));
      case MISSING_REQUIRED_FIELD -> d.addAll(List.of("empty customer_id, quantity, order_timestamp, order_source (blanks), currency, order_id, line_number or unit_price",
          "every row of one file whose header lacks `currency`"));
      case INVALID_NUMBER -> d.add("`1,000`, `5.`, `abc`, `.5`, `1e3`, a 7-decimal discount, line_number `1.5`, a quantity of 10^12, an amount beyond DECIMAL(18,2)");
      case INVALID_TIMESTAMP -> d.add("month 13, `dd/MM/yyyy`, hour 25, a date with an offset but no time, February 30, updated_at `yesterday`, a zone name");
      case NEGATIVE_PRICE -> d.add("unit_price below 0");
      case UNKNOWN_ORDER_SOURCE -> d.add("`FAX`, `TELEX`, `MARKETPLACE`, `fax`");
      case MISSING_FX_RATE -> d.add("currency `CAD`/`cad`/`CHF` (no rates), EUR dated before the first rate");
    }
    return d;
  }
}
