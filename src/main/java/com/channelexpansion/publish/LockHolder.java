package com.channelexpansion.publish;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a warehouse lock: host, pid, the process's start instant, and a scope naming the
 * process table the pid belongs to (Linux boot id and pid namespace).
 *
 * <p>Why the scope: a host name and a pid do not name a process. Containers often share a fixed
 * host name and all run as pid 1, so "same host, pid alive" said nothing about the holder and
 * once kept a dead run's lock forever. A pid is only compared when the scope matches (same
 * kernel boot, same pid namespace), and then the start instant catches a reused pid. Danger: the
 * scope is empty where /proc is missing (not Linux); then no pid is ever trusted and a crashed
 * run's lock is only taken over once its heartbeat is stale.
 */
record LockHolder(String host, long pid, Instant processStart, String scope) {

  /** This process. */
  static LockHolder current() throws IOException {
    ProcessHandle self = ProcessHandle.current();
    return new LockHolder(
        InetAddress.getLocalHost().getHostName(),
        self.pid(),
        self.info().startInstant().orElse(null),
        scopeOfThisProcess());
  }

  /**
   * True only when {@code other} runs in this process table and its process is gone (or its pid
   * now names a process started at another instant). False whenever that cannot be known.
   */
  boolean seesGone(LockHolder other) {
    if (scope.isEmpty() || !scope.equals(other.scope) || !host.equals(other.host)) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(other.pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    Optional<Instant> started = process.get().info().startInstant();
    return other.processStart != null
        && started.isPresent()
        && !started.get().equals(other.processStart);
  }

  private static String scopeOfThisProcess() {
    try {
      String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
      String pidNamespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
      return bootId + "/" + pidNamespace;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return "";
    }
  }
}
