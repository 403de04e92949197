package com.channelexpansion.config;

import java.io.Serializable;
import java.util.List;

/**
 * One row of {@code reps.csv}.
 *
 * @param aliases other names of the rep in the sources (e.g. Shopify's {@code Employee}), trimmed,
 *     without empty pieces or repeats, in file order; crediting maps a sales_rep_id equal to one of
 *     them to {@code repId} (PRODUCT.md, "Staff and rep ids")
 */
public record Rep(String repId, String repName, String team, String region, List<String> aliases)
    implements Serializable {

  public Rep {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** A rep without aliases (reps.csv without the optional {@code aliases} column). */
  public Rep(String repId, String repName, String team, String region) {
    this(repId, repName, team, region, List.of());
  }
}
