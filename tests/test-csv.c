/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV: the RFC 4180 writer, the reader (quotes, line breaks in fields, byte
 * order mark, separator detection, errors with line and column), round
 * trips, and the two board exports checked to the byte.
 */
#include "config.h"

#include <string.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-checklist-item.h"
#include "obeya-column.h"
#include "obeya-csv.h"
#include "obeya-lane.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* ---- writer ----------------------------------------------------------------- */

static void
test_writer_quoting (void)
{
  g_autoptr(ObeyaCsvWriter) writer = obeya_csv_writer_new (OBEYA_CSV_WRITE_DEFAULT);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  obeya_csv_writer_row (writer, (const char *[]) { "plain", "with space", " padded ", NULL });
  obeya_csv_writer_row (writer, (const char *[]) { "a,b", "say \"hi\"", "two\nlines",
                                                   "cr\rhere", "crlf\r\nhere", NULL });
  obeya_csv_writer_field (writer, NULL);
  obeya_csv_writer_field (writer, "");
  obeya_csv_writer_field_int (writer, -42);
  obeya_csv_writer_field (writer, "ünïcödé ✓");
  obeya_csv_writer_end_row (writer);
  /* A lone empty field is written "" so that it is not an empty line. */
  obeya_csv_writer_field (writer, NULL);
  obeya_csv_writer_end_row (writer);
  /* An empty record (no field at all) is an empty line. */
  obeya_csv_writer_end_row (writer);
  /* Left open: free_to_bytes ends it. */
  obeya_csv_writer_field (writer, "=SUM(A1)");
  obeya_csv_writer_field (writer, "'quote\"");

  bytes = obeya_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  text = bytes_to_string (bytes);
  g_assert_cmpstr (text, ==,
                   "plain,with space, padded \r\n"
                   "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\"crlf\r\nhere\"\r\n"
                   ",,-42,ünïcödé ✓\r\n"
                   "\"\"\r\n"
                   "\r\n"
                   "=SUM(A1),\"'quote\"\"\"\r\n");
}

static void
test_writer_bom_and_encoding (void)
{
  g_autoptr(ObeyaCsvWriter) writer = obeya_csv_writer_new (OBEYA_CSV_WRITE_BOM);
  gsize length;
  const char *text;

  obeya_csv_writer_row (writer, (const char *[]) { "id", NULL });
  /* Invalid UTF-8 never reaches the output. */
  obeya_csv_writer_row (writer, (const char *[]) { "bad \xff byte", NULL });
  text = obeya_csv_writer_peek (writer, &length);
  g_assert_cmpmem (text, 3, "\xef\xbb\xbf", 3);
  g_assert_true (g_utf8_validate (text, length, NULL));
  g_assert_true (g_str_has_prefix (text + 3, "id\r\nbad "));
  g_assert_true (g_str_has_suffix (text, " byte\r\n"));
}

/* ---- reader ----------------------------------------------------------------- */

static ObeyaCsvTable *
parse_ok (const char        *text,
          char               separator,
          ObeyaCsvReadFlags  flags)
{
  g_autoptr(GError) error = NULL;
  ObeyaCsvTable *table = obeya_csv_parse (text, strlen (text), separator, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* Every record as "a|b|c", records joined by " / ". */
static char *
dump (ObeyaCsvTable *table)
{
  GString *s = g_string_new (NULL);

  for (guint r = 0; r < obeya_csv_table_get_n_rows (table); r++)
    {
      g_autofree char *joined = NULL;

      if (r > 0)
        g_string_append (s, " / ");
      joined = g_strjoinv ("|", (GStrv) obeya_csv_table_get_row (table, r, NULL));
      g_string_append (s, joined);
    }
  return g_string_free (s, FALSE);
}

#define assert_parses(text, separator, expected) \
  G_STMT_START { \
    g_autoptr(ObeyaCsvTable) table_ = parse_ok (text, separator, OBEYA_CSV_READ_DEFAULT); \
    g_autofree char *dump_ = dump (table_); \
    g_assert_cmpstr (dump_, ==, expected); \
  } G_STMT_END

static void
test_reader_basic (void)
{
  assert_parses ("a,b,c\r\n1,2,3\r\n", 0, "a|b|c / 1|2|3");
  /* No final line end; LF only; CR only. */
  assert_parses ("a,b\n1,2", 0, "a|b / 1|2");
  assert_parses ("a,b\r1,2\r", 0, "a|b / 1|2");
  /* Empty fields, at the start, middle and end. */
  assert_parses (",x,,\n", 0, "|x||");
  /* Spaces belong to the field. */
  assert_parses (" a , b \n", 0, " a | b ");
  /* Empty lines are skipped, wherever they are. */
  assert_parses ("\n\r\na,b\n\n\n1,2\n\n", 0, "a|b / 1|2");
  /* A quoted empty field is a record. */
  assert_parses ("\"\"\n", 0, "");
  {
    g_autoptr(ObeyaCsvTable) table = parse_ok ("\"\"\n", 0, OBEYA_CSV_READ_DEFAULT);
    guint n;

    g_assert_cmpuint (obeya_csv_table_get_n_rows (table), ==, 1);
    obeya_csv_table_get_row (table, 0, &n);
    g_assert_cmpuint (n, ==, 1);
  }
  /* Nothing at all: no records, no error. */
  {
    g_autoptr(ObeyaCsvTable) table = parse_ok ("", 0, OBEYA_CSV_READ_DEFAULT);
    g_assert_cmpuint (obeya_csv_table_get_n_rows (table), ==, 0);
    g_assert_cmpint (obeya_csv_table_find_column (table, "x"), ==, -1);
  }
  {
    g_autoptr(ObeyaCsvTable) table = parse_ok ("\xef\xbb\xbf\r\n", 0, OBEYA_CSV_READ_DEFAULT);
    g_assert_cmpuint (obeya_csv_table_get_n_rows (table), ==, 0);
  }
}

static void
test_reader_quotes (void)
{
  /* Separators, doubled quotes and line breaks (kept as they are) inside quotes. */
  assert_parses ("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"lf\nonly\"\r\nnext,row\r\n", 0,
                 "a,b|say \"hi\"|two\r\nlines|lf\nonly / next|row");
  /* A field of only a doubled quote. */
  assert_parses ("\"\"\"\"\n", 0, "\"");
  /* Quoted and empty, mixed with unquoted. */
  assert_parses ("\"\",x,\"\"\n", 0, "|x|");
  /* Non-ASCII inside and outside quotes. */
  assert_parses ("\"López, Ana\",Müller ✓\n", 0, "López, Ana|Müller ✓");
}

static void
test_reader_bom (void)
{
  g_autoptr(ObeyaCsvTable) table = parse_ok ("\xef\xbb\xbf" "date,value\n2026-11-02,3\n", 0,
                                             OBEYA_CSV_READ_DEFAULT);

  /* The mark is not part of the first field. */
  g_assert_cmpstr (obeya_csv_table_get_field (table, 0, 0), ==, "date");
  g_assert_cmpint (obeya_csv_table_find_column (table, "date"), ==, 0);
  g_assert_cmpint (obeya_csv_table_find_column (table, " VALUE "), ==, 1);
  g_assert_cmpint (obeya_csv_table_find_column (table, "note"), ==, -1);
  g_assert_cmpstr (obeya_csv_table_get_field (table, 1, 1), ==, "3");
  g_assert_null (obeya_csv_table_get_field (table, 1, 2));
  g_assert_null (obeya_csv_table_get_field (table, 2, 0));
}

static void
test_reader_separator (void)
{
  const struct { const char *text; char detected; const char *dump; } cases[] = {
    /* What Excel writes where the decimal mark is a comma. */
    { "Datum;Wert;Notiz\r\n02.11.2026;3,5;\"a;b\"\r\n", ';',
      "Datum|Wert|Notiz / 02.11.2026|3,5|a;b" },
    { "a\tb\tc\n1\t2,5\t3\n", '\t', "a|b|c / 1|2,5|3" },
    { "a,b\n1;2\n", ',', "a|b / 1;2" },
    /* Commas inside quotes of the header do not count. */
    { "\"x,y,z\";w\n1;2\n", ';', "x,y,z|w / 1|2" },
    /* A single column: no separator at all, so the default. */
    { "value\n3\n", ',', "value / 3" },
    /* The first line empty: the next one decides. */
    { "\n\na;b\n", ';', "a|b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObeyaCsvTable) table = parse_ok (cases[i].text, 0, OBEYA_CSV_READ_DEFAULT);
      g_autofree char *got = dump (table);

      g_assert_cmpint (obeya_csv_table_get_separator (table), ==, cases[i].detected);
      g_assert_cmpstr (got, ==, cases[i].dump);
    }

  /* A separator given is used as is, even where another would be detected. */
  assert_parses ("a;b,c\n", ',', "a;b|c");
  assert_parses ("a;b,c\n", ';', "a|b,c");
}

static void
test_reader_lines (void)
{
  g_autoptr(ObeyaCsvTable) table =
    parse_ok ("h1,h2\r\n"           /* line 1 */
              "\"multi\r\nline\",x\r\n" /* lines 2-3 */
              "\r\n"                 /* line 4, empty */
              "\"a\nb\nc\",y\n"      /* lines 5-7 */
              "last,z",              /* line 8 */
              0, OBEYA_CSV_READ_DEFAULT);

  g_assert_cmpuint (obeya_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (obeya_csv_table_get_line (table, 0), ==, 1);
  g_assert_cmpuint (obeya_csv_table_get_line (table, 1), ==, 2);
  g_assert_cmpuint (obeya_csv_table_get_line (table, 2), ==, 5);
  g_assert_cmpuint (obeya_csv_table_get_line (table, 3), ==, 8);
}

typedef struct
{
  const char        *text;
  gsize              length; /* 0: up to the NUL */
  ObeyaCsvReadFlags  flags;
  int                code;
  const char        *message;
} BadCsv;

static void
test_reader_errors (void)
{
  const BadCsv cases[] = {
    { "a,b\nx,say \"hi\"\n", 0, 0, OBEYA_CSV_ERROR_QUOTE,
      "line 2, column 7: a quote inside a field" },
    { "a,\"b\"c\n", 0, 0, OBEYA_CSV_ERROR_QUOTE, "line 1, column 6: text after the closing quote" },
    /* A space after the closing quote is text too (RFC 4180). */
    { "\"a\" ,b\n", 0, 0, OBEYA_CSV_ERROR_QUOTE, "line 1, column 4:" },
    /* Never closed: the error points at the opening quote. */
    { "a,b\n1,\"open\n2,3\n4,5\n", 0, 0, OBEYA_CSV_ERROR_QUOTE,
      "line 2, column 3: this quoted field is never closed" },
    /* Columns count characters, not bytes; lines count CRLF once. */
    { "h\r\nÄÖÜ,x\"\r\n", 0, 0, OBEYA_CSV_ERROR_QUOTE, "line 2, column 6:" },
    { "a,b\r\n1,\xc3\x28\r\n", 0, 0, OBEYA_CSV_ERROR_ENCODING,
      "line 2, column 3: the text is not valid UTF-8" },
    { "a,b\n1,2\x00z\n", 10, 0, OBEYA_CSV_ERROR_ENCODING, "line 2, column 4: a NUL byte" },
    { "a,b,c\n1,2,3\n4,5\n", 0, OBEYA_CSV_READ_RECTANGULAR, OBEYA_CSV_ERROR_FIELD_COUNT,
      "line 3: 2 fields where the first line has 3" },
    { "a,b\n\"x\ny\",2,3\n", 0, OBEYA_CSV_READ_RECTANGULAR, OBEYA_CSV_ERROR_FIELD_COUNT,
      "line 2: 3 fields where the first line has 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].text);
      g_autoptr(ObeyaCsvTable) table = NULL;

      table = obeya_csv_parse (cases[i].text, length, 0, cases[i].flags, &error);
      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (table);
      g_assert_error (error, OBEYA_CSV_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));

      /* obeya_csv_parse_full(): the same error, with where and why apart. */
      {
        g_autoptr(GError) full_error = NULL;
        g_autofree char *reason = NULL;
        g_autofree char *place = NULL;
        guint line = 0, column = 99;

        table = obeya_csv_parse_full (cases[i].text, length, 0, cases[i].flags, &line, &column,
                                      &reason, &full_error);
        g_assert_null (table);
        g_assert_cmpstr (full_error->message, ==, error->message);
        g_assert_cmpuint (line, >, 0);
        place = column > 0 ? g_strdup_printf ("line %u, column %u: %s", line, column, reason)
                           : g_strdup_printf ("line %u: %s", line, reason);
        g_assert_cmpstr (place, ==, error->message);
      }
    }

  /* The same ragged file is fine without the flag. */
  {
    g_autoptr(ObeyaCsvTable) table = parse_ok ("a,b,c\n1,2,3\n4,5\n", 0, OBEYA_CSV_READ_DEFAULT);
    guint n;

    obeya_csv_table_get_row (table, 2, &n);
    g_assert_cmpuint (n, ==, 2);
  }
}

/* Random fields full of the characters that matter survive write + read. */
static void
test_round_trip (void)
{
  static const char *const pieces[] = {
    "a", "Z", "0", " ", ",", ";", "\t", "\"", "\r", "\n", "\r\n", "é", "✓", "日", "=", "'",
  };
  GRand *rand = g_rand_new_with_seed (4711);

  for (guint iteration = 0; iteration < 200; iteration++)
    {
      guint n_rows = g_rand_int_range (rand, 1, 6);
      guint n_fields = g_rand_int_range (rand, 1, 6);
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(ObeyaCsvWriter) writer =
        obeya_csv_writer_new (iteration % 2 ? OBEYA_CSV_WRITE_BOM : OBEYA_CSV_WRITE_DEFAULT);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ObeyaCsvTable) table = NULL;
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *data;

      for (guint r = 0; r < n_rows; r++)
        {
          GStrv row = g_new0 (char *, n_fields + 1);

          for (guint f = 0; f < n_fields; f++)
            {
              GString *value = g_string_new (NULL);
              guint length = g_rand_int_range (rand, 0, 6);

              for (guint k = 0; k < length; k++)
                g_string_append (value, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
              row[f] = g_string_free (value, FALSE);
            }
          obeya_csv_writer_row (writer, (const char * const *) row);
          g_ptr_array_add (expected, row);
        }

      bytes = obeya_csv_writer_free_to_bytes (g_steal_pointer (&writer));
      data = g_bytes_get_data (bytes, &size);
      /* The writer always separates with commas: say so rather than detect. */
      table = obeya_csv_parse (data, size, ',', OBEYA_CSV_READ_RECTANGULAR, &error);
      g_assert_no_error (error);

      /* Records of empty fields only (a lone "", or ",,") come back as they were,
       * except a record of zero characters, which the writer never makes from fields. */
      g_assert_cmpuint (obeya_csv_table_get_n_rows (table), ==, n_rows);
      for (guint r = 0; r < n_rows; r++)
        g_assert_true (g_strv_equal ((const char * const *) expected->pdata[r],
                                     obeya_csv_table_get_row (table, r, NULL)));
    }
  g_rand_free (rand);
}

/* ---- board exports ---------------------------------------------------------- */

typedef struct
{
  ObeyaWorkspace *ws;
  ObeyaBoard     *board;
  ObeyaCard      *approve, *rent, *old, *second;
} ExportFixture;

static ObeyaColumn *
column_named (ObeyaBoard *board,
              const char *name)
{
  GListModel *columns = obeya_board_get_columns (board);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (obeya_column_get_name (column), name) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static void
export_setup (ExportFixture *f,
              gconstpointer  data)
{
  const char *ids[3] = { NULL, NULL, NULL };
  ObeyaChecklistItem *item;

  obeya_time_set_fake_now ("2026-11-02T09:00:00+01:00");
  f->ws = obeya_workspace_new ();
  ids[0] = obeya_entity_get_id (OBEYA_ENTITY (obeya_workspace_add_person (f->ws, "Ana López")));
  ids[1] = obeya_entity_get_id (OBEYA_ENTITY (
    obeya_workspace_add_person (f->ws, "Ben \"The Boss\" Okafor")));
  f->board = obeya_workspace_add_board (f->ws, "AP", OBEYA_BOARD_TEAM,
                                        OBEYA_BOARD_TEMPLATE_BACK_OFFICE);

  f->approve = obeya_board_add_card (f->board, column_named (f->board, "Backlog"), NULL, -1,
                                     "Approve invoice, 4711");
  g_object_set (f->approve, "description", "Line 1\nLine \"2\"", "assignees", ids,
                "due", "2026-11-20", "class-of-service", OBEYA_CLASS_FIXED_DATE, NULL);
  ids[0] = obeya_entity_get_id (OBEYA_ENTITY (
    obeya_workspace_add_tag (f->ws, "Month-end", "purple")));
  ids[1] = obeya_entity_get_id (OBEYA_ENTITY (
    obeya_workspace_add_tag (f->ws, "Vendor, EU", "blue")));
  g_object_set (f->approve, "tags", ids, NULL);
  item = obeya_card_add_checklist_item (f->approve, "Download statement", -1);
  g_object_set (item, "done", TRUE, NULL);
  obeya_card_add_checklist_item (f->approve, "Match open items", -1);

  f->rent = obeya_board_add_card (f->board, column_named (f->board, "Ready"), NULL, -1, "Pay rent");
  f->old = obeya_board_add_card (f->board, column_named (f->board, "Backlog"), NULL, -1,
                                 "Old thing");
  f->second = obeya_board_add_card (f->board, column_named (f->board, "In progress"), NULL, -1,
                                    "Second in progress");

  obeya_time_set_fake_now ("2026-11-03T08:15:00+01:00");
  obeya_board_move_card (f->board, f->approve, column_named (f->board, "In progress"), NULL, -1);
  obeya_board_move_card (f->board, f->rent, column_named (f->board, "Review"), NULL, -1);
  obeya_time_set_fake_now ("2026-11-04T10:00:00+01:00");
  obeya_card_block (f->approve, "Waiting for vendor");
  obeya_board_archive_card (f->board, f->old);
  obeya_time_set_fake_now ("2026-11-05T10:00:00+01:00");
  obeya_card_unblock (f->approve);
  obeya_board_move_card (f->board, f->rent, column_named (f->board, "Done"), NULL, -1);
  obeya_time_set_fake_now ("2026-11-06T12:00:00+01:00");
  obeya_card_block (f->approve, "Again");
  /* The Review column goes; the history still names it. */
  obeya_board_delete_column (f->board, column_named (f->board, "Review"), NULL);
  obeya_time_set_fake_now (NULL);
}

static void
export_teardown (ExportFixture *f,
                 gconstpointer  data)
{
  g_assert_finalize_object (f->ws);
}

static const char *
id_of (ObeyaCard *card)
{
  return obeya_entity_get_id (OBEYA_ENTITY (card));
}

static void
test_export_cards (ExportFixture *f,
                   gconstpointer  data)
{
  ObeyaTimestamp now;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (obeya_timestamp_parse ("2026-11-10T09:00:00+01:00", &now));
  bytes = obeya_csv_export_cards (f->board, now, OBEYA_CSV_WRITE_DEFAULT);
  text = bytes_to_string (bytes);
  if (g_test_verbose ())
    g_printerr ("%s", text);

  /* In progress holds Second (created there) then Approve (moved in later);
   * Done holds Rent; then the archive. Approve: blocked a day, then again
   * since the 6th at noon: 1 + 3.875 days. Ages count days inclusively to
   * today (the 10th), to the day done (Rent: 3rd to 5th) or not at all. */
  expected = g_strdup_printf (
    "id,title,description,column,lane,assignees,tags,due,class_of_service,blocked,"
    "blocked_reason,blocked_days,checklist_done,checklist_total,created,committed,done,"
    "archived,age_days,position\r\n"
    "%s,Second in progress,,In progress,,,,,standard,false,,0.0,0,0,"
    "2026-11-02T09:00:00+01:00,2026-11-02T09:00:00+01:00,,,9,1\r\n"
    "%s,\"Approve invoice, 4711\",\"Line 1\nLine \"\"2\"\"\",In progress,,"
    "\"Ana López; Ben \"\"The Boss\"\" Okafor\",\"Month-end; Vendor, EU\",2026-11-20,fixed-date,"
    "true,Again,4.9,1,2,2026-11-02T09:00:00+01:00,2026-11-03T08:15:00+01:00,,,8,2\r\n"
    "%s,Pay rent,,Done,,,,,standard,false,,0.0,0,0,"
    "2026-11-02T09:00:00+01:00,2026-11-03T08:15:00+01:00,2026-11-05T10:00:00+01:00,,3,1\r\n"
    "%s,Old thing,,Backlog,,,,,standard,false,,0.0,0,0,"
    "2026-11-02T09:00:00+01:00,,,2026-11-04T10:00:00+01:00,,\r\n",
    id_of (f->second), id_of (f->approve), id_of (f->rent), id_of (f->old));
  g_assert_cmpstr (text, ==, expected);

  /* What we write, we read back, field for field. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ObeyaCsvTable) table = obeya_csv_parse (text, strlen (text), 0,
                                                      OBEYA_CSV_READ_RECTANGULAR, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (obeya_csv_table_get_n_rows (table), ==, 5);
    g_assert_cmpstr (obeya_csv_table_get_field (table, 2, 2), ==, "Line 1\nLine \"2\"");
    g_assert_cmpstr (obeya_csv_table_get_field (table, 2, 5), ==,
                     "Ana López; Ben \"The Boss\" Okafor");
    g_assert_cmpint (obeya_csv_table_find_column (table, "age_days"), ==, 18);
  }
}

static void
test_export_moves (ExportFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = obeya_csv_export_moves (f->board, OBEYA_CSV_WRITE_BOM);
  g_autofree char *text = bytes_to_string (bytes);
  g_autofree char *expected = NULL;

  /* Cards in creation order; the Review column is deleted but still named,
   * with its role. */
  expected = g_strdup_printf (
    "\xef\xbb\xbf" "card_id,card_title,time,column,lane,role\r\n"
    "%s,\"Approve invoice, 4711\",2026-11-02T09:00:00+01:00,Backlog,,backlog\r\n"
    "%s,\"Approve invoice, 4711\",2026-11-03T08:15:00+01:00,In progress,,active\r\n"
    "%s,Pay rent,2026-11-02T09:00:00+01:00,Ready,,backlog\r\n"
    "%s,Pay rent,2026-11-03T08:15:00+01:00,Review,,active\r\n"
    "%s,Pay rent,2026-11-05T10:00:00+01:00,Done,,done\r\n"
    "%s,Old thing,2026-11-02T09:00:00+01:00,Backlog,,backlog\r\n"
    "%s,Second in progress,2026-11-02T09:00:00+01:00,In progress,,active\r\n",
    id_of (f->approve), id_of (f->approve), id_of (f->rent), id_of (f->rent), id_of (f->rent),
    id_of (f->old), id_of (f->second));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_export_lanes (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaBoard *board;
  ObeyaLane *expedite;
  ObeyaColumn *todo, *doing;
  g_autoptr(GBytes) cards = NULL;
  g_autoptr(GBytes) moves = NULL;
  g_autoptr(ObeyaCsvTable) table = NULL;
  g_autoptr(ObeyaCsvTable) move_table = NULL;
  g_autofree char *titles = NULL;
  ObeyaCard *first;

  obeya_time_set_fake_now ("2026-11-02T09:00:00Z");
  board = obeya_workspace_add_board (ws, "Mine", OBEYA_BOARD_PERSONAL,
                                     OBEYA_BOARD_TEMPLATE_PERSONAL);
  todo = column_named (board, "To do");
  doing = column_named (board, "Doing");
  first = obeya_board_add_card (board, doing, NULL, -1, "standard doing");
  expedite = obeya_board_add_lane (board, "Expedite", 0);
  obeya_board_add_card (board, todo, NULL, -1, "standard todo");
  obeya_board_add_card (board, doing, expedite, -1, "expedite doing 1");
  obeya_board_add_card (board, doing, expedite, 0, "expedite doing 0");
  obeya_time_set_fake_now (NULL);

  cards = obeya_csv_export_cards (board, obeya_timestamp_now (), OBEYA_CSV_WRITE_DEFAULT);
  table = obeya_csv_parse (g_bytes_get_data (cards, NULL), g_bytes_get_size (cards), 0,
                           OBEYA_CSV_READ_RECTANGULAR, NULL);
  g_assert_nonnull (table);
  g_assert_cmpuint (obeya_csv_table_get_n_rows (table), ==, 5);
  /* Column by column; within one, lanes from the top; within a cell, its order. */
  {
    GString *s = g_string_new (NULL);

    for (guint r = 1; r < 5; r++)
      g_string_append_printf (s, "%s/%s/%s;", obeya_csv_table_get_field (table, r, 1),
                              obeya_csv_table_get_field (table, r, 4),
                              obeya_csv_table_get_field (table, r, 19));
    titles = g_string_free (s, FALSE);
  }
  g_assert_cmpstr (titles, ==, "standard todo/Standard/1;expedite doing 0/Expedite/1;"
                               "expedite doing 1/Expedite/2;standard doing/Standard/1;");

  /* The card made before the lanes existed: created in no lane, then moved
   * into Standard when the first lane came. */
  moves = obeya_csv_export_moves (board, OBEYA_CSV_WRITE_DEFAULT);
  move_table = obeya_csv_parse (g_bytes_get_data (moves, NULL), g_bytes_get_size (moves), 0,
                                OBEYA_CSV_READ_RECTANGULAR, NULL);
  g_assert_cmpstr (obeya_csv_table_get_field (move_table, 1, 0), ==, id_of (first));
  g_assert_cmpstr (obeya_csv_table_get_field (move_table, 1, 4), ==, "");
  g_assert_cmpstr (obeya_csv_table_get_field (move_table, 2, 0), ==, id_of (first));
  g_assert_cmpstr (obeya_csv_table_get_field (move_table, 2, 4), ==, "Standard");
}

/* ---- performance (only with -m perf) ---------------------------------------------- */

static void
test_perf (void)
{
  g_autoptr(ObeyaCsvWriter) writer = obeya_csv_writer_new (OBEYA_CSV_WRITE_DEFAULT);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ObeyaCsvTable) table = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double write_s, parse_s;

  /* Three years of daily entries of 50 metrics, as an import would bring. */
  for (guint i = 0; i < 50 * 3 * 365; i++)
    {
      char date[16], value[32];

      g_snprintf (date, sizeof date, "2024-%02u-%02u", 1 + i % 12, 1 + i % 28);
      g_snprintf (value, sizeof value, "%u.%u", i % 1000, i % 10);
      obeya_csv_writer_field (writer, "Invoices processed within 3 days");
      obeya_csv_writer_field (writer, date);
      obeya_csv_writer_field (writer, value);
      obeya_csv_writer_field (writer, i % 7 ? "" : "Late: \"bank holiday\", system down");
      obeya_csv_writer_end_row (writer);
    }
  write_s = g_timer_elapsed (timer, NULL);
  bytes = obeya_csv_writer_free_to_bytes (g_steal_pointer (&writer));

  g_timer_start (timer);
  table = obeya_csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0,
                           OBEYA_CSV_READ_RECTANGULAR, NULL);
  parse_s = g_timer_elapsed (timer, NULL);
  g_assert_nonnull (table);
  g_assert_cmpuint (obeya_csv_table_get_n_rows (table), ==, 50 * 3 * 365);
  g_test_message ("%u rows, %.1f MB: write %.1f ms, parse %.1f ms (%.0f MB/s)",
                  obeya_csv_table_get_n_rows (table), g_bytes_get_size (bytes) / 1e6,
                  write_s * 1e3, parse_s * 1e3, g_bytes_get_size (bytes) / 1e6 / parse_s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/writer/bom-and-encoding", test_writer_bom_and_encoding);
  g_test_add_func ("/csv/reader/basic", test_reader_basic);
  g_test_add_func ("/csv/reader/quotes", test_reader_quotes);
  g_test_add_func ("/csv/reader/bom", test_reader_bom);
  g_test_add_func ("/csv/reader/separator", test_reader_separator);
  g_test_add_func ("/csv/reader/lines", test_reader_lines);
  g_test_add_func ("/csv/reader/errors", test_reader_errors);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add ("/csv/export/cards", ExportFixture, NULL, export_setup, test_export_cards,
              export_teardown);
  g_test_add ("/csv/export/moves", ExportFixture, NULL, export_setup, test_export_moves,
              export_teardown);
  g_test_add_func ("/csv/export/lanes", test_export_lanes);
  if (g_test_perf ())
    g_test_add_func ("/csv/perf", test_perf);

  return g_test_run ();
}
