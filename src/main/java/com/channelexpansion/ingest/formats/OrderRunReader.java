package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.CsvRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams a file's records as runs: adjacent records of one order are read together, so that
 * what belongs to the whole order (an order-level discount spread over its lines) can be
 * computed, while memory holds one order at a time, never the file.
 *
 * <p>Records come out in file order. A record whose key is null is a run of its own; a malformed
 * record does not break the run around it. An order whose records are not adjacent makes two
 * runs: subclasses treat only the first as the start of the order.
 */
abstract class OrderRunReader implements Iterator<SourceRecord> {
  private final DelimitedFile file;
  private final Deque<SourceRecord> ready = new ArrayDeque<>();
  private CsvRecord lookahead;

  OrderRunReader(DelimitedFile file) {
    this.file = file;
  }

  /** The order a well-formed record belongs to, or null when it names none. */
  protected abstract String orderKey(List<String> fields);

  /** The record standing for a malformed record (its detail says what is wrong with it). */
  protected abstract SourceRecord malformed(CsvRecord record);

  /** One record for each of a run of adjacent well-formed records of one order, in file order. */
  protected abstract List<SourceRecord> readRun(List<CsvRecord> run);

  protected final DelimitedFile file() {
    return file;
  }

  @Override
  public boolean hasNext() {
    return !ready.isEmpty() || fill();
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  private boolean fill() {
    List<CsvRecord> run = new ArrayList<>();
    List<CsvRecord> wellFormed = new ArrayList<>();
    String runKey = null;
    while (lookahead != null || file.hasNext()) {
      CsvRecord record = lookahead != null ? lookahead : file.next();
      lookahead = null;
      if (record.malformed()) {
        run.add(record);
        continue;
      }
      String key = orderKey(record.fields());
      if (!wellFormed.isEmpty() && (key == null || !key.equals(runKey))) {
        lookahead = record;
        break;
      }
      run.add(record);
      wellFormed.add(record);
      runKey = key;
      if (key == null) {
        break;
      }
    }
    Iterator<SourceRecord> read =
        wellFormed.isEmpty() ? List.<SourceRecord>of().iterator() : readRun(wellFormed).iterator();
    for (CsvRecord record : run) {
      ready.add(record.malformed() ? malformed(record) : read.next());
    }
    return !ready.isEmpty();
  }
}
