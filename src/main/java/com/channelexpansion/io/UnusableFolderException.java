package com.channelexpansion.io;

/**
 * A folder the job must read or write but cannot (permission denied, a read-only mount, a
 * Hadoop URI that does not exist): the run stops with exit code 3 before it changes anything,
 * naming the folder and what to do.
 */
public class UnusableFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnusableFolderException(String message, Throwable cause) {
    super(message, cause);
  }
}
