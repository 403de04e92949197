package com.channelexpansion.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.SmallSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
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

  /**
   * A local file system whose folder renames out of staging stop, as a killed run on an object
   * store would, after moving the first file: the rest of the folder is still staged.
   */
  private static final class HalfRenamingFileSystem extends FilterFileSystem {
    HalfRenamingFileSystem(FileSystem local) {
      super(local);
    }

    @Override
    public boolean rename(org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
      if (!from.toString().contains("_staging") || !getFileStatus(from).isDirectory()) {
        return super.rename(from, to);
      }
      FileStatus first = listStatus(from)[0];
      mkdirs(to);
      super.rename(first.getPath(), new org.apache.hadoop.fs.Path(to, first.getPath().getName()));
      throw new IllegalStateException("killed inside the rename of " + from);
    }
  }

  @Test
  void recoveryFinishesARenameAnObjectStoreLeftHalfDone() throws IOException {
    write("table/part-1", "old table, second file");
    write("_staging/r1/table/part-1", "new table, second file");
    FileSystem halfRenaming = new HalfRenamingFileSystem(fs);
    assertThrows(
        IllegalStateException.class,
        () -> PublishJournal.commit(halfRenaming, journal, "r1", moves(), () -> {}));
    assertEquals(1, SmallSamples.files(dir.resolve("table")).size(), "killed with one file moved");

    assertEquals(1, PublishJournal.recover(fs, journal));
    assertEquals("new table", read("table/part-0"));
    assertEquals("new table, second file", read("table/part-1"));
    assertEquals("new state", read("state.json"));
    assertFalse(Files.exists(dir.resolve("_staging/r1/table")), "nothing left staged");
    assertFalse(Files.exists(dir.resolve("_journal")), "journal and its markers removed");
  }

  /** A local file system that records its renames and deletes, relative to the test's folder. */
  private final class RecordingFileSystem extends FilterFileSystem {
    final List<String> events = new ArrayList<>();
    private final String markerToFail;

    RecordingFileSystem(FileSystem local, String markerToFail) {
      super(local);
      this.markerToFail = markerToFail;
    }

    private String relative(org.apache.hadoop.fs.Path path) {
      return dir.toUri().relativize(path.toUri()).getPath();
    }

    @Override
    public boolean rename(org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to) throws IOException {
      if (relative(to).equals(markerToFail)) {
        throw new IllegalStateException("killed before " + markerToFail + " was placed");
      }
      events.add("rename " + relative(from) + " -> " + relative(to));
      return super.rename(from, to);
    }

    @Override
    public boolean delete(org.apache.hadoop.fs.Path path, boolean recursive) throws IOException {
      events.add("delete " + relative(path));
      return super.delete(path, recursive);
    }
  }

  @Test
  void aFoldersSuccessMarkerIsWithdrawnFirstAndPlacedLast() throws IOException {
    write("table/_SUCCESS", "");
    write("_staging/r1/table/_SUCCESS", "");
    RecordingFileSystem recording = new RecordingFileSystem(fs, "");
    PublishJournal.commit(recording, journal, "r1", moves(), () -> {});
    List<String> events = recording.events;
    int withdrawn = events.indexOf("delete table/_SUCCESS");
    int putAside = events.indexOf("rename table -> _replaced/r1/table");
    int moved = events.indexOf("rename _staging/r1/table -> table");
    int placed = events.indexOf("rename _journal/r1.json.success-0 -> table/_SUCCESS");
    assertTrue(withdrawn >= 0 && withdrawn < putAside, "the old marker goes before the old folder: " + events);
    assertTrue(moved >= 0 && moved < placed, "the new marker comes after the new folder: " + events);
    assertTrue(Files.exists(dir.resolve("table/_SUCCESS")));
    assertEquals("new table", read("table/part-0"));
    assertFalse(Files.exists(dir.resolve("_journal")), "nothing held back is left");
  }

  @Test
  void aRunKilledBeforeTheMarkerIsPlacedIsCompletedByRecovery() throws IOException {
    write("_staging/r1/table/_SUCCESS", "");
    RecordingFileSystem failing = new RecordingFileSystem(fs, "table/_SUCCESS");
    assertThrows(
        IllegalStateException.class, () -> PublishJournal.commit(failing, journal, "r1", moves(), () -> {}));
    assertEquals("new table", read("table/part-0"), "the folder moved");
    assertFalse(Files.exists(dir.resolve("table/_SUCCESS")), "a reader still waits");

    assertEquals(1, PublishJournal.recover(fs, journal));
    assertTrue(Files.exists(dir.resolve("table/_SUCCESS")), "the next run places the marker");
    assertEquals("new state", read("state.json"));
    assertFalse(Files.exists(dir.resolve("_journal")));
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
