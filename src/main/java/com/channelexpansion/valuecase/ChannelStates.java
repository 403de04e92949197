package com.channelexpansion.valuecase;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * The channel-state rule, pure Java: a customer's window lines are its counted lines of positive
 * quantity in the {@code state_window_months} calendar months ending with a month; none:
 * INACTIVE; else online share = ONLINE amount / amount (when that amount is 0: ONLINE lines /
 * lines); share 0: SALES_ONLY; share &gt;= digital_first_share: DIGITAL_FIRST; otherwise HYBRID.
 * States compare the exact share (cross-multiplied, no division); the written share is rounded
 * HALF_UP to 4 decimals.
 */
public final class ChannelStates {
  /** The written share's type, DECIMAL(9,4): a share that does not fit is written empty. */
  public static final int SHARE_PRECISION = 9;

  public static final int SHARE_SCALE = 4;

  private ChannelStates() {}

  /**
   * A state and its exact share (null when INACTIVE).
   *
   * @param share the exact online share, as a quotient computed to 34 digits (for writing only)
   */
  public record StateAndShare(ChannelState state, BigDecimal share) implements Serializable {
    /** The share as written: HALF_UP to 4 decimals; null when INACTIVE or beyond DECIMAL(9,4). */
    public BigDecimal writtenShare() {
      if (share == null) {
        return null;
      }
      BigDecimal rounded = share.setScale(SHARE_SCALE, RoundingMode.HALF_UP);
      return rounded.precision() - rounded.scale() > SHARE_PRECISION - SHARE_SCALE ? null : rounded;
    }
  }

  /** The state of window lines summed to {@code sums}. */
  public static StateAndShare of(WindowSums sums, BigDecimal digitalFirstShare) {
    if (sums.lines() == 0) {
      return new StateAndShare(ChannelState.INACTIVE, null);
    }
    boolean byAmount = sums.amount().signum() != 0;
    BigDecimal online = byAmount ? sums.onlineAmount() : BigDecimal.valueOf(sums.onlineLines());
    BigDecimal total = byAmount ? sums.amount() : BigDecimal.valueOf(sums.lines());
    BigDecimal share = online.divide(total, MathContext.DECIMAL128);
    if (online.signum() == 0) {
      return new StateAndShare(ChannelState.SALES_ONLY, share);
    }
    // online / total >= d  <=>  online * sign(total) >= d * |total|: exact, no rounding.
    BigDecimal signedOnline = total.signum() < 0 ? online.negate() : online;
    boolean digitalFirst = signedOnline.compareTo(digitalFirstShare.multiply(total.abs())) >= 0;
    return new StateAndShare(digitalFirst ? ChannelState.DIGITAL_FIRST : ChannelState.HYBRID, share);
  }

  /**
   * The window lines of the {@code windowMonths} months ending with {@code end}; with {@code
   * partLastMonth} that last month counts only its part through the year-earlier window's end.
   */
  public static WindowSums windowEnding(
      List<MonthSums> months, YearMonth end, int windowMonths, boolean partLastMonth) {
    YearMonth start = end.minusMonths(windowMonths - 1L);
    WindowSums sums = WindowSums.NONE;
    for (MonthSums month : months) {
      if (month.month().isBefore(start) || month.month().isAfter(end)) {
        continue;
      }
      sums = sums.plus(partLastMonth && month.month().equals(end) ? month.partPositive() : month.positive());
    }
    return sums;
  }
}
