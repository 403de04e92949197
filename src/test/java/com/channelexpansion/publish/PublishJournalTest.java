package com.channelexpansion.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several outputs published as one: a run killed at any point is completed by the next. */
class PublishJournalTest {
  @TempDir Path dir;
  private FileSystem fs;
  private org.apache.hadoop.fs.Path journal;

  @BeforeEach
  void setUp() throws IOException {
    fs = FileSystem.getLocal(new Configuration());
    journal = path("_journal");
    write("table/part-0", "old table");
    write("state.json", "old state");
    write("_staging/r1/table/part-0", "new table");
    write("_staging/r1/state.json", "new state");
  }

  private org.apache.hadoop.fs.Path path(String relative) {
    return new org.apache.hadoop.fs.Path(dir.resolve(relative).toUri());
  }

  private void write(String relative, String content) throws IOException {
    Files.createDirectories(dir.resolve(relative).getParent());
    Files.writeString(dir.resolve(relative), content);
  }

  private String read(String relative) throws IOException {
    return Files.readString(dir.resolve(relative));
  }

  private List<PublishJournal.Move> moves() {
    return List.of(
        PublishJournal.Move.of(path("_staging/r1/table"), path("table"), path("_replaced/r1/table")),
        PublishJournal.Move.of(path("_staging/r1/state.json"), path("state.json"), path("_replaced/r1/state.json")));
  }

  @Test
  void commitPutsEveryStagedOutputInPlace() throws IOException {
    PublishJournal.commit(fs, journal, "r1", moves(), () -> {});
    assertEquals("new table", read("table/part-0"));
    assertEquals("new state", read("state.json"));
    assertFalse(Files.exists(dir.resolve("_replaced/r1/table")), "old versions deleted");
    assertFalse(Files.exists(dir.resolve("_journal")), "journal removed when done");
    assertFalse(Files.exists(dir.resolve("_replaced")), "nothing of the job's own left behind");
  }

  @Test
  void aRunKilledRightAfterTheCommitPointIsCompletedByRecovery() throws IOException {
    assertThrows(
        IllegalStateException.class,
        () -> PublishJournal.commit(fs, journal, "r1", moves(), () -> {
          throw new IllegalStateException("killed");
        }));
    assertEquals("old table", read("table/part-0"), "nothing moved yet");
    assertEquals(1, PublishJournal.recover(fs, journal));
    assertEquals("new table", read("table/part-0"));
    assertEquals("new state", read("state.json"));
    assertEquals(0, PublishJournal.recover(fs, journal), "nothing left to do");
  }

  @Test
  void recoveryFinishesAMoveKilledHalfWay() throws IOException {
    assertThrows(
        IllegalStateException.class,
        () -> PublishJournal.commit(fs, journal, "r1", moves(), () -> {
          throw new IllegalStateException("killed");
        }));
    // As if killed after the first table moved and the state was put aside, not yet replaced.
    Files.move(dir.resolve("table"), dir.resolve("aside-table"));
    Files.move(dir.resolve("_staging/r1/table"), dir.resolve("table"));
    Files.createDirectories(dir.resolve("_replaced/r1"));
    Files.move(dir.resolve("state.json"), dir.resolve("_replaced/r1/state.json"));
    PublishJournal.recover(fs, journal);
    assertEquals("new table", read("table/part-0"));
    assertEquals("new state", read("state.json"));
    assertFalse(Files.exists(dir.resolve("_replaced/r1/state.json")));
  }

  @Test
  void anUncommittedJournalIsDroppedAndChangesNothing() throws IOException {
    write("_journal/.r1.json.tmp", "[{\"staged\":\"x\"");
    assertEquals(0, PublishJournal.recover(fs, journal));
    assertEquals("old table", read("table/part-0"));
    assertFalse(Files.exists(dir.resolve("_journal/.r1.json.tmp")));
    assertTrue(Files.exists(dir.resolve("_staging/r1/table")), "staging is the caller's to clear");
  }
}
