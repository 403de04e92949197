package com.channelexpansion.ingest.read;

import java.util.Arrays;

/** A reusable growable byte array: the scanner's per-record buffers, cleared between records. */
final class ByteBuilder {
  private byte[] bytes = new byte[1024];
  private int length;

  void append(int b) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[length++] = (byte) b;
  }

  int length() {
    return length;
  }

  byte[] array() {
    return bytes;
  }

  void truncate(int newLength) {
    length = newLength;
  }
}
