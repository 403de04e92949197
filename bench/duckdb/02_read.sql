-- Step 2: read the order exports into records, with the contract's CSV rules.
-- PRODUCT.md "Inputs / Order exports" and "Precise rules / Reading".
--
-- DuckDB's read_csv is not used for the exports, because it cannot follow these rules: in
-- strict mode it rejects a space or tab after a closing quote (`"C01220" ,`, accepted by the
-- contract); a malformed record cannot be rejected as its first physical line alone with
-- reading resumed on the next line; its sniffer gives up on a file holding `"C00009"x`; the 38
-- header layouts of the samples (shuffled, upper/Title case, padded) need union_by_name, which
-- cannot be combined with its rejects table; and rows carry no physical line number (the
-- duplicate rule's last tie-break). So the files are read whole (read_blob), cut into physical
-- lines, and the RFC 4180 records assembled in SQL with regular expressions (RE2), as the
-- contract says. The configuration files (step 1) are read with read_csv.

-- 2a. Files: every *.csv (suffix in any case) below --input, recursively, skipping files and
-- folders whose names start with '.' or '_'. A file's name is its path relative to --input.
CREATE TEMP TABLE export_files AS
SELECT file AS path, substr(file, length(getvariable('exports_dir')) + 2) AS source_file
FROM glob(getvariable('exports_dir') || '/**')
WHERE regexp_matches(file, '\.[cC][sS][vV]$')
  AND NOT regexp_matches(substr(file, length(getvariable('exports_dir')) + 2), '(^|/)[._]');
SET VARIABLE export_paths = (SELECT coalesce(list(path ORDER BY source_file), []::VARCHAR[]) FROM export_files);

-- 2b. Physical lines: CRLF, LF and a lone CR each end a line; a UTF-8 BOM is skipped at the very
-- start of a file. A file that is valid UTF-8 is split as text; a file that is not is split as
-- bytes (in hex, on byte boundaries) and each of its lines decoded alone: a line that is not
-- valid UTF-8 gets txt NULL (its record is malformed_row). Line numbers count every line.
CREATE TEMP VIEW export_lines AS
WITH blobs AS (
    SELECT f.source_file, b.content, try(decode(b.content)) AS text
    FROM read_blob(getvariable('export_paths')) b JOIN export_files f ON f.path = b.filename
), split AS (
    -- the last piece is what follows the last line end: empty, or a last line without one
    SELECT source_file, true AS utf8, string_split_regex(text, '\r\n|\r|\n') AS parts
    FROM blobs WHERE text IS NOT NULL
    UNION ALL
    SELECT source_file, false, regexp_extract_all(hex(content), '((?:[0-9A-F]{2})*?)(?:0D0A|0A|0D|$)', 1)
    FROM blobs WHERE text IS NULL
), trimmed AS (
    SELECT source_file, utf8, CASE WHEN parts[-1] = '' THEN parts[:-2] ELSE parts END AS parts FROM split
), numbered AS (
    SELECT source_file, utf8, generate_subscripts(parts, 1) AS line_no, unnest(parts) AS part FROM trimmed
)
SELECT source_file, line_no,
       CASE WHEN utf8 THEN (CASE WHEN line_no = 1 AND starts_with(part, chr(65279)) THEN part[2:] ELSE part END)
            ELSE try(decode(unhex(CASE WHEN line_no = 1 AND starts_with(part, 'EFBBBF') THEN part[7:] ELSE part END)))
       END AS txt
FROM numbered;

-- 2c. How each line parses when a record starts on it (s0):
--   'END'  the line is a whole record: fields separated by ',', a field quoted only when '"' is
--          its very first character ('""' escapes a quote), spaces and tabs allowed between a
--          closing quote and the next ',', a quote inside an unquoted field literal;
--   'OPEN' the line ends inside a quoted field (the record continues on the next line);
--   'ERR'  text after a closing quote, or not valid UTF-8 (malformed_row).
-- Blank lines (empty or only spaces and tabs) are not records but count for line numbers.
CREATE TEMP TABLE export_line_states AS
SELECT source_file, line_no, txt,
       coalesce(regexp_full_match(txt, '[ \t]*'), false) AS is_blank,
       CASE WHEN txt IS NULL THEN 'ERR'
            WHEN regexp_full_match(txt, '(?:"(?:[^"]|"")*"[ \t]*|(?:[^",][^,]*)?)(?:,(?:"(?:[^"]|"")*"[ \t]*|(?:[^",][^,]*)?))*') THEN 'END'
            WHEN regexp_full_match(txt, '(?:(?:"(?:[^"]|"")*"[ \t]*|(?:[^",][^,]*)?),)*"(?:[^"]|"")*') THEN 'OPEN'
            ELSE 'ERR' END AS s0
FROM export_lines;

-- 2d. Records that continue over several lines: from an 'OPEN' line, the following lines are
-- read inside the quoted field (s1) until one closes it and ends the record ('END'), goes on
-- ('OPEN'), or is malformed ('ERR'); the end of the file inside a quote is an unterminated
-- quoted field. Only well-formed spans are kept, with their text joined by line feeds.
CREATE TEMP TABLE export_spans AS
WITH opens AS (
    SELECT source_file, line_no AS k FROM export_line_states WHERE s0 = 'OPEN'
), follow AS (
    SELECT o.source_file, o.k, l.line_no,
           CASE WHEN l.txt IS NULL THEN 'ERR'
                WHEN regexp_full_match(l.txt, '(?:[^"]|"")*"[ \t]*(?:,(?:"(?:[^"]|"")*"[ \t]*|(?:[^",][^,]*)?))*') THEN 'END'
                WHEN regexp_full_match(l.txt, '(?:[^"]|"")*(?:"[ \t]*(?:,(?:"(?:[^"]|"")*"[ \t]*|(?:[^",][^,]*)?))*,"(?:[^"]|"")*)?') THEN 'OPEN'
                ELSE 'ERR' END AS s1
    FROM opens o JOIN export_line_states l ON l.source_file = o.source_file AND l.line_no > o.k
), ends AS (
    SELECT source_file, k, arg_min(line_no, line_no) FILTER (WHERE s1 <> 'OPEN') AS j,
           arg_min(s1, line_no) FILTER (WHERE s1 <> 'OPEN') AS j_state
    FROM follow GROUP BY source_file, k
)
SELECT e.source_file, e.k, e.j,
       (SELECT string_agg(l.txt, chr(10) ORDER BY l.line_no) FROM export_line_states l
        WHERE l.source_file = e.source_file AND l.line_no BETWEEN e.k AND e.j) AS txt
FROM ends e WHERE e.j_state = 'END';

-- 2e. Split a well-formed record into its values: a quoted value loses its quotes (and the
-- spaces or tabs after its closing quote), '""' becomes '"'; every value is trimmed of spaces and tabs.
CREATE OR REPLACE TEMP MACRO csv_values(record) AS
    list_transform(regexp_extract_all(',' || record, ',("(?:[^"]|"")*"[ \t]*|[^,]*)', 1),
                   lambda f: trim(CASE WHEN starts_with(f, '"')
                                       THEN replace(rtrim(f, E' \t')[2:-2], '""', '"')
                                       ELSE f END, E' \t'));
-- A value holding a control character (Unicode Cc) other than tab, or a line feed outside a
-- quoted value, makes the record malformed; checking the record's text checks every value.
CREATE OR REPLACE TEMP MACRO has_control_char(record) AS
    regexp_matches(record, '[\x00-\x08\x0B-\x1F\x{7F}-\x{9F}]');

-- 2f. The header: the file's first record after blank lines. Names are trimmed and compared
-- case-insensitively; of two columns with the same name the first counts (list_position).
-- A file with no record at all has no header: skipped (a warning). A header that is malformed
-- or not UTF-8 stops the run; a Shopify export (a `Lineitem quantity` column and no order_id)
-- in a canonical folder stops the run before any of its rows is used.
CREATE TEMP TABLE export_headers AS
WITH first_lines AS (
    SELECT source_file, min(line_no) AS header_line FROM export_line_states WHERE NOT is_blank GROUP BY source_file
)
SELECT f.source_file, f.header_line,
       CASE WHEN l.s0 = 'END' THEN l.txt ELSE s.txt END AS header_text,
       coalesce(s.j, f.header_line) AS header_end,
       list_transform(csv_values(header_text), lambda n: lower(n)) AS names
FROM first_lines f
JOIN export_line_states l ON l.source_file = f.source_file AND l.line_no = f.header_line
LEFT JOIN export_spans s ON s.source_file = f.source_file AND s.k = f.header_line;
SELECT error('configuration: ' || source_file || ' line ' || header_line || ': the header cannot be read (malformed or not UTF-8)')
FROM (FROM export_headers WHERE header_text IS NULL OR has_control_char(header_text) ORDER BY source_file LIMIT 1);
SELECT error('configuration: ' || source_file || ': a Shopify export in a canonical folder (a Lineitem quantity column and no order_id)')
FROM (FROM export_headers WHERE list_contains(names, 'lineitem quantity') AND NOT list_contains(names, 'order_id')
      ORDER BY source_file LIMIT 1);

-- 2g. Which lines start a record. A malformed record (also one spanning several lines: width
-- other than the header's, a control character) is rejected as its first line alone and
-- reading resumes on the next line; only a well-formed multi-line record covers the lines after
-- its first. Whether a span is a record depends on whether its first line is itself covered
-- by an earlier one, so the spans of a file are walked in order (a recursive CTE over the few
-- multi-line records).
CREATE TEMP TABLE export_real_spans AS
WITH RECURSIVE candidates AS (
    SELECT s.source_file, s.k, s.j, row_number() OVER (PARTITION BY s.source_file ORDER BY s.k) AS n
    FROM export_spans s JOIN export_headers h ON h.source_file = s.source_file
    WHERE s.k = h.header_line
       OR (s.k > h.header_end AND len(csv_values(s.txt)) = len(h.names) AND NOT has_control_char(s.txt))
), walk AS (
    SELECT source_file, n, k, j, true AS is_record, j AS covered_to FROM candidates WHERE n = 1
    UNION ALL
    SELECT c.source_file, c.n, c.k, c.j, c.k > w.covered_to, CASE WHEN c.k > w.covered_to THEN c.j ELSE w.covered_to END
    FROM walk w JOIN candidates c ON c.source_file = w.source_file AND c.n = w.n + 1
)
SELECT source_file, k, j FROM walk WHERE is_record;

-- 2h. The records after the header, one per record start, with their values. rows read =
-- these records, malformed ones included (PRODUCT.md rule 1: rows read = accepted + rejected).
CREATE TEMP VIEW export_records AS
SELECT l.source_file, l.line_no AS source_line,
       CASE WHEN s.k IS NOT NULL THEN s.txt WHEN l.s0 = 'END' THEN l.txt END AS record
FROM export_line_states l
JOIN export_headers h ON h.source_file = l.source_file AND l.line_no > h.header_end
LEFT JOIN export_spans s ON s.source_file = l.source_file AND s.k = l.line_no
     AND EXISTS (SELECT 1 FROM export_real_spans r WHERE r.source_file = s.source_file AND r.k = s.k)
WHERE NOT l.is_blank
  AND NOT EXISTS (SELECT 1 FROM export_real_spans r
                  WHERE r.source_file = l.source_file AND l.line_no > r.k AND l.line_no <= r.j);
