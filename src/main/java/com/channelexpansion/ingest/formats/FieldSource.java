package com.channelexpansion.ingest.formats;

import java.io.Serializable;

/**
 * Where a mapped export takes one canonical field's value from.
 *
 * @param kind column of the (line) file, column of the order file, a constant, or the position
 * @param text the column name or the constant; null for {@link Kind#POSITION}
 */
public record FieldSource(Kind kind, String text) implements Serializable {

  /** The kinds of source a mapping value names ({@code column:}, {@code order_column:}, ...). */
  public enum Kind {
    /** {@code column:Name}: a column of the file (of the line file for header/detail exports). */
    COLUMN,
    /** {@code order_column:Name}: a column of the order file of a header/detail export. */
    ORDER_COLUMN,
    /** {@code const:VALUE}: the same value on every line. */
    CONSTANT,
    /** {@code position}: 1, 2, ... for the lines of one order_id in file order (line_number). */
    POSITION
  }
}
