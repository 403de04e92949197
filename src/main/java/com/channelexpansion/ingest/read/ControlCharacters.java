package com.channelexpansion.ingest.read;

/**
 * PRODUCT.md's control-character rule: a value holding a character of Unicode category Cc (NUL,
 * DEL, the C1 range, ...) other than tab is no value of an export. LF is allowed because inside a
 * quoted value it is a line break of the value (the scanner has turned CR and CRLF into LF); a
 * NUL in an id would otherwise make two ids that print the same and never join.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /**
   * Null when {@code value} holds no forbidden control character, else the reject's detail
   * naming the column and the first one ({@code order_id: control character U+0000}).
   */
  public static String problem(String column, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n') {
        return column + ": control character " + String.format("U+%04X", (int) c);
      }
    }
    return null;
  }
}
