package com.channelexpansion.pages;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The customer names of data-samples/reference/accounts.csv: text no page may show. */
final class SampleAccounts {
  private SampleAccounts() {}

  static List<String> customerNames() {
    try (Reader reader = Files.newBufferedReader(Path.of("data-samples/reference/accounts.csv"))) {
      List<String> names = new ArrayList<>();
      for (CSVRecord record :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        String name = record.get("customer_name").trim();
        if (name.length() > 3) {
          names.add(name);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
