package com.channelexpansion.warehouse;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse's {@code rejects/} table: every row that was not accepted, with its reason and a
 * detail naming the field and the problem ({@code customer_id: empty}). detail is nullable: rows
 * stored before it existed have none until their file is read again.
 */
public final class RejectColumns {
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_LINE = "source_line";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";
  public static final String RAW_RECORD = "raw_record";

  public static final StructType SCHEMA =
      new StructType()
          .add(SOURCE_FILE, DataTypes.StringType, false)
          .add(SOURCE_LINE, DataTypes.LongType, false)
          .add(REASON, DataTypes.StringType, false)
          .add(DETAIL, DataTypes.StringType, true)
          .add(RAW_RECORD, DataTypes.StringType, false);

  private RejectColumns() {}
}
