package com.channelexpansion.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

  /** The JDK's strict decoder is the reference. */
  private static boolean jdkSaysValid(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void agreesWithJdkStrictDecoderOnEdgeCasesAndRandomBytes() {
    int[][] edges = {
      {0x7F}, {0xC2, 0x80}, {0xC1, 0xBF}, {0xDF, 0xBF}, {0xE0, 0xA0, 0x80}, {0xE0, 0x9F, 0xBF},
      {0xED, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xEF, 0xBF, 0xBF}, {0xF0, 0x90, 0x80, 0x80},
      {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80,
      0x80, 0x80}, {0x80}, {0xE2, 0x82}, {0xF0, 0x9F, 0x98}
    };
    for (int[] edge : edges) {
      byte[] b = ScanSupport.bytes(edge);
      assertEquals(jdkSaysValid(b), Utf8.isWellFormed(b, 0, b.length), java.util.Arrays.toString(edge));
    }
    Random random = new Random(42);
    int valid = 0;
    for (int i = 0; i < 200_000; i++) {
      byte[] b = new byte[1 + random.nextInt(6)];
      for (int j = 0; j < b.length; j++) {
        // Bias toward high bytes so multi-byte forms are exercised.
        b[j] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
      }
      boolean expected = jdkSaysValid(b);
      valid += expected ? 1 : 0;
      assertEquals(expected, Utf8.isWellFormed(b, 0, b.length), java.util.HexFormat.of().formatHex(b));
    }
    // Sanity: the random sample contained both valid and invalid sequences.
    org.junit.jupiter.api.Assertions.assertTrue(valid > 1000 && valid < 199_000, "valid=" + valid);
  }
}
