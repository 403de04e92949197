package com.channelexpansion.ingest;

import com.channelexpansion.config.Account;
import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.FxRate;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.Rep;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Fingerprints of the definitions ingest bakes into the warehouse, so a change is never silently
 * ignored. {@link #validation} covers what validated rows depend on (the validation rules'
 * version, time zone, reporting currency, quote rule, channel definitions, FX rates): when it
 * changes every export is read again. {@link #crediting} covers what credited_rep_id depends on (account owners, rep ids, rep
 * aliases): when it changes order_lines is resolved again from the stored versions, without
 * re-reading exports (so an alias added later re-credits old lines). Reps without aliases give
 * the fingerprint they had before aliases existed: adding the column alone re-credits nothing.
 */
public final class DefinitionsFingerprint {
  private DefinitionsFingerprint() {}

  public static String validation(Definitions definitions, ReferenceData reference) {
    StringBuilder text = new StringBuilder();
    text.append("rules ").append(ExportLineValidator.RULES_VERSION).append('\n');
    text.append(definitions.settings().reportingCurrency()).append('\n');
    text.append(definitions.settings().timeZone().getId()).append('\n');
    text.append(definitions.settings().quoteConvertsToAssisted()).append('\n');
    definitions.channelDefinitions().stream()
        .sorted(Comparator.comparing(ChannelDefinition::orderSource))
        .forEach(d -> text.append(d.orderSource()).append('=').append(d.channelGroup()).append('\n'));
    reference.fxRates().stream()
        .sorted(Comparator.comparing(FxRate::currency).thenComparing(FxRate::rateDate))
        .forEach(
            r -> text.append(r.currency()).append(',').append(r.rateDate()).append(',')
                .append(r.rateToReporting().stripTrailingZeros().toPlainString()).append('\n'));
    return hash(text);
  }

  public static String crediting(ReferenceData reference) {
    StringBuilder text = new StringBuilder();
    reference.accounts().stream()
        .sorted(Comparator.comparing(Account::customerId))
        .forEach(a -> text.append(a.customerId()).append('=').append(a.ownerRepId()).append('\n'));
    reference.reps().stream()
        .sorted(Comparator.comparing(Rep::repId))
        .forEach(
            rep -> {
              text.append("rep ").append(rep.repId()).append('\n');
              rep.aliases().stream().sorted().forEach(a -> text.append("alias ").append(a).append('\n'));
            });
    return hash(text);
  }

  private static String hash(StringBuilder text) {
    try {
      return Sha256.of(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
