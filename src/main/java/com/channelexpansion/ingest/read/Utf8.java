package com.channelexpansion.ingest.read;

/**
 * Strict UTF-8 well-formedness check (Unicode Table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF) over a byte range, without allocating: the scanner calls it for every record
 * that holds a non-ASCII byte.
 */
final class Utf8 {
  private Utf8() {}

  static boolean isWellFormed(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b0 = bytes[i] & 0xFF;
      if (b0 < 0x80) {
        i++;
      } else if (b0 < 0xC2) {
        return false; // continuation byte without a lead, or overlong 2-byte lead
      } else if (b0 < 0xE0) {
        if (i + 1 >= end || !continuation(bytes[i + 1])) {
          return false;
        }
        i += 2;
      } else if (b0 < 0xF0) {
        if (i + 2 >= end) {
          return false;
        }
        int b1 = bytes[i + 1] & 0xFF;
        int low = b0 == 0xE0 ? 0xA0 : 0x80; // overlong
        int high = b0 == 0xED ? 0x9F : 0xBF; // surrogates
        if (b1 < low || b1 > high || !continuation(bytes[i + 2])) {
          return false;
        }
        i += 3;
      } else if (b0 < 0xF5) {
        if (i + 3 >= end) {
          return false;
        }
        int b1 = bytes[i + 1] & 0xFF;
        int low = b0 == 0xF0 ? 0x90 : 0x80; // overlong
        int high = b0 == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
        if (b1 < low || b1 > high || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
          return false;
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
