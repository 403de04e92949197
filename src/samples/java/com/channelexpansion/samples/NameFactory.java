package com.channelexpansion.samples;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Fictional, unique company and person names built from word lists (no real parties). */
final class NameFactory {

  private static final List<String> PLACES =
      List.of(
          "Granite", "Harbor", "Lakeside", "Prairie", "Summit", "Cedar", "Riverbend", "Ironwood",
          "Bluestone", "Northgate", "Oakfield", "Redrock", "Silverline", "Westbrook", "Elmhurst",
          "Maple Grove", "Copper Creek", "Sandpoint", "Highland", "Pinecrest", "Stonebridge",
          "Fairview", "Brookside", "Eastwind", "Kingsport", "Millbrook", "Foxhill", "Clearwater",
          "Ashford", "Bayview", "Thornton", "Wildrose");
  private static final List<String> TRADES =
      List.of(
          "Supply", "Industrial", "Fasteners", "Mechanical", "Electric", "Plumbing", "Builders",
          "Facilities", "Machining", "Hydraulics", "Packaging", "Fabrication", "HVAC", "Tooling",
          "Welding", "Logistics", "Maintenance", "Controls", "Pumps", "Safety");
  private static final List<String> FORMS =
      List.of("Co.", "LLC", "Inc.", "Group", ", Inc.", "& Sons", "Partners", "Ltd.", "Corp.", "");
  private static final List<String> FIRST =
      List.of(
          "Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn", "Harper", "Rowan", "Emerson",
          "Reese", "Skyler", "Dakota", "Finley", "Hayden", "Kendall", "Logan", "Parker", "Sawyer",
          "Taylor", "Blake", "Drew", "Jamie");
  private static final List<String> LAST =
      List.of(
          "Stone", "Brooks", "Hale", "Mercer", "Vance", "Whitlock", "Calder", "Prescott", "Langley",
          "Ashby", "Holloway", "Kessler", "Marlow", "Dalton", "Pryor", "Sutter", "Winslow",
          "Garrity", "Lockhart", "Ellison", "Fairbanks", "Thorne");

  private final SplittableRandom random;
  private final Set<String> used = new HashSet<>();

  NameFactory(SplittableRandom random) {
    this.random = random;
  }

  String companyName() {
    for (int attempt = 0; ; attempt++) {
      String form = pick(FORMS);
      String base = pick(PLACES) + " " + pick(TRADES);
      String name = form.isEmpty() ? base : form.startsWith(",") ? base + form : base + " " + form;
      if (attempt > 20) {
        name = name + " " + (attempt - 19);
      }
      if (used.add(name)) {
        return name;
      }
    }
  }

  String personName() {
    for (int attempt = 0; ; attempt++) {
      String name = pick(FIRST) + " " + pick(LAST);
      if (used.add(name)) {
        return name;
      }
    }
  }

  private String pick(List<String> words) {
    return words.get(random.nextInt(words.size()));
  }
}
