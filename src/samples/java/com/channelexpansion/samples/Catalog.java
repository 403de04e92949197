package com.channelexpansion.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The distributor's items: SKU-10001... with a USD list price; a few are sold by length. */
final class Catalog {

  /**
   * One item.
   *
   * @param byLength sold by the foot: quantities may have decimals
   */
  record Item(String sku, BigDecimal usdPrice, boolean byLength) {}

  static final int SIZE = 600;

  private final List<Item> items;

  private Catalog(List<Item> items) {
    this.items = List.copyOf(items);
  }

  static Catalog generate(SplittableRandom random) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      // Cents from 2.00 to about 900.00, skewed toward cheap consumables.
      double dollars = 2 + Math.pow(random.nextDouble(), 3) * 898;
      BigDecimal price = BigDecimal.valueOf(Math.round(dollars * 100), 2);
      items.add(new Item("SKU-" + (10001 + i), price, random.nextDouble() < 0.04));
    }
    return new Catalog(items);
  }

  Item pick(SplittableRandom random) {
    return items.get(random.nextInt(items.size()));
  }

  /** The item's price in {@code currency}: the USD list price divided by the day's rate. */
  static BigDecimal priceIn(Item item, BigDecimal rateToUsd) {
    return item.usdPrice().divide(rateToUsd, 2, RoundingMode.HALF_UP);
  }
}
