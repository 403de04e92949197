package com.channelexpansion.ingest;

import com.channelexpansion.config.Account;
import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.FxRate;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.Rep;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.io.Fingerprint;
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
    Fingerprint fingerprint = new Fingerprint();
    fingerprint.line("rules " + ExportLineValidator.RULES_VERSION);
    fingerprint.line(definitions.settings().reportingCurrency());
    fingerprint.line(definitions.settings().timeZone().getId());
    fingerprint.line(definitions.settings().quoteConvertsToAssisted());
    definitions.channelDefinitions().stream()
        .sorted(Comparator.comparing(ChannelDefinition::orderSource))
        .forEach(d -> fingerprint.line(d.orderSource() + "=" + d.channelGroup()));
    reference.fxRates().stream()
        .sorted(Comparator.comparing(FxRate::currency).thenComparing(FxRate::rateDate))
        .forEach(
            r -> fingerprint.line(r.currency() + "," + r.rateDate() + ","
                + r.rateToReporting().stripTrailingZeros().toPlainString()));
    return fingerprint.sha256();
  }

  public static String crediting(ReferenceData reference) {
    Fingerprint fingerprint = new Fingerprint();
    reference.accounts().stream()
        .sorted(Comparator.comparing(Account::customerId))
        .forEach(a -> fingerprint.line(a.customerId() + "=" + a.ownerRepId()));
    reference.reps().stream()
        .sorted(Comparator.comparing(Rep::repId))
        .forEach(
            rep -> {
              fingerprint.line("rep " + rep.repId());
              rep.aliases().stream().sorted().forEach(a -> fingerprint.line("alias " + a));
            });
    return fingerprint.sha256();
  }
}
