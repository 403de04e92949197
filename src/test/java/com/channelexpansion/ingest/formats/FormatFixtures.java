package com.channelexpansion.ingest.formats;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.config.Settings;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.ingest.validate.FxRateTable;
import com.channelexpansion.ingest.validate.ValidatedLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Validators and helpers shared by the format tests. */
final class FormatFixtures {
  private FormatFixtures() {}

  /**
   * A validator whose reporting currency is {@code currency} (so no FX rate is needed), in
   * {@code zone}, knowing WEB, POS and SHOPIFY_DRAFT_ORDER (ONLINE) and PHONE (SALES_ASSISTED).
   */
  static ExportLineValidator validator(String currency, String zone) {
    Settings settings =
        new Settings(
            currency, ZoneId.of(zone), LocalDate.of(2020, 1, 1), new BigDecimal("0.005"), true,
            null);
    List<ChannelDefinition> channels =
        List.of(
            new ChannelDefinition("WEB", Channel.ONLINE, "Web shop checkout."),
            new ChannelDefinition("POS", Channel.ONLINE, "Point of sale."),
            new ChannelDefinition("SHOPIFY_DRAFT_ORDER", Channel.ONLINE, "Draft created by staff."),
            new ChannelDefinition("PHONE", Channel.SALES_ASSISTED, "Taken by a rep."));
    return new ExportLineValidator(settings, channels, new FxRateTable(List.of(), currency));
  }

  static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static <T> List<T> all(Iterator<T> iterator) {
    List<T> out = new ArrayList<>();
    iterator.forEachRemaining(out::add);
    return out;
  }

  static List<ValidatedLine> validateAll(Iterator<SourceRecord> records, ExportLineValidator v) {
    List<ValidatedLine> out = new ArrayList<>();
    records.forEachRemaining(r -> out.add(r.validate(v)));
    return out;
  }

  /** Writes a mapping (or any small file) to {@code dir} and returns its path. */
  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
