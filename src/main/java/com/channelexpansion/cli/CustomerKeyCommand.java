package com.channelexpansion.cli;

import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.ingest.formats.CustomerIdentity;
import com.channelexpansion.ingest.formats.CustomerPseudonymizer;
import com.channelexpansion.ingest.formats.SourceDefinitions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code customer-key}: prints the customer_id a pseudonymizing source (Shopify) gives each
 * identity read on standard input, so that sales ops can fill accounts.csv for customers the
 * warehouse only knows by pseudonym (PRODUCT.md, "Customer keys for reference data").
 *
 * <p>Input: one {@code kind:text} a line ({@link CustomerIdentity}); blank lines are skipped.
 * Output: {@code identity<TAB>customer_id} per identity, the identity echoed as given. A bad line
 * prints {@code channel-expansion: stdin line N: problem} on stderr; every line is processed and
 * the command then ends with exit code 3. Reads sources.csv only: no Spark, no warehouse, no lock.
 */
@Command(
    name = "customer-key",
    mixinStandardHelpOptions = true,
    description = {
      "Print the customer_id a Shopify source gives each identity read on standard input, one"
          + " kind:text a line (email:..., company:..., name:...), as identity<TAB>customer_id.",
      "Exit code 3 when a line is not kind:text (every line is still processed)."
    })
final class CustomerKeyCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      defaultValue = "data-samples/config",
      description = "Folder with sources.csv, whose shopify rows hold the customer keys (default: ${DEFAULT-VALUE}).")
  String config;

  @Option(
      names = "--folder",
      description = "The source folder (as sources.csv names it) whose key to use; needed when several folders pseudonymize.")
  String folder;

  @ParentCommand ChannelExpansion parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CustomerPseudonymizer key = key();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int bad = 0;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(parent.in(), StandardCharsets.UTF_8));
    long number = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      String identity = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
      if (identity.isBlank()) {
        continue;
      }
      try {
        out.println(identity + "\t" + CustomerIdentity.parse(identity).customerId(key));
      } catch (IllegalArgumentException e) {
        err.println("channel-expansion: stdin line " + number + ": " + e.getMessage());
        bad++;
      }
    }
    out.flush();
    err.flush();
    return bad == 0 ? ExitCode.SUCCESS : ExitCode.CONFIGURATION;
  }

  /** The key of --folder, or of the only pseudonymizing folder when --folder is not given. */
  private CustomerPseudonymizer key() {
    Path configDir = Path.of(config);
    if (!Files.isDirectory(configDir)) {
      throw new ParameterException(
          spec.commandLine(), "--config " + config + " is not a folder");
    }
    Map<String, CustomerPseudonymizer> keys = SourceDefinitions.load(configDir).customerKeys();
    if (keys.isEmpty()) {
      throw new ConfigurationException(
          "Cannot give customer keys: " + configDir.resolve(SourceDefinitions.FILE_NAME)
              + " names no shopify folder (only pseudonymized sources have customer keys)");
    }
    if (folder == null) {
      if (keys.size() > 1) {
        throw new ParameterException(
            spec.commandLine(),
            "Several folders pseudonymize customers: choose one with --folder (" + names(keys) + ")");
      }
      return keys.values().iterator().next();
    }
    String wanted = SourceDefinitions.folderName(folder);
    return keys.entrySet().stream()
        .filter(entry -> SourceDefinitions.folderName(entry.getKey()).equals(wanted))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "--folder " + folder + " is not a shopify folder of sources.csv (" + names(keys) + ")"));
  }

  private static String names(Map<String, CustomerPseudonymizer> keys) {
    return String.join(", ", keys.keySet());
  }
}
