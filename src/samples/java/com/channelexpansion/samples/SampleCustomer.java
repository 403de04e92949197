package com.channelexpansion.samples;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A buying account and how it behaves in the story.
 *
 * @param customerId C00001 for accounts of accounts.csv, N00001 for customers won online
 * @param name fictional company name
 * @param ownerRepId owning rep, null when accounts.csv leaves it empty (or the customer is not in it)
 * @param homeRegion region the customer really is in (picks reps)
 * @param writtenRegion region as written to accounts.csv, null when empty
 * @param kind how the customer came to buy
 * @param inAccountsFile whether accounts.csv lists it (new online customers often are missing)
 * @param firstOrderDay day of the first order for customers won during the history, else null
 * @param weight relative order frequency (0 = dormant account that never orders)
 * @param currency currency the customer is invoiced in
 * @param assistedSource the source its sales-assisted orders usually come through (EDI or null = mix)
 * @param punchout whether its procurement system orders by punchout (even before the program)
 * @param adoptionDay day it starts ordering online, null = never
 * @param maxOnlineShare share of its orders placed online once adoption has ramped up
 * @param churnDay day from which it no longer orders, null = never
 */
record SampleCustomer(
    String customerId,
    String name,
    String ownerRepId,
    String homeRegion,
    String writtenRegion,
    Kind kind,
    boolean inAccountsFile,
    LocalDate firstOrderDay,
    double weight,
    String currency,
    String assistedSource,
    boolean punchout,
    LocalDate adoptionDay,
    double maxOnlineShare,
    LocalDate churnDay) {

  /** How a customer came to buy. */
  enum Kind {
    /** An account that bought before the history starts. */
    ESTABLISHED,
    /** A new account a rep won during the history. */
    REP_WON,
    /** A new customer that registered online after the program launch. */
    NEW_ONLINE
  }

  /** Whether it may place a repeat order on {@code day}. */
  boolean ordersOn(LocalDate day) {
    if (weight <= 0 || (churnDay != null && !day.isBefore(churnDay))) {
      return false;
    }
    return firstOrderDay == null || day.isAfter(firstOrderDay);
  }

  /** Probability that an order placed on {@code day} is placed online. */
  double onlineShareOn(LocalDate day) {
    if (kind == Kind.NEW_ONLINE) {
      return 0.85;
    }
    double share = punchout ? 0.4 : 0.0;
    if (adoptionDay != null && !day.isBefore(adoptionDay)) {
      double ramp = Math.min(1.0, (ChronoUnit.DAYS.between(adoptionDay, day) + 10) / 150.0);
      share = Math.max(share, maxOnlineShare * ramp);
    }
    return share;
  }
}
