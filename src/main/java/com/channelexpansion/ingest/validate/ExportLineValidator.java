package com.channelexpansion.ingest.validate;

import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.config.Settings;
import com.channelexpansion.ingest.read.RawOrderLine;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates and normalizes one export record (PRODUCT.md rules 1, 3, 4, 5 and the Precise rules
 * for values, codes, numbers, timestamps and the reason order). A change to which rows are
 * accepted, or how, raises {@code warehouse.DefinitionsFingerprint.VALIDATION_RULES_VERSION}.
 *
 * <p>A record is rejected with the first reason that applies, in this order: malformed_row,
 * missing_required_field, invalid_number, invalid_timestamp, negative_price,
 * unknown_order_source, missing_fx_rate. invalid_number covers every numeric field (optional
 * discount_amount too), an amount before FX (quantity * unit_price - discount_amount, rounded
 * HALF_UP to cents) that does not fit DECIMAL(18,2), and also an amount after FX whose size is
 * not below 10^12: that one can only be known once the timestamp parses and a rate exists, and
 * then it ranks as invalid_number (ahead of invalid_timestamp of updated_at, negative_price and
 * unknown_order_source) because it is a bad number. An order_date before 2000-01-01 is
 * invalid_timestamp: a typo such as 0001-01-01 must not make a new customer an old one.
 *
 * <p>An accepted line has codes upper-cased (order_source, currency, order_status), ids as
 * exported, quantity/unit_price/discount_amount at scale 6 (discount 0 when empty), fx_rate at
 * scale 10, amount = round_half_up((quantity * unit_price - discount_amount) * fx_rate, 2),
 * order_date = local date of order_timestamp in time_zone, month = yyyy-MM of order_date, and
 * cancelled = order_status CANCELLED or CANCELED in any case.
 *
 * <p>A rejected line's detail names the first failing field of its reason and the problem
 * ({@code customer_id: empty}, {@code quantity: '1e5' has an exponent}, {@code currency: no EUR
 * rate on or before 2024-01-03}). It quotes only numbers, timestamps and codes, never an id or
 * a name: rejects of Shopify and mapped sources must hold no personal data.
 *
 * <p>Serializable so Spark can ship it to executors; it holds only the settings, the channel
 * map and the FX table. Pure: no I/O, same output for the same input.
 */
public final class ExportLineValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int VALUE_SCALE = 6;
  /** The first order_date accepted (PRODUCT.md, Precise rules). */
  private static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);
  /** The last order_date Spark's DATE holds. */
  private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
  private static final String NOT_MONEY = " does not fit DECIMAL(18,2)";

  private final ZoneId timeZone;
  private final ChannelResolver channels;
  private final FxRateTable fxRates;

  /**
   * @param settings the run's settings (time_zone, quote_converts_to_assisted)
   * @param channelDefinitions rows of channel-definitions.csv
   * @param fxRates rates built for the settings' reporting currency
   */
  public ExportLineValidator(
      Settings settings, List<ChannelDefinition> channelDefinitions, FxRateTable fxRates) {
    this.timeZone = Objects.requireNonNull(settings.timeZone(), "settings.timeZone");
    this.channels = new ChannelResolver(channelDefinitions, settings.quoteConvertsToAssisted());
    this.fxRates = Objects.requireNonNull(fxRates, "fxRates");
  }

  /** The record, rejected with one reason or accepted with every field typed and normalized. */
  public ValidatedLine validate(RawOrderLine raw) {
    if (raw.malformed()) {
      return ValidatedLine.rejected(raw, RejectReason.MALFORMED_ROW, raw.malformedDetail());
    }
    if (raw.headerMissingRequired()) {
      return ValidatedLine.rejected(
          raw, RejectReason.MISSING_REQUIRED_FIELD, raw.headerMissingDetail());
    }
    String emptyRequired = firstEmptyRequired(raw);
    if (emptyRequired != null) {
      return ValidatedLine.rejected(
          raw, RejectReason.MISSING_REQUIRED_FIELD, emptyRequired + ": empty");
    }

    Parsed<Long> lineNumber = ExportNumbers.parseLineNumber(raw.lineNumber());
    Parsed<BigDecimal> quantity = ExportNumbers.parseDecimal(raw.quantity());
    Parsed<BigDecimal> unitPrice = ExportNumbers.parseDecimal(raw.unitPrice());
    Parsed<BigDecimal> discount =
        raw.discountAmount() == null
            ? Parsed.of(BigDecimal.ZERO)
            : ExportNumbers.parseDecimal(raw.discountAmount());
    String badNumber =
        Stream.of(
                problem("line_number", lineNumber),
                problem("quantity", quantity),
                problem("unit_price", unitPrice),
                problem("discount_amount", discount))
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    if (badNumber != null) {
      return ValidatedLine.rejected(raw, RejectReason.INVALID_NUMBER, badNumber);
    }
    BigDecimal beforeFx = quantity.value().multiply(unitPrice.value()).subtract(discount.value());
    if (ExportNumbers.toMoney(beforeFx).isEmpty()) {
      return ValidatedLine.rejected(
          raw,
          RejectReason.INVALID_NUMBER,
          "amount: quantity * unit_price - discount_amount = " + cents(beforeFx) + NOT_MONEY);
    }
    return validateTimedLine(
        raw,
        new Numbers(
            lineNumber.value(), quantity.value(), unitPrice.value(), discount.value(), beforeFx));
  }

  /** The typed numbers of a line whose numbers all parse, and its amount before FX. */
  private record Numbers(
      long lineNumber, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
      BigDecimal beforeFx) {}

  /** The checks after the numbers: timestamps, FX, price, channel; then the accepted line. */
  private ValidatedLine validateTimedLine(RawOrderLine raw, Numbers numbers) {
    String currency = raw.currency().toUpperCase(Locale.ROOT);
    Parsed<Instant> orderTimestamp = ExportTimestamps.parse(raw.orderTimestamp(), timeZone);
    LocalDate localDate =
        orderTimestamp.ok() ? LocalDate.ofInstant(orderTimestamp.value(), timeZone) : null;
    Optional<LocalDate> orderDate = Optional.ofNullable(localDate).filter(this::inDateRange);
    Optional<BigDecimal> fxRate = orderDate.flatMap(d -> fxRates.rateOn(currency, d));
    Optional<BigDecimal> amount =
        fxRate.flatMap(r -> ExportNumbers.toAmount(numbers.beforeFx().multiply(r)));
    if (fxRate.isPresent() && amount.isEmpty()) {
      BigDecimal rate = fxRate.get();
      return ValidatedLine.rejected(
          raw,
          RejectReason.INVALID_NUMBER,
          "amount: " + cents(numbers.beforeFx().multiply(rate)) + " after FX (rate "
              + rate.stripTrailingZeros().toPlainString() + ") is too large"
              + " (its size must be below 10^12)");
    }

    Parsed<Instant> updatedAt = ExportTimestamps.parse(raw.updatedAt(), timeZone);
    String badTimestamp = timestampProblem(raw, orderTimestamp, localDate, updatedAt);
    if (badTimestamp != null) {
      return ValidatedLine.rejected(raw, RejectReason.INVALID_TIMESTAMP, badTimestamp);
    }
    if (numbers.unitPrice().signum() < 0) {
      return ValidatedLine.rejected(
          raw,
          RejectReason.NEGATIVE_PRICE,
          "unit_price: " + numbers.unitPrice().toPlainString() + " is negative");
    }
    Optional<ChannelResolver.Decision> channel = channels.resolve(raw.orderSource(), raw.quoteId());
    if (channel.isEmpty()) {
      return ValidatedLine.rejected(
          raw,
          RejectReason.UNKNOWN_ORDER_SOURCE,
          "order_source: " + DetailText.quote(raw.orderSource()) + " has no channel definition");
    }
    if (fxRate.isEmpty()) {
      return ValidatedLine.rejected(
          raw,
          RejectReason.MISSING_FX_RATE,
          "currency: no " + DetailText.clip(currency) + " rate on or before " + orderDate.get());
    }
    return accepted(
        raw, numbers, orderTimestamp.value(), orderDate.get(), channel.get(), currency,
        fxRate.get(), amount.get(), updatedAt.value());
  }

  /** The accepted line: codes upper-cased, decimals at their column scale. */
  private static ValidatedLine accepted(
      RawOrderLine raw,
      Numbers numbers,
      Instant orderTimestamp,
      LocalDate orderDate,
      ChannelResolver.Decision channel,
      String currency,
      BigDecimal fxRate,
      BigDecimal amount,
      Instant updatedAt) {
    String orderStatus = raw.orderStatus() == null ? null : raw.orderStatus().toUpperCase(Locale.ROOT);
    return new ValidatedLine(
        raw.sourceFile(),
        raw.sourceLine(),
        raw.rawRecord(),
        null,
        null,
        raw.orderId(),
        numbers.lineNumber(),
        orderTimestamp,
        orderDate,
        YearMonth.from(orderDate).toString(),
        raw.customerId(),
        raw.orderSource().toUpperCase(Locale.ROOT),
        channel.channel(),
        channel.rule(),
        raw.salesRepId(),
        raw.quoteId(),
        raw.sku(),
        numbers.quantity().setScale(VALUE_SCALE),
        numbers.unitPrice().setScale(VALUE_SCALE),
        numbers.discount().setScale(VALUE_SCALE),
        currency,
        fxRate,
        amount,
        orderStatus,
        isCancelled(orderStatus),
        updatedAt,
        null,
        null);
  }

  /** CANCELLED and CANCELED (any case) cancel a line; any other status counts. */
  static boolean isCancelled(String orderStatus) {
    if (orderStatus == null) {
      return false;
    }
    String status = orderStatus.toUpperCase(Locale.ROOT);
    return status.equals("CANCELLED") || status.equals("CANCELED");
  }

  /** The first required column (in canonical order) whose value is empty, or null. */
  private static String firstEmptyRequired(RawOrderLine raw) {
    String[][] required = {
      {"order_id", raw.orderId()},
      {"line_number", raw.lineNumber()},
      {"order_timestamp", raw.orderTimestamp()},
      {"customer_id", raw.customerId()},
      {"order_source", raw.orderSource()},
      {"quantity", raw.quantity()},
      {"unit_price", raw.unitPrice()},
      {"currency", raw.currency()}
    };
    for (String[] column : required) {
      if (column[1] == null || column[1].isEmpty()) {
        return column[0];
      }
    }
    return null;
  }

  /**
   * The invalid_timestamp detail, or null: a bad order_timestamp (or one whose local date is
   * before 2000-01-01 or beyond Spark's DATE range) is named before a bad updated_at; an empty
   * updated_at is fine.
   *
   * @param orderDate the local date of the order timestamp; null when it does not parse
   */
  private static String timestampProblem(
      RawOrderLine raw, Parsed<Instant> orderTimestamp, LocalDate orderDate, Parsed<Instant> updatedAt) {
    if (!orderTimestamp.ok()) {
      return problem("order_timestamp", orderTimestamp);
    }
    if (orderDate.isBefore(MIN_DATE)) {
      return "order_timestamp: " + DetailText.quote(raw.orderTimestamp())
          + " has an order_date before " + MIN_DATE;
    }
    if (orderDate.isAfter(MAX_DATE)) {
      return "order_timestamp: " + DetailText.quote(raw.orderTimestamp())
          + " has an order_date after " + MAX_DATE;
    }
    return raw.updatedAt() == null ? null : problem("updated_at", updatedAt);
  }

  /** "field: problem" for a value that did not parse, else null. */
  private static String problem(String field, Parsed<?> parsed) {
    return parsed.ok() ? null : field + ": " + parsed.problem();
  }

  /** An exact amount as the cents it would be stored with (HALF_UP), for a detail. */
  private static String cents(BigDecimal exact) {
    return exact.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** order_date from 2000-01-01 to the end of Spark's DATE range (year 9999). */
  private boolean inDateRange(LocalDate date) {
    return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
  }
}
