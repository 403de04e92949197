package com.channelexpansion.ingest.formats;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a customer's identifying text (company, e-mail or name) into a stable pseudonymous
 * customer id, {@code cust_} + 32 hex digits: the first 128 bits of HMAC-SHA256 over
 * {@code kind + ":" + normalized text}, keyed with the configured secret. Without the key nobody
 * can recompute an id from a known e-mail address; with the same key the same customer gets the
 * same id in every run and every file.
 *
 * <p>Normalization: surrounding whitespace removed, inner runs of whitespace collapsed to one
 * space, lower-cased (e-mail addresses and company names are compared ignoring case). The kind
 * keeps a company and an e-mail that happen to read alike apart.
 */
public final class CustomerPseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  /** Kinds of identifying text: a billing company, an e-mail address, a billing name. */
  public static final String COMPANY = "company";

  public static final String EMAIL = "email";
  public static final String NAME = "name";

  /** Every kind, in the order the Shopify reader prefers them. */
  public static final List<String> KINDS = List.of(COMPANY, EMAIL, NAME);

  /** Prefix of every pseudonymous customer id. */
  public static final String PREFIX = "cust_";

  /** Shortest key accepted: a short key could be guessed and the ids reversed. */
  public static final int MIN_KEY_LENGTH = 16;

  private final byte[] key;
  private transient Mac mac;

  /**
   * @param key the secret, at least {@link #MIN_KEY_LENGTH} characters
   * @throws IllegalArgumentException when the key is shorter
   */
  public CustomerPseudonymizer(String key) {
    if (key == null || key.length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Cannot pseudonymize customers: the key must have at least " + MIN_KEY_LENGTH
              + " characters");
    }
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** The pseudonymous id of a customer identified by {@code text} of a given kind ({@link #KINDS}). */
  public String pseudonym(String kind, String text) {
    byte[] digest =
        mac().doFinal((kind + ":" + normalize(text)).getBytes(StandardCharsets.UTF_8));
    return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
  }

  static String normalize(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(key, ALGORITHM));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Cannot pseudonymize customers: " + e.getMessage(), e);
      }
    }
    return mac;
  }

  @Override
  public String toString() {
    return "CustomerPseudonymizer[key hidden]";
  }
}
