package com.channelexpansion.publish;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The storage operations of the lock on its folder of {@code lock-<generation>.json} files, on
 * any Hadoop file system. Only three of them matter for safety, and each is one atomic step on
 * local disks, HDFS and object stores with conditional writes: create-if-absent of a new
 * generation (on S3A a PUT with If-None-Match, docs/operations.md "S3"), whole rewrite of one's
 * own generation, delete of one's own generation.
 *
 * <p>Danger: Hadoop's local file system checks then creates, which is not atomic; local paths
 * therefore go through java.nio ({@code CREATE_NEW}, O_EXCL). No operation here renames a file
 * onto a name another run may create.
 */
final class LockFolder {
  private static final Pattern NAME = Pattern.compile("lock-(\\d+)\\.json");

  private final FileSystem fs;
  private final Path folder;

  LockFolder(FileSystem fs, Path folder) {
    this.fs = fs;
    this.folder = folder;
  }

  Path folder() {
    return folder;
  }

  Path file(long generation) {
    return new Path(folder, String.format("lock-%010d.json", generation));
  }

  /** Generation numbers present, in no particular order; empty when the folder is missing. */
  List<Long> generations() throws IOException {
    List<Long> generations = new ArrayList<>();
    FileStatus[] files;
    try {
      files = fs.listStatus(folder);
    } catch (FileNotFoundException e) {
      return generations;
    }
    for (FileStatus file : files) {
      Matcher name = NAME.matcher(file.getPath().getName());
      if (name.matches()) {
        generations.add(Long.parseLong(name.group(1)));
      }
    }
    return generations;
  }

  /** The highest generation present, or 0 when there is none. */
  long highest() throws IOException {
    return generations().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** The bytes of a generation file; empty when it is gone. */
  Optional<byte[]> read(long generation) throws IOException {
    try (InputStream in = fs.open(file(generation))) {
      return Optional.of(in.readAllBytes());
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** When a generation file last changed; empty when it is gone. */
  Optional<Instant> modified(long generation) throws IOException {
    try {
      return Optional.of(Instant.ofEpochMilli(fs.getFileStatus(file(generation)).getModificationTime()));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Creates a generation file if no file of that name exists: false when one does. */
  boolean create(long generation, byte[] content) throws IOException {
    Path path = file(generation);
    if (isLocal()) {
      try {
        // Made again here: a run retiring an old-format lock may have removed the empty folder.
        Files.createDirectories(local(folder));
        Files.write(local(path), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      }
    }
    // S3A (Hadoop 3.4.2+) checks then PUTs unless asked for a conditional PUT (If-None-Match: *);
    // stores that do not know the option (HDFS: create is atomic there) ignore an opt().
    FSDataOutputStreamBuilder<?, ?> createIfAbsent = fs.createFile(path).overwrite(false).recursive();
    createIfAbsent.opt(Options.CreateFileOptionKeys.FS_OPTION_CREATE_CONDITIONAL_OVERWRITE, true);
    try (OutputStream out = createIfAbsent.build()) {
      out.write(content);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // A lost conditional PUT fails at close (S3A: RemoteFileChangedException, HTTP 412), and
      // some stores report it as a generic error: the name is taken.
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Replaces the content of this run's own generation file. Locally through a temporary file
   * renamed over it (readers never see it half written); elsewhere one overwrite (a whole PUT on
   * object stores). The temporary name carries the run id, so it is nobody else's.
   */
  void rewriteOwn(long generation, String runId, byte[] content) throws IOException {
    Path path = file(generation);
    if (isLocal()) {
      java.nio.file.Path temp = local(new Path(folder, "." + path.getName() + "." + runId + ".tmp"));
      Files.write(temp, content);
      Files.move(temp, local(path), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (OutputStream out = fs.create(path, true)) {
      out.write(content);
    }
  }

  /** Deletes one generation file; call it only for one's own or for one known to be dead. */
  void delete(long generation) throws IOException {
    fs.delete(file(generation), false);
  }

  private boolean isLocal() {
    return "file".equals(fs.getUri().getScheme());
  }

  private java.nio.file.Path local(Path path) {
    return java.nio.file.Path.of(fs.makeQualified(path).toUri());
  }
}
