package com.channelexpansion.spark;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Column lists by name, for select, sort and partition calls. */
public final class Columns {
  private Columns() {}

  public static Column[] named(String... names) {
    return Arrays.stream(names).map(functions::col).toArray(Column[]::new);
  }
}
