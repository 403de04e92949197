package com.channelexpansion.publish;

/** Another run holds the warehouse lock; this run changed nothing. */
public class LockHeldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LockHeldException(String message) {
    super(message);
  }
}
