package com.channelexpansion.ingest.validate;

import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.config.Settings;
import com.channelexpansion.ingest.RawOrderLine;
import com.channelexpansion.ingest.RejectReason;
import com.channelexpansion.ingest.ValidatedLine;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Validates and normalizes one export record (PRODUCT.md rules 1, 3, 4, 5 and the Precise rules
 * for values, codes, numbers, timestamps and the reason order).
 *
 * <p>A record is rejected with the first reason that applies, in this order: malformed_row,
 * missing_required_field, invalid_number, invalid_timestamp, negative_price,
 * unknown_order_source, missing_fx_rate. invalid_number covers every numeric field (optional
 * discount_amount too), an amount before FX (quantity * unit_price - discount_amount, rounded
 * HALF_UP to cents) that does not fit DECIMAL(18,2), and also an amount after FX that does not
 * fit: that one can only be known once the timestamp parses and a rate exists, and then it ranks
 * as invalid_number (ahead of invalid_timestamp of updated_at, negative_price and
 * unknown_order_source) because it is a bad number.
 *
 * <p>An accepted line has codes upper-cased (order_source, currency, order_status), ids as
 * exported, quantity/unit_price/discount_amount at scale 6 (discount 0 when empty), fx_rate at
 * scale 10, amount = round_half_up((quantity * unit_price - discount_amount) * fx_rate, 2),
 * order_date = local date of order_timestamp in time_zone, month = yyyy-MM of order_date, and
 * cancelled = order_status CANCELLED or CANCELED in any case.
 *
 * <p>Serializable so Spark can ship it to executors; it holds only the settings, the channel
 * map and the FX table. Pure: no I/O, same output for the same input.
 */
public final class ExportLineValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int VALUE_SCALE = 6;
  private static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

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
      return ValidatedLine.rejected(raw, RejectReason.MALFORMED_ROW);
    }
    if (raw.headerMissingRequired() || anyRequiredEmpty(raw)) {
      return ValidatedLine.rejected(raw, RejectReason.MISSING_REQUIRED_FIELD);
    }

    OptionalLong lineNumber = ExportNumbers.parseLineNumber(raw.lineNumber());
    Optional<BigDecimal> quantity = ExportNumbers.parseDecimal(raw.quantity());
    Optional<BigDecimal> unitPrice = ExportNumbers.parseDecimal(raw.unitPrice());
    Optional<BigDecimal> discount =
        raw.discountAmount() == null
            ? Optional.of(BigDecimal.ZERO)
            : ExportNumbers.parseDecimal(raw.discountAmount());
    if (lineNumber.isEmpty() || quantity.isEmpty() || unitPrice.isEmpty() || discount.isEmpty()) {
      return ValidatedLine.rejected(raw, RejectReason.INVALID_NUMBER);
    }
    BigDecimal beforeFx = quantity.get().multiply(unitPrice.get()).subtract(discount.get());
    if (ExportNumbers.toMoney(beforeFx).isEmpty()) {
      return ValidatedLine.rejected(raw, RejectReason.INVALID_NUMBER);
    }

    String currency = raw.currency().toUpperCase(Locale.ROOT);
    Optional<Instant> orderTimestamp = ExportTimestamps.parse(raw.orderTimestamp(), timeZone);
    Optional<LocalDate> orderDate =
        orderTimestamp.map(t -> LocalDate.ofInstant(t, timeZone)).filter(this::inDateRange);
    Optional<BigDecimal> fxRate = orderDate.flatMap(d -> fxRates.rateOn(currency, d));
    Optional<BigDecimal> amount = fxRate.flatMap(r -> ExportNumbers.toMoney(beforeFx.multiply(r)));
    if (fxRate.isPresent() && amount.isEmpty()) {
      return ValidatedLine.rejected(raw, RejectReason.INVALID_NUMBER);
    }

    Optional<Instant> updatedAt = ExportTimestamps.parse(raw.updatedAt(), timeZone);
    if (orderDate.isEmpty() || (raw.updatedAt() != null && updatedAt.isEmpty())) {
      return ValidatedLine.rejected(raw, RejectReason.INVALID_TIMESTAMP);
    }
    if (unitPrice.get().signum() < 0) {
      return ValidatedLine.rejected(raw, RejectReason.NEGATIVE_PRICE);
    }
    Optional<ChannelResolver.Decision> channel = channels.resolve(raw.orderSource(), raw.quoteId());
    if (channel.isEmpty()) {
      return ValidatedLine.rejected(raw, RejectReason.UNKNOWN_ORDER_SOURCE);
    }
    if (fxRate.isEmpty()) {
      return ValidatedLine.rejected(raw, RejectReason.MISSING_FX_RATE);
    }

    String orderStatus = raw.orderStatus() == null ? null : raw.orderStatus().toUpperCase(Locale.ROOT);
    return new ValidatedLine(
        raw.sourceFile(),
        raw.sourceLine(),
        raw.rawRecord(),
        null,
        raw.orderId(),
        lineNumber.getAsLong(),
        orderTimestamp.get(),
        orderDate.get(),
        YearMonth.from(orderDate.get()).toString(),
        raw.customerId(),
        raw.orderSource().toUpperCase(Locale.ROOT),
        channel.get().channel(),
        channel.get().rule(),
        raw.salesRepId(),
        raw.quoteId(),
        raw.sku(),
        quantity.get().setScale(VALUE_SCALE),
        unitPrice.get().setScale(VALUE_SCALE),
        discount.get().setScale(VALUE_SCALE),
        currency,
        fxRate.get(),
        amount.get(),
        orderStatus,
        isCancelled(orderStatus),
        updatedAt.orElse(null),
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

  private static boolean anyRequiredEmpty(RawOrderLine raw) {
    return Stream.of(
            raw.orderId(),
            raw.lineNumber(),
            raw.orderTimestamp(),
            raw.customerId(),
            raw.orderSource(),
            raw.quantity(),
            raw.unitPrice(),
            raw.currency())
        .anyMatch(value -> value == null || value.isEmpty());
  }

  /** order_date must fit Spark's DATE range; only an extreme offset near year 1 or 9999 misses. */
  private boolean inDateRange(LocalDate date) {
    return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
  }
}
