package com.channelexpansion.config;

import static com.channelexpansion.config.ConfigFixtures.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCsvFileTest {

  @TempDir Path dir;

  private ConfigCsvFile read(String text, String... required) throws IOException {
    Path file = dir.resolve("some.csv");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return ConfigCsvFile.read(file, List.of(required));
  }

  @Test
  void readsBomCrlfCaseInsensitiveHeadersTrimmedValuesAndIgnoresExtraColumns() throws IOException {
    ConfigCsvFile file =
        read("\uFEFF Rep_ID ,\tNAME,extra\r\n R1 ,\t Ann \t,x\r\n", "rep_id", "name");
    assertEquals("some.csv", file.fileName());
    assertEquals(1, file.rows().size());
    ConfigRow row = file.rows().get(0);
    assertEquals(2, row.line());
    assertEquals("R1", row.text("rep_id"));
    assertEquals("Ann", row.text("name"));
    assertEquals("", row.text("not_in_header"));
  }

  @Test
  void lineNumbersArePhysicalLinesWhereRecordsStart() throws IOException {
    // line 1 header, 2 a, 3 blank, 4-5 a quoted value spanning two lines, 6 only spaces and
    // tabs, 7 a row of empty values (skipped), 8 c, ended by a lone CR, 9 d without line end.
    ConfigCsvFile file =
        read("k,v\na,1\r\n\r\n\"b\nb\",2\n \t \n,\nc,3\rd,4", "k", "v");
    List<ConfigRow> rows = file.rows();
    assertEquals(4, rows.size());
    assertEquals(List.of(2L, 4L, 8L, 9L), rows.stream().map(ConfigRow::line).toList());
    assertEquals("b\nb", rows.get(1).text("k"));
    assertEquals("d", rows.get(3).text("k"));
  }

  @Test
  void quotedValuesAreTrimmedAndOnlySpacesOrTabsCountAsBlank() throws IOException {
    ConfigRow row = read("a,b,c\n\" x \",\" \t \",\u00a0y\n", "a", "b", "c").rows().get(0);
    assertEquals("x", row.text("a"));
    assertEquals("", row.text("b"));
    assertEquals(null, row.optionalText("b"));
    assertEquals("\u00a0y", row.text("c")); // a no-break space is not a space or tab
  }

  @Test
  void ofTwoColumnsWithTheSameNameTheFirstCounts() throws IOException {
    ConfigRow row = read("id,ID\nfirst,second\n", "id").rows().get(0);
    assertEquals("first", row.text("id"));
  }

  @Test
  void blankLinesBeforeTheHeaderAreSkipped() throws IOException {
    ConfigCsvFile file = read("\n\nid\nx\n", "id");
    assertEquals(3, file.headerLine());
    assertEquals(4, file.rows().get(0).line());
  }

  @Test
  void missingColumnNamesTheHeaderLine() {
    assertProblem(() -> read("id,name\nx,y\n", "id", "region"), "some.csv", 1, "missing column region");
  }

  @Test
  void rowOfTheWrongWidthIsAnError() {
    assertProblem(
        () -> read("id,name\nx,y\n1,Smith, John\n", "id"),
        "some.csv",
        3,
        "this row has 3 values but the header has 2 columns");
  }

  @Test
  void unterminatedQuoteIsReportedWhereTheRecordStarts() {
    assertProblem(
        () -> read("id,name\nx,y\n\"z,w\nmore\n", "id"),
        "some.csv",
        3,
        "a quoted value is never closed");
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertProblem(
        () -> read("id,name\nx,y\n\"z\" w,v\n", "id"), "some.csv", 3, "text after a closing quote");
  }

  @Test
  void spacesAfterAClosingQuoteAreIgnored() throws IOException {
    assertEquals("z", read("id,name\n\"z\"  ,v\n", "id").rows().get(0).text("id"));
  }

  @Test
  void bytesThatAreNotUtf8AreReportedWithTheirLine() throws IOException {
    Path file = dir.resolve("latin1.csv");
    // line 1 header, line 2 fine, line 3 has 0xE9 ('é' in Latin-1), invalid in UTF-8.
    Files.write(file, new byte[] {'i', 'd', '\r', '\n', 'a', '\r', '\n', 'J', 'o', (byte) 0xE9, '\n'});
    assertProblem(
        () -> ConfigCsvFile.read(file, List.of("id")), "latin1.csv", 3, "not valid UTF-8");
  }

  @Test
  void emptyFileIsAnError() {
    assertProblem(() -> read("\uFEFF", "id"), "some.csv", 1, "the file is empty");
  }

  @Test
  void missingFileNamesTheFileAndSaysNotFound() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigCsvFile.read(dir.resolve("absent.csv"), List.of("id")));
    assertTrue(e.getMessage().startsWith("absent.csv: cannot read file: not found"), e.getMessage());
  }

  @Test
  void aFolderInPlaceOfTheFileCannotBeRead() throws IOException {
    Files.createDirectory(dir.resolve("folder.csv"));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> ConfigCsvFile.read(dir.resolve("folder.csv"), List.of("id")));
    assertTrue(e.getMessage().startsWith("folder.csv: cannot read file"), e.getMessage());
  }

  @Test
  void typedGettersReportColumnValueAndLine() throws IOException {
    ConfigCsvFile file = read("d,m,n,b\n2024-02-30,2024-13,1.5,maybe\n", "d", "m", "n", "b");
    ConfigRow row = file.rows().get(0);
    assertProblem(() -> row.optionalDate("d"), "some.csv", 2, "d \"2024-02-30\" is not a date");
    assertProblem(() -> row.requiredMonth("m"), "some.csv", 2, "m \"2024-13\" is not a month");
    assertProblem(() -> row.requiredDecimal("n", 0), "some.csv", 2, "n \"1.5\" must be a whole number");
    assertProblem(() -> row.bool("b"), "some.csv", 2, "b \"maybe\" is not true/false");
    assertProblem(() -> row.requiredText("absent"), "some.csv", 2, "absent is empty");
  }

  @Test
  void booleansIgnoreCaseAndEmptyIsFalse() {
    for (String yes : List.of("true", "TRUE", "Yes", "1")) {
      assertEquals(Boolean.TRUE, ConfigRow.parseBoolean(yes), yes);
    }
    for (String no : List.of("false", "False", "NO", "0", "")) {
      assertEquals(Boolean.FALSE, ConfigRow.parseBoolean(no), no);
    }
    assertEquals(null, ConfigRow.parseBoolean("y"));
    assertEquals(null, ConfigRow.parseBoolean("2"));
  }
}
