package com.channelexpansion.ingest.formats;

import java.util.Locale;

/**
 * A customer's identifying text written as {@code kind:text} (e.g. {@code email:ann@example.com}),
 * the form in which {@link CustomerPseudonymizer} keys it, so that sales ops can ask for the
 * customer_id the Shopify reader gives a customer they know by company, e-mail or name.
 *
 * @param kind one of {@link CustomerPseudonymizer#KINDS}
 * @param text the text after the first {@code :}, not blank (normalized by the pseudonymizer)
 */
public record CustomerIdentity(String kind, String text) {

  /**
   * Reads {@code kind:text}; the kind ignores case and surrounding spaces.
   *
   * @throws IllegalArgumentException saying what is wrong, without repeating the text
   */
  public static CustomerIdentity parse(String identity) {
    int colon = identity.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "no ':' (expected kind:text with kind " + kinds() + ", e.g. email:ann@example.com)");
    }
    String kind = identity.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    if (!CustomerPseudonymizer.KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "unknown kind \"" + identity.substring(0, colon).strip() + "\" (expected " + kinds() + ")");
    }
    String text = identity.substring(colon + 1);
    if (text.isBlank()) {
      throw new IllegalArgumentException("nothing after \"" + kind + ":\"");
    }
    return new CustomerIdentity(kind, text);
  }

  /** The customer_id {@code key} gives this identity. */
  public String customerId(CustomerPseudonymizer key) {
    return key.pseudonym(kind, text);
  }

  private static String kinds() {
    return String.join(", ", CustomerPseudonymizer.KINDS);
  }
}
