package com.channelexpansion.publish;

import com.channelexpansion.io.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes several staged folders and files as one change. The run first writes every output to
 * staging, then commits by writing a journal that lists the moves (the commit point: the journal
 * appears by an atomic rename), then performs them. Each move puts the old version aside, renames
 * the staged one into place and, once all moves are done, deletes what was put aside.
 *
 * <p>A run killed before the commit point changed nothing published; one killed after it is rolled
 * forward by {@link #recover} at the start of the next run, whose outputs are then those of a run
 * that was never interrupted. Moves are idempotent, so recovery may itself be interrupted.
 * On object stores a rename is a copy, file by file: there a reader may see a table half replaced
 * while the moves run (docs/operations.md), and a run killed inside a rename leaves the new version
 * split between staging and target. A marker written before each rename tells recovery so: it
 * then merges the rest into the target instead of putting the target aside as an old version.
 * A folder's {@code _SUCCESS} is removed from the old version first and put in the new one last,
 * so a reader that waits for it never reads a folder being replaced.
 */
public final class PublishJournal {
  private static final String SUFFIX = ".json";

  private PublishJournal() {}

  /**
   * One staged folder or file to put in place of {@code target}, the old one going to {@code
   * aside}; an empty {@code staged} removes {@code target} (a partition left with no rows).
   */
  public record Move(String staged, String target, String aside) {
    public static Move of(Path staged, Path target, Path aside) {
      return new Move(staged.toString(), target.toString(), aside.toString());
    }

    public static Move removal(Path target, Path aside) {
      return new Move("", target.toString(), aside.toString());
    }

    boolean removes() {
      return staged.isEmpty();
    }
  }

  /**
   * Commits and performs {@code moves}.
   *
   * @param journalDir folder holding journals, e.g. {@code <warehouse>/_journal}
   * @param afterCommit called once the journal is written, before any move (fault injection)
   */
  public static void commit(
      FileSystem fs, Path journalDir, String runId, List<Move> moves, Runnable afterCommit)
      throws IOException {
    fs.mkdirs(journalDir);
    Path pending = new Path(journalDir, "." + runId + SUFFIX + ".tmp");
    try (OutputStream out = fs.create(pending, true)) {
      out.write(Json.COMPACT.writeValueAsBytes(moves));
    }
    Path journal = new Path(journalDir, runId + SUFFIX);
    if (!fs.rename(pending, journal)) {
      throw new IOException("Cannot publish: cannot commit the journal (" + journal + ")");
    }
    afterCommit.run();
    apply(fs, journal, moves);
  }

  /**
   * Completes every committed journal under {@code journalDir} (oldest first) and drops
   * uncommitted ones. Call it under the warehouse lock, before anything else.
   *
   * @return the number of journals completed
   */
  public static int recover(FileSystem fs, Path journalDir) throws IOException {
    if (!fs.exists(journalDir)) {
      return 0;
    }
    FileStatus[] entries = fs.listStatus(journalDir);
    Arrays.sort(entries, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    int completed = 0;
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (name.endsWith(".tmp")) {
        fs.delete(entry.getPath(), false);
      } else if (name.endsWith(SUFFIX)) {
        List<Move> moves;
        try (InputStream in = fs.open(entry.getPath())) {
          moves = Json.MAPPER.readValue(in, new TypeReference<List<Move>>() {});
        }
        apply(fs, entry.getPath(), moves);
        completed++;
      }
    }
    return completed;
  }

  private static void apply(FileSystem fs, Path journal, List<Move> moves) throws IOException {
    List<Path> asides = new ArrayList<>();
    List<Path> markers = new ArrayList<>();
    for (int index = 0; index < moves.size(); index++) {
      Move move = moves.get(index);
      Path target = new Path(move.target());
      Path aside = new Path(move.aside());
      asides.add(aside);
      if (move.removes()) {
        if (fs.exists(target)) {
          putAside(fs, target, aside);
        }
        continue;
      }
      Path staged = new Path(move.staged());
      Path renaming = new Path(journal.getParent(), journal.getName() + ".renaming-" + index);
      Path heldSuccess = new Path(journal.getParent(), journal.getName() + ".success-" + index);
      markers.add(renaming);
      if (!fs.exists(staged)) {
        placeSuccessLast(fs, heldSuccess, target); // moved already; its marker may not be
        continue;
      }
      // A folder's _SUCCESS is held out of the rename and put in place after it: an object
      // store copies file by file, in no set order, and a reader waits for the marker.
      Path stagedSuccess = new Path(staged, ReportsLayout.SUCCESS_MARKER);
      if (fs.exists(stagedSuccess)) {
        rename(fs, stagedSuccess, heldSuccess);
      }
      if (fs.exists(renaming)) {
        // The rename had begun: on an object store it copies file by file, so the target may
        // hold part of the new version and the staged folder the rest. Never put that aside.
        mergeInto(fs, staged, target);
        placeSuccessLast(fs, heldSuccess, target);
        continue;
      }
      fs.mkdirs(target.getParent());
      if (fs.exists(target)) {
        // The old version's marker goes first: a reader stops trusting the folder before it changes.
        fs.delete(new Path(target, ReportsLayout.SUCCESS_MARKER), false);
        putAside(fs, target, aside);
      }
      fs.create(renaming, true).close();
      rename(fs, staged, target);
      placeSuccessLast(fs, heldSuccess, target);
    }
    for (Path aside : asides) {
      fs.delete(aside, true);
      // Up to and including the job's own folder (its name starts with _), whatever was emptied.
      for (Path dir = aside.getParent(); dir != null; dir = dir.getParent()) {
        deleteIfEmpty(fs, dir);
        if (dir.getName().startsWith("_")) {
          break;
        }
      }
    }
    // Markers first: a journal without them is still completed correctly (nothing left staged).
    for (Path marker : markers) {
      fs.delete(marker, false);
    }
    fs.delete(journal, false);
    deleteIfEmpty(fs, journal.getParent());
  }

  /** Puts a folder's held {@code _SUCCESS} in place, once everything else of it is there. */
  private static void placeSuccessLast(FileSystem fs, Path heldSuccess, Path target) throws IOException {
    if (fs.exists(heldSuccess)) {
      rename(fs, heldSuccess, new Path(target, ReportsLayout.SUCCESS_MARKER));
    }
  }

  /**
   * Moves what is left of a staged file or folder into {@code target}, file by file, keeping what
   * an interrupted rename already put there (a file there is whole: object stores copy a file in
   * one step).
   */
  private static void mergeInto(FileSystem fs, Path staged, Path target) throws IOException {
    if (!fs.exists(target)) {
      fs.mkdirs(target.getParent());
      rename(fs, staged, target);
      return;
    }
    if (fs.getFileStatus(staged).isDirectory()) {
      for (FileStatus child : fs.listStatus(staged)) {
        mergeInto(fs, child.getPath(), new Path(target, child.getPath().getName()));
      }
      fs.delete(staged, true);
    } else {
      fs.delete(target, false);
      rename(fs, staged, target);
    }
  }

  private static void putAside(FileSystem fs, Path target, Path aside) throws IOException {
    if (fs.exists(aside)) {
      fs.delete(aside, true);
    }
    fs.mkdirs(aside.getParent());
    rename(fs, target, aside);
  }

  /** Removes a folder of the job's own once nothing is left in it, so readers see no clutter. */
  public static void deleteIfEmpty(FileSystem fs, Path folder) throws IOException {
    if (fs.exists(folder) && fs.listStatus(folder).length == 0) {
      fs.delete(folder, false);
    }
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Cannot publish: rename failed (" + from + " -> " + to + ")");
    }
  }
}
