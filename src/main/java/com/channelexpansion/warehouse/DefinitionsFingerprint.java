package com.channelexpansion.warehouse;

import com.channelexpansion.config.Account;
import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.FxRate;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.Rep;
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
  /**
   * The version of ingest's validation rules (ingest/validate): raise it whenever a rule changes
   * which rows are accepted or how, so warehouses validated under the old rules read their
   * exports again. 2: dates before 2000 and amounts after FX of 10^12 or more rejected.
   */
  public static final int VALIDATION_RULES_VERSION = 2;

  /**
   * The version of what crediting stores: raise it when order_lines gains or changes a credit
   * column, so stored lines are credited again. 2: unknown_rep_id and unknown_rep_role.
   */
  static final int CREDITING_FORMAT = 2;

  private DefinitionsFingerprint() {}

  public static String validation(Definitions definitions, ReferenceData reference) {
    Fingerprint fingerprint = new Fingerprint();
    fingerprint.line("rules " + VALIDATION_RULES_VERSION);
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
    fingerprint.line("crediting format " + CREDITING_FORMAT);
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
