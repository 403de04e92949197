package com.channelexpansion.ingest;

import java.io.Serializable;

/**
 * One export file found below --input.
 *
 * @param relativePath path relative to --input, '/'-separated: the file's name in outputs and ties
 * @param uri absolute Hadoop URI of the file, for reading on executors
 * @param sizeBytes length in bytes
 * @param sha256 hex SHA-256 of the file's bytes
 */
public record ExportFile(String relativePath, String uri, long sizeBytes, String sha256)
    implements Serializable {}
