package com.channelexpansion.ingest.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How {@link CsvRecordScanner} turns a record's bytes into text: UTF-8 (the fast path: a record
 * of ASCII bytes needs no check) or a single-byte, ASCII-compatible charset, whose bytes the
 * scanner can scan the same way because every structural character is ASCII.
 */
final class RecordCharset {
  /** Null for UTF-8; else the single-byte charset. */
  private final Charset singleByte;

  RecordCharset(Charset charset) {
    this.singleByte = charset.equals(StandardCharsets.UTF_8) ? null : charset;
  }

  /** True for UTF-8 and for single-byte charsets that decode the ASCII range as ASCII. */
  static boolean isSupported(Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8)) {
      return true;
    }
    if (!charset.canEncode() || charset.newEncoder().maxBytesPerChar() != 1.0f) {
      return false;
    }
    byte[] ascii = new byte[0x80];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) i;
    }
    return new String(ascii, charset).equals(new String(ascii, StandardCharsets.US_ASCII));
  }

  /** True for UTF-8, whose byte order mark a file may start with. */
  boolean utf8() {
    return singleByte == null;
  }

  /** A value's bytes (already known valid) as text. */
  String decode(byte[] bytes, int from, int length) {
    return new String(bytes, from, length, utf8() ? StandardCharsets.UTF_8 : singleByte);
  }

  /** The bytes as text, bytes the charset does not define shown as U+FFFD. */
  String lenient(byte[] bytes, int length) {
    return decode(bytes, 0, length);
  }

  /**
   * The bytes as text, or null when they are not valid in the charset.
   *
   * @param nonAscii false when every byte is known to be ASCII (nothing to check)
   */
  String strict(byte[] bytes, int length, boolean nonAscii) {
    if (!nonAscii) {
      return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
    if (utf8()) {
      return Utf8.isWellFormed(bytes, 0, length)
          ? new String(bytes, 0, length, StandardCharsets.UTF_8)
          : null;
    }
    try {
      return singleByte
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The detail of a record whose bytes {@link #strict} refused. */
  String invalidDetail() {
    return utf8() ? CsvRecord.INVALID_UTF8 : "record: bytes not defined in " + singleByte.name();
  }
}
