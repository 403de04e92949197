package com.channelexpansion.ingest;

/** The run read too many bad rows to be trusted; nothing new was published. */
public class DataQualityGateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataQualityGateException(String message) {
    super(message);
  }
}
