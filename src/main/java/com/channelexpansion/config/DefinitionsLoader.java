package com.channelexpansion.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and checks the definitions under {@code --config} (PRODUCT.md, "Definitions" and
 * "Reference data and definitions"): {@code settings.csv}, {@code channel-definitions.csv},
 * {@code commission-plans.csv} and {@code commission-tiers.csv}. Read rules are those of
 * {@link ConfigCsvFile}; every problem is a {@link ConfigurationException} "file line N: problem"
 * thrown before any order data is read.
 *
 * <p>Settings ({@code key,value}): keys ignore case; an empty value takes the default
 * (reporting_currency USD, time_zone UTC, max_reject_ratio 0.005, quote_converts_to_assisted
 * true, baseline_plan the first plan listed, digital_first_share 0.8, state_window_months 12,
 * checked by {@link ChannelStateSettings}); program_start has no default and must be set.
 * An <b>unknown key is an error</b>, not a warning: a misspelt key (say {@code time_zon}) would
 * otherwise leave its setting silently at the default. max_reject_ratio must lie in [0, 1];
 * time_zone is a java.time zone id ({@code Europe/Paris}, {@code UTC}, {@code +02:00}; its case is
 * forgiven); baseline_plan must name a plan of commission-plans.csv.
 *
 * <p>Channel definitions: order_source (a code, upper-cased, unique), channel_group (ONLINE or
 * SALES_ASSISTED) and a non-empty definition; at least one row. Plans: plan_id (case-sensitive),
 * optional effective_from/effective_to (inclusive, empty = open, from not after to),
 * order_channel and segment (a value or {@code *} = any), rate (a fraction, up to 6 decimals,
 * from 0 to 1: a rate above 1 is taken for a percentage typed as a whole number), and
 * counts_toward_quota (boolean, empty = false). Two rows of one plan with the same channel and
 * segment must not be in force on a common day. Tiers: plan_id (listed in the plans),
 * min_attainment (up to 6 decimals, unique per plan), multiplier (0 or more, up to 4 decimals,
 * below 100000 to fit DECIMAL(9,4)), never falling as min_attainment rises.
 */
public final class DefinitionsLoader {

  public static final String SETTINGS_FILE = "settings.csv";
  public static final String CHANNEL_DEFINITIONS_FILE = "channel-definitions.csv";
  public static final String COMMISSION_PLANS_FILE = "commission-plans.csv";
  public static final String COMMISSION_TIERS_FILE = "commission-tiers.csv";

  public static final String DEFAULT_REPORTING_CURRENCY = "USD";
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
  public static final BigDecimal DEFAULT_MAX_REJECT_RATIO = new BigDecimal("0.005");
  public static final boolean DEFAULT_QUOTE_CONVERTS_TO_ASSISTED = true;

  /** Decimals allowed in plan rates (DECIMAL(9,6)). */
  public static final int RATE_MAX_SCALE = 6;
  /** Decimals allowed in tier multipliers (DECIMAL(9,4)). */
  public static final int MULTIPLIER_MAX_SCALE = 4;
  /** Decimals allowed in min_attainment (attainment is DECIMAL(18,6)). */
  public static final int ATTAINMENT_MAX_SCALE = 6;

  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final BigDecimal MULTIPLIER_LIMIT = new BigDecimal("100000");
  private static final String ANY = "*";

  private DefinitionsLoader() {}

  /**
   * Reads and checks the four definition files of {@code configDir}.
   *
   * @throws ConfigurationException naming the file, line and problem of the first error found
   */
  public static Definitions load(Path configDir) {
    ConfigCsvFile settingsFile =
        ConfigCsvFile.read(configDir.resolve(SETTINGS_FILE), List.of("key", "value"));
    Settings settings = SettingsLoader.settings(settingsFile);
    List<ChannelDefinition> channels =
        channelDefinitions(
            ConfigCsvFile.read(
                configDir.resolve(CHANNEL_DEFINITIONS_FILE),
                List.of("order_source", "channel_group", "definition")));
    List<CommissionPlanRow> plans =
        commissionPlans(
            ConfigCsvFile.read(
                configDir.resolve(COMMISSION_PLANS_FILE),
                List.of(
                    "plan_id",
                    "effective_from",
                    "effective_to",
                    "order_channel",
                    "segment",
                    "rate",
                    "counts_toward_quota")));
    Set<String> planIds = planIds(plans);
    List<CommissionTier> tiers =
        commissionTiers(
            ConfigCsvFile.read(
                configDir.resolve(COMMISSION_TIERS_FILE),
                List.of("plan_id", "min_attainment", "multiplier")),
            planIds);
    SettingsLoader.checkBaselinePlan(settingsFile, settings, planIds);
    return new Definitions(settings, channels, plans, tiers);
  }

  /** Plan ids in the order they are first listed. */
  static Set<String> planIds(List<CommissionPlanRow> plans) {
    Set<String> ids = new LinkedHashSet<>();
    plans.forEach(plan -> ids.add(plan.planId()));
    return ids;
  }

  // ---------------------------------------------------------------- channel definitions

  static List<ChannelDefinition> channelDefinitions(ConfigCsvFile file) {
    List<ChannelDefinition> definitions = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      String source = row.requiredCode("order_source");
      String groupText = row.requiredCode("channel_group");
      Channel group = channel(groupText);
      if (group == null) {
        throw row.problem(
            "channel_group " + ConfigRow.quote(row.text("channel_group"))
                + " is not ONLINE or SALES_ASSISTED");
      }
      String definition = row.requiredText("definition");
      Long first = firstLine.putIfAbsent(source, row.line());
      if (first != null) {
        throw row.problem(
            "duplicate order_source " + source + " (first defined on line " + first
                + "; codes ignore case)");
      }
      definitions.add(new ChannelDefinition(source, group, definition));
    }
    if (definitions.isEmpty()) {
      throw file.problem(
          "no order sources are defined: every order would be rejected as unknown_order_source");
    }
    return List.copyOf(definitions);
  }

  private static Channel channel(String code) {
    for (Channel channel : Channel.values()) {
      if (channel.name().equals(code)) {
        return channel;
      }
    }
    return null;
  }

  private static Segment segment(String code) {
    for (Segment segment : Segment.values()) {
      if (segment.isPlanSegment() && segment.name().equals(code)) {
        return segment;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- commission plans

  static List<CommissionPlanRow> commissionPlans(ConfigCsvFile file) {
    List<CommissionPlanRow> plans = new ArrayList<>();
    for (ConfigRow row : file.rows()) {
      String planId = row.requiredText("plan_id");
      LocalDate from = row.optionalDate("effective_from");
      LocalDate to = row.optionalDate("effective_to");
      if (from != null && to != null && from.isAfter(to)) {
        throw row.problem("effective_from " + from + " is after effective_to " + to);
      }
      String channelText = row.requiredCode("order_channel");
      Channel channel = null;
      if (!ANY.equals(channelText)) {
        channel = channel(channelText);
        if (channel == null) {
          throw row.problem(
              "unknown order_channel " + ConfigRow.quote(row.text("order_channel"))
                  + " (expected ONLINE, SALES_ASSISTED or * for any)");
        }
      }
      String segmentText = row.requiredCode("segment");
      Segment segment = null;
      if (!ANY.equals(segmentText)) {
        segment = segment(segmentText);
        if (segment == null) {
          throw row.problem(
              "unknown segment " + ConfigRow.quote(row.text("segment"))
                  + " (expected EXISTING, NEW_ONLINE, NEW_SALES_ASSISTED or * for any)");
        }
      }
      BigDecimal rate = row.requiredDecimal("rate", RATE_MAX_SCALE);
      if (rate.signum() < 0) {
        throw row.problem("negative rate " + row.text("rate"));
      }
      if (rate.compareTo(BigDecimal.ONE) > 0) {
        throw row.problem(
            "rate " + row.text("rate") + " is more than 1 (a rate is a fraction: write 5% as 0.05)");
      }
      boolean countsTowardQuota = row.bool("counts_toward_quota");
      CommissionPlanRow plan =
          new CommissionPlanRow(
              planId, from, to, channel, segment, rate, countsTowardQuota, row.line());
      for (CommissionPlanRow earlier : plans) {
        if (sameTarget(earlier, plan) && overlap(earlier, plan)) {
          throw row.problem(
              "plan " + planId + " has two rows for order_channel " + label(channel)
                  + " and segment " + label(segment) + " in force on the same days: "
                  + range(plan) + " overlaps " + range(earlier) + " of line "
                  + earlier.sourceLine());
        }
      }
      plans.add(plan);
    }
    return List.copyOf(plans);
  }

  private static boolean sameTarget(CommissionPlanRow a, CommissionPlanRow b) {
    return a.planId().equals(b.planId())
        && a.orderChannel() == b.orderChannel()
        && a.segment() == b.segment();
  }

  /** Inclusive ranges, null = open: they share a day unless one ends before the other starts. */
  static boolean overlap(CommissionPlanRow a, CommissionPlanRow b) {
    return !endsBefore(a.effectiveTo(), b.effectiveFrom()) && !endsBefore(b.effectiveTo(), a.effectiveFrom());
  }

  private static boolean endsBefore(LocalDate to, LocalDate from) {
    return to != null && from != null && to.isBefore(from);
  }

  private static String range(CommissionPlanRow plan) {
    return (plan.effectiveFrom() == null ? "(open start)" : plan.effectiveFrom().toString())
        + " to "
        + (plan.effectiveTo() == null ? "(open end)" : plan.effectiveTo().toString());
  }

  private static String label(Enum<?> value) {
    return value == null ? ANY : value.name();
  }

  // ---------------------------------------------------------------- commission tiers

  static List<CommissionTier> commissionTiers(ConfigCsvFile file, Set<String> planIds) {
    record Located(CommissionTier tier, long line) {}
    List<Located> tiers = new ArrayList<>();
    Map<List<Object>, Long> firstLine = new HashMap<>();
    for (ConfigRow row : file.rows()) {
      String planId = row.requiredText("plan_id");
      BigDecimal minAttainment = row.requiredDecimal("min_attainment", ATTAINMENT_MAX_SCALE);
      BigDecimal multiplier = row.requiredDecimal("multiplier", MULTIPLIER_MAX_SCALE);
      if (multiplier.signum() < 0) {
        throw row.problem("negative multiplier " + row.text("multiplier"));
      }
      if (multiplier.compareTo(MULTIPLIER_LIMIT) >= 0) {
        throw row.problem("multiplier " + row.text("multiplier") + " is too large (below 100000)");
      }
      if (!planIds.contains(planId)) {
        throw row.problem(
            "tier for plan " + ConfigRow.quote(planId) + ", which " + COMMISSION_PLANS_FILE
                + " does not list (plan ids are case-sensitive)");
      }
      Long first =
          firstLine.putIfAbsent(List.of(planId, minAttainment.stripTrailingZeros()), row.line());
      if (first != null) {
        throw row.problem(
            "duplicate tier: plan " + planId + " already has min_attainment "
                + row.text("min_attainment") + " on line " + first);
      }
      tiers.add(new Located(new CommissionTier(planId, minAttainment, multiplier), row.line()));
    }
    Map<String, List<Located>> byPlan = new HashMap<>();
    tiers.forEach(t -> byPlan.computeIfAbsent(t.tier().planId(), k -> new ArrayList<>()).add(t));
    // Report the earliest offending line of the file, whichever plan it belongs to.
    Located worst = null;
    Located worstLower = null;
    for (List<Located> planTiers : byPlan.values()) {
      List<Located> sorted = new ArrayList<>(planTiers);
      sorted.sort(Comparator.comparing(t -> t.tier().minAttainment()));
      for (int i = 1; i < sorted.size(); i++) {
        Located lower = sorted.get(i - 1);
        Located higher = sorted.get(i);
        if (higher.tier().multiplier().compareTo(lower.tier().multiplier()) < 0
            && (worst == null || higher.line() < worst.line())) {
          worst = higher;
          worstLower = lower;
        }
      }
    }
    if (worst != null) {
      CommissionTier high = worst.tier();
      CommissionTier low = Objects.requireNonNull(worstLower).tier();
      throw ConfigurationException.at(
          file.fileName(),
          worst.line(),
          "multipliers of plan " + high.planId() + " fall as min_attainment rises: multiplier "
              + high.multiplier().toPlainString() + " at min_attainment "
              + high.minAttainment().toPlainString() + " is below multiplier "
              + low.multiplier().toPlainString() + " at min_attainment "
              + low.minAttainment().toPlainString() + " (line " + worstLower.line() + ")");
    }
    return tiers.stream().map(Located::tier).toList();
  }
}
