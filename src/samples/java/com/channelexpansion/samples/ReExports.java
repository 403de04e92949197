package com.channelexpansion.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks the lines of yesterday's file that the source system exports again today, as real
 * exporters do: about 5 % of them, mostly unchanged, some with a later updated_at and a changed
 * quantity or status (the new version must win), some stale copies with an older or empty
 * updated_at (the old version must win), and some changed with the same updated_at (the later
 * file must win).
 */
final class ReExports {

  private final SplittableRandom random;

  ReExports(SplittableRandom random) {
    this.random = random;
  }

  List<OrderLine> pick(List<OrderLine> yesterday, LocalDate today) {
    List<OrderLine> again = new ArrayList<>();
    for (OrderLine line : yesterday) {
      if (random.nextDouble() >= 0.05) {
        continue;
      }
      LocalDateTime later = today.atTime(6 + random.nextInt(12), random.nextInt(60), random.nextInt(60));
      double draw = random.nextDouble();
      if (draw < 0.45) {
        again.add(line);
      } else if (draw < 0.67 && line.quantity().signum() > 0) {
        again.add(line.withQuantity(changedQuantity(line.quantity()), later));
      } else if (draw < 0.85) {
        again.add(line.withStatus(nextStatus(line.status()), later));
      } else if (draw < 0.93 && line.updatedAt() != null && line.quantity().signum() > 0) {
        LocalDateTime older = random.nextBoolean() ? null : line.updatedAt().minusHours(1);
        again.add(line.withQuantity(changedQuantity(line.quantity()), older));
      } else {
        again.add(line.withStatus(nextStatus(line.status()), line.updatedAt()));
      }
    }
    return again;
  }

  private BigDecimal changedQuantity(BigDecimal quantity) {
    return quantity.compareTo(BigDecimal.ONE) > 0 ? quantity.subtract(BigDecimal.ONE) : quantity.add(BigDecimal.ONE);
  }

  private String nextStatus(String status) {
    if (status == null || status.equals("OPEN")) {
      return random.nextDouble() < 0.6 ? "SHIPPED" : random.nextBoolean() ? "CANCELLED" : "canceled";
    }
    if (OrderSimulator.isCancelled(status)) {
      return "OPEN";
    }
    return "INVOICED";
  }
}
