/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-csv.h"
#include "obeya-entity.h"
#include "obeya-enums.h"
#include "obeya-lane.h"
#include "obeya-person.h"
#include "obeya-tag.h"
#include "obeya-workspace.h"

G_DEFINE_QUARK (obeya-csv-error-quark, obeya_csv_error)

/* ---- Writer ----------------------------------------------------------------- */

struct _ObeyaCsvWriter
{
  GString *text;
  gsize    row_start;  /* offset of the current record in @text */
  guint    n_fields;   /* fields in the current record */
};

ObeyaCsvWriter *
obeya_csv_writer_new (ObeyaCsvWriteFlags flags)
{
  ObeyaCsvWriter *writer = g_new0 (ObeyaCsvWriter, 1);

  writer->text = g_string_sized_new (4096);
  if (flags & OBEYA_CSV_WRITE_BOM)
    g_string_append (writer->text, "\xef\xbb\xbf");
  writer->row_start = writer->text->len;
  return writer;
}

void
obeya_csv_writer_free (ObeyaCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->text, TRUE);
  g_free (writer);
}

static gboolean
needs_quotes (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
      return TRUE;
  return FALSE;
}

void
obeya_csv_writer_field (ObeyaCsvWriter *writer,
                        const char     *value)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (writer != NULL);

  if (writer->n_fields++ > 0)
    g_string_append_c (writer->text, ',');
  if (value == NULL || value[0] == '\0')
    return;

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  if (!needs_quotes (value))
    {
      g_string_append (writer->text, value);
      return;
    }

  g_string_append_c (writer->text, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (writer->text, '"');
      g_string_append_c (writer->text, *p);
    }
  g_string_append_c (writer->text, '"');
}

void
obeya_csv_writer_field_int (ObeyaCsvWriter *writer,
                            gint64          value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  obeya_csv_writer_field (writer, buf);
}

void
obeya_csv_writer_end_row (ObeyaCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);

  /* A record of one empty field would be an empty line, which readers
   * (this one included) skip: write it as "". */
  if (writer->n_fields == 1 && writer->text->len == writer->row_start)
    g_string_append (writer->text, "\"\"");
  g_string_append (writer->text, "\r\n");
  writer->row_start = writer->text->len;
  writer->n_fields = 0;
}

void
obeya_csv_writer_row (ObeyaCsvWriter     *writer,
                      const char * const *fields)
{
  g_return_if_fail (writer != NULL);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    obeya_csv_writer_field (writer, fields[i]);
  obeya_csv_writer_end_row (writer);
}

const char *
obeya_csv_writer_peek (ObeyaCsvWriter *writer,
                       gsize          *length)
{
  g_return_val_if_fail (writer != NULL, NULL);

  if (length != NULL)
    *length = writer->text->len;
  return writer->text->str;
}

GBytes *
obeya_csv_writer_free_to_bytes (ObeyaCsvWriter *writer)
{
  GString *text;

  g_return_val_if_fail (writer != NULL, NULL);

  if (writer->n_fields > 0)
    obeya_csv_writer_end_row (writer);
  text = writer->text;
  g_free (writer);
  return g_string_free_to_bytes (text);
}

/* ---- Board exports ---------------------------------------------------------- */

static void
field_timestamp (ObeyaCsvWriter *writer,
                 ObeyaTimestamp  ts)
{
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];

  obeya_csv_writer_field (writer, OBEYA_TIMESTAMP_IS_SET (ts) ? obeya_timestamp_format (ts, buf)
                                                              : NULL);
}

/* Names of the entities whose ids are in @ids, joined by "; " (an id that
 * names nothing is written as is). */
static void
field_names (ObeyaCsvWriter     *writer,
             ObeyaWorkspace     *workspace,
             const char * const *ids,
             gboolean            people)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *name = NULL;

      if (workspace != NULL && people)
        {
          ObeyaPerson *person = obeya_workspace_find_person (workspace, ids[i]);
          name = person ? obeya_person_get_name (person) : NULL;
        }
      else if (workspace != NULL)
        {
          ObeyaTag *tag = obeya_workspace_find_tag (workspace, ids[i]);
          name = tag ? obeya_tag_get_name (tag) : NULL;
        }
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, name ? name : ids[i]);
    }
  obeya_csv_writer_field (writer, names->str);
}

static ObeyaColumnRole
move_role (ObeyaBoard      *board,
           const ObeyaMove *move,
           ObeyaColumn    **column_out)
{
  ObeyaColumn *column = obeya_board_lookup_column (board, move->column_id);

  if (column_out != NULL)
    *column_out = column;
  return column ? obeya_column_get_role (column) : OBEYA_COLUMN_ROLE_BACKLOG;
}

/* When the card entered the done column it is in (the start of its last,
 * unbroken stay in done columns); unset when it is not done. */
static ObeyaTimestamp
done_time (ObeyaBoard *board,
           ObeyaCard  *card)
{
  ObeyaTimestamp entered = OBEYA_TIMESTAMP_NONE;
  guint n;
  const ObeyaMove *moves = obeya_card_get_moves (card, &n);

  for (guint i = 0; i < n; i++)
    {
      if (move_role (board, &moves[i], NULL) != OBEYA_COLUMN_ROLE_DONE)
        entered = OBEYA_TIMESTAMP_NONE;
      else if (!OBEYA_TIMESTAMP_IS_SET (entered))
        entered = moves[i].time;
    }
  return entered;
}

static void
write_card_row (ObeyaCsvWriter *writer,
                ObeyaBoard     *board,
                ObeyaCard      *card,
                ObeyaTimestamp  now,
                int             position)
{
  ObeyaWorkspace *workspace = obeya_board_get_workspace (board);
  ObeyaColumn *column = obeya_card_get_column (card);
  ObeyaLane *lane = obeya_card_get_lane (card);
  ObeyaTimestamp committed = obeya_card_get_commitment_time (card);
  ObeyaTimestamp done = done_time (board, card);
  ObeyaTimestamp archived = obeya_card_get_archived_at (card);
  char day[OBEYA_DAY_BUF_SIZE];
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  obeya_csv_writer_field (writer, obeya_entity_get_id (OBEYA_ENTITY (card)));
  obeya_csv_writer_field (writer, obeya_card_get_title (card));
  obeya_csv_writer_field (writer, obeya_card_get_description (card));
  obeya_csv_writer_field (writer, column ? obeya_column_get_name (column) : NULL);
  obeya_csv_writer_field (writer, lane ? obeya_lane_get_name (lane) : NULL);
  field_names (writer, workspace, obeya_card_get_assignees (card), TRUE);
  field_names (writer, workspace, obeya_card_get_tags (card), FALSE);
  obeya_csv_writer_field (writer, obeya_card_get_due (card) != OBEYA_DAY_NONE
                                  ? obeya_day_format (obeya_card_get_due (card), day) : NULL);
  obeya_csv_writer_field (writer, obeya_enum_to_nick (OBEYA_TYPE_CLASS_OF_SERVICE,
                                                      obeya_card_get_class_of_service (card)));
  obeya_csv_writer_field (writer, obeya_card_get_blocked (card) ? "true" : "false");
  obeya_csv_writer_field (writer, obeya_card_get_blocked_reason (card));
  obeya_csv_writer_field (writer, g_ascii_formatd (number, sizeof number, "%.1f",
                                                   obeya_card_get_blocked_seconds (card, now) /
                                                   86400.0));
  obeya_csv_writer_field_int (writer, obeya_card_get_checklist_done (card));
  obeya_csv_writer_field_int (writer, obeya_card_get_checklist_total (card));
  field_timestamp (writer, obeya_card_get_created (card));
  field_timestamp (writer, committed);
  field_timestamp (writer, done);
  field_timestamp (writer, archived);

  if (OBEYA_TIMESTAMP_IS_SET (committed))
    {
      ObeyaDay start = obeya_timestamp_get_day (committed);
      ObeyaDay end = OBEYA_TIMESTAMP_IS_SET (done) ? obeya_timestamp_get_day (done)
                     : OBEYA_TIMESTAMP_IS_SET (archived) ? obeya_timestamp_get_day (archived)
                     : obeya_timestamp_get_day (now);

      obeya_csv_writer_field_int (writer, end >= start ? (gint64) end - start + 1 : 1);
    }
  else
    obeya_csv_writer_field (writer, NULL);

  if (position >= 0)
    obeya_csv_writer_field_int (writer, position + 1);
  else
    obeya_csv_writer_field (writer, NULL);
  obeya_csv_writer_end_row (writer);
}

GBytes *
obeya_csv_export_cards (ObeyaBoard         *board,
                        ObeyaTimestamp      now,
                        ObeyaCsvWriteFlags  flags)
{
  static const char * const header[] = {
    "id", "title", "description", "column", "lane", "assignees", "tags", "due",
    "class_of_service", "blocked", "blocked_reason", "blocked_days", "checklist_done",
    "checklist_total", "created", "committed", "done", "archived", "age_days", "position", NULL
  };
  ObeyaCsvWriter *writer;
  GListModel *columns, *lanes, *archive;
  guint n_columns, n_lanes, n_archived;

  g_return_val_if_fail (OBEYA_IS_BOARD (board), NULL);

  writer = obeya_csv_writer_new (flags);
  obeya_csv_writer_row (writer, header);

  columns = obeya_board_get_columns (board);
  lanes = obeya_board_get_lanes (board);
  n_columns = g_list_model_get_n_items (columns);
  n_lanes = g_list_model_get_n_items (lanes);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(ObeyaColumn) column = g_list_model_get_item (columns, c);

      for (guint l = 0; l < MAX (n_lanes, 1); l++)
        {
          g_autoptr(ObeyaLane) lane = n_lanes > 0 ? g_list_model_get_item (lanes, l) : NULL;
          GListModel *cell = obeya_column_get_cell (column, lane);
          guint n = g_list_model_get_n_items (cell);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(ObeyaCard) card = g_list_model_get_item (cell, i);
              write_card_row (writer, board, card, now, (int) i);
            }
        }
    }

  archive = obeya_board_get_archived_cards (board);
  n_archived = g_list_model_get_n_items (archive);
  for (guint i = 0; i < n_archived; i++)
    {
      g_autoptr(ObeyaCard) card = g_list_model_get_item (archive, i);
      write_card_row (writer, board, card, now, -1);
    }

  return obeya_csv_writer_free_to_bytes (writer);
}

GBytes *
obeya_csv_export_moves (ObeyaBoard         *board,
                        ObeyaCsvWriteFlags  flags)
{
  static const char * const header[] = {
    "card_id", "card_title", "time", "column", "lane", "role", NULL
  };
  ObeyaCsvWriter *writer;
  GPtrArray *cards;

  g_return_val_if_fail (OBEYA_IS_BOARD (board), NULL);

  writer = obeya_csv_writer_new (flags);
  obeya_csv_writer_row (writer, header);

  cards = obeya_board_get_cards (board);
  for (guint i = 0; i < cards->len; i++)
    {
      ObeyaCard *card = cards->pdata[i];
      guint n;
      const ObeyaMove *moves = obeya_card_get_moves (card, &n);

      for (guint m = 0; m < n; m++)
        {
          ObeyaColumn *column;
          ObeyaColumnRole role = move_role (board, &moves[m], &column);
          ObeyaLane *lane = moves[m].lane_id ? obeya_board_find_lane (board, moves[m].lane_id)
                                             : NULL;

          obeya_csv_writer_field (writer, obeya_entity_get_id (OBEYA_ENTITY (card)));
          obeya_csv_writer_field (writer, obeya_card_get_title (card));
          field_timestamp (writer, moves[m].time);
          obeya_csv_writer_field (writer, column ? obeya_column_get_name (column) : NULL);
          /* A deleted lane leaves no name behind. */
          obeya_csv_writer_field (writer, lane ? obeya_lane_get_name (lane) : NULL);
          obeya_csv_writer_field (writer, column ? obeya_enum_to_nick (OBEYA_TYPE_COLUMN_ROLE,
                                                                       role)
                                                 : NULL);
          obeya_csv_writer_end_row (writer);
        }
    }

  return obeya_csv_writer_free_to_bytes (writer);
}

/* ---- Reader ----------------------------------------------------------------- */

struct _ObeyaCsvTable
{
  GPtrArray *rows;   /* of GStrv */
  GArray    *lines;  /* of guint: the line each record starts on */
  char       separator;
};

void
obeya_csv_table_free (ObeyaCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_free (table);
}

typedef struct
{
  const char *start;      /* after the byte order mark */
  const char *end;
  GError    **error;
  guint      *error_line;   /* optional */
  guint      *error_column; /* optional */
  char      **error_reason; /* optional */
} Parser;

/* Where and why, for obeya_csv_parse_full(). */
static void
parser_locate_error (const Parser *parser,
                     guint         line,
                     guint         column,
                     const char   *reason)
{
  if (parser->error_line != NULL)
    *parser->error_line = line;
  if (parser->error_column != NULL)
    *parser->error_column = column;
  if (parser->error_reason != NULL)
    *parser->error_reason = g_strdup (reason);
}

/* The 1-based line and character column of @at. */
static void
locate (const Parser *parser,
        const char   *at,
        guint        *line,
        guint        *column)
{
  const char *line_start = parser->start;

  *line = 1;
  for (const char *p = parser->start; p < at; p++)
    {
      /* CRLF counts once, a lone CR as a line end. */
      if (*p == '\n' || (*p == '\r' && (p + 1 >= parser->end || p[1] != '\n')))
        {
          (*line)++;
          line_start = p + 1;
        }
    }
  *column = 1;
  for (const char *p = line_start; p < at; p++)
    if (((guchar) *p & 0xc0) != 0x80)
      (*column)++;
}

G_GNUC_PRINTF (4, 5)
static void
parser_fail (const Parser  *parser,
             const char    *at,
             ObeyaCsvError  code,
             const char    *format,
             ...)
{
  g_autofree char *reason = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  locate (parser, at, &line, &column);
  g_set_error (parser->error, OBEYA_CSV_ERROR, code, _("line %u, column %u: %s"),
               line, column, reason);
  parser_locate_error (parser, line, column, reason);
}

/* Counts the candidate separators outside quotes in the first record. */
static char
detect_separator (const char *p,
                  const char *end)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        {
          if (counts[0] + counts[1] + counts[2] > 0)
            break;
          /* An empty first line: look at the next one. */
        }
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }
  return best;
}

typedef enum
{
  FIELD_START,
  IN_UNQUOTED,
  IN_QUOTED,
  AFTER_QUOTE, /* a quote inside a quoted field: its end, or the first of "" */
} State;

ObeyaCsvTable *
obeya_csv_parse (const char         *data,
                 gsize               length,
                 char                separator,
                 ObeyaCsvReadFlags   flags,
                 GError            **error)
{
  return obeya_csv_parse_full (data, length, separator, flags, NULL, NULL, NULL, error);
}

ObeyaCsvTable *
obeya_csv_parse_full (const char         *data,
                      gsize               length,
                      char                separator,
                      ObeyaCsvReadFlags   flags,
                      guint              *error_line,
                      guint              *error_column,
                      char              **error_reason,
                      GError            **error)
{
  g_autoptr(ObeyaCsvTable) table = NULL;
  g_autoptr(GPtrArray) record = NULL;
  g_autoptr(GString) field = NULL;
  Parser parser = { data, data + length, error, error_line, error_column, error_reason };
  const char *invalid;
  const char *p;
  const char *quote_start = NULL;
  State state = FIELD_START;
  guint line = 1, record_line = 1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';' ||
                        separator == '\t', NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    parser.start += 3;

  /* g_utf8_validate() with a length also refuses NUL bytes. */
  if (parser.end > parser.start &&
      !g_utf8_validate (parser.start, parser.end - parser.start, &invalid))
    {
      parser_fail (&parser, invalid, OBEYA_CSV_ERROR_ENCODING,
                   *invalid == '\0' ? _("a NUL byte, which text never holds")
                                    : _("the text is not valid UTF-8"));
      return NULL;
    }

  table = g_new0 (ObeyaCsvTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->separator = separator ? separator : detect_separator (parser.start, parser.end);
  separator = table->separator;

  record = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

#define END_FIELD() \
  G_STMT_START { \
    g_ptr_array_add (record, g_strndup (field->str, field->len)); \
    g_string_truncate (field, 0); \
  } G_STMT_END

  for (p = parser.start; p <= parser.end; p++)
    {
      /* The end of the data ends the last record like a line end. */
      gboolean at_end = p == parser.end;
      char c = at_end ? '\n' : *p;
      gboolean newline = c == '\n' || c == '\r';

      switch (state)
        {
        case FIELD_START:
          if (!at_end && c == '"')
            {
              quote_start = p;
              state = IN_QUOTED;
              continue;
            }
          if (newline && record->len == 0)
            break; /* an empty line, or the end right after a record */
          if (c == separator)
            {
              END_FIELD ();
              continue;
            }
          if (!newline)
            {
              g_string_append_c (field, c);
              state = IN_UNQUOTED;
              continue;
            }
          break;

        case IN_UNQUOTED:
          if (c == separator)
            {
              END_FIELD ();
              state = FIELD_START;
              continue;
            }
          if (c == '"')
            {
              parser_fail (&parser, p, OBEYA_CSV_ERROR_QUOTE,
                           _("a quote inside a field that does not start with one (quote "
                             "the whole field and double the quotes inside it)"));
              return NULL;
            }
          if (!newline)
            {
              g_string_append_c (field, c);
              continue;
            }
          break;

        case IN_QUOTED:
          if (at_end)
            {
              parser_fail (&parser, quote_start, OBEYA_CSV_ERROR_QUOTE,
                           _("this quoted field is never closed"));
              return NULL;
            }
          if (c == '"')
            state = AFTER_QUOTE;
          else
            {
              if (c == '\n' || (c == '\r' && (p + 1 >= parser.end || p[1] != '\n')))
                line++;
              g_string_append_c (field, c);
            }
          continue;

        case AFTER_QUOTE:
          if (!at_end && c == '"')
            {
              g_string_append_c (field, '"');
              state = IN_QUOTED;
              continue;
            }
          if (c == separator)
            {
              END_FIELD ();
              state = FIELD_START;
              continue;
            }
          if (!newline)
            {
              parser_fail (&parser, p, OBEYA_CSV_ERROR_QUOTE,
                           _("text after the closing quote of a field (a separator or the "
                             "end of the line must follow it)"));
              return NULL;
            }
          break;

        default:
          g_assert_not_reached ();
        }

      /* A line end (or the end of the data) outside quotes. */
      if (state != FIELD_START || record->len > 0)
        {
          END_FIELD ();
          if ((flags & OBEYA_CSV_READ_RECTANGULAR) && table->rows->len > 0)
            {
              guint expected = g_strv_length (table->rows->pdata[0]);

              if (record->len != expected)
                {
                  g_autofree char *reason =
                    g_strdup_printf (_("%u fields where the first line has %u"),
                                     record->len, expected);

                  g_set_error (error, OBEYA_CSV_ERROR, OBEYA_CSV_ERROR_FIELD_COUNT,
                               _("line %u: %s"), record_line, reason);
                  parser_locate_error (&parser, record_line, 0, reason);
                  return NULL;
                }
            }
          g_ptr_array_add (record, NULL);
          g_ptr_array_add (table->rows, g_ptr_array_steal (record, NULL));
          g_array_append_val (table->lines, record_line);
          state = FIELD_START;
        }
      if (!at_end && c == '\r' && p + 1 < parser.end && p[1] == '\n')
        p++;
      line++;
      record_line = line;
    }

#undef END_FIELD

  return g_steal_pointer (&table);
}

char
obeya_csv_table_get_separator (ObeyaCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ',');
  return table->separator;
}

guint
obeya_csv_table_get_n_rows (ObeyaCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

const char * const *
obeya_csv_table_get_row (ObeyaCsvTable *table,
                         guint          row,
                         guint         *n_fields)
{
  const char * const *fields;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  fields = table->rows->pdata[row];
  if (n_fields != NULL)
    *n_fields = g_strv_length ((GStrv) fields);
  return fields;
}

const char *
obeya_csv_table_get_field (ObeyaCsvTable *table,
                           guint          row,
                           guint          field)
{
  const char * const *fields;

  g_return_val_if_fail (table != NULL, NULL);

  if (row >= table->rows->len)
    return NULL;
  fields = table->rows->pdata[row];
  for (guint i = 0; fields[i] != NULL; i++)
    if (i == field)
      return fields[i];
  return NULL;
}

guint
obeya_csv_table_get_line (ObeyaCsvTable *table,
                          guint          row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->lines->len, 0);
  return g_array_index (table->lines, guint, row);
}

int
obeya_csv_table_find_column (ObeyaCsvTable *table,
                             const char    *name)
{
  g_autofree char *stripped_name = NULL;
  g_autofree char *wanted = NULL;
  const char * const *header;

  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (table->rows->len == 0)
    return -1;

  stripped_name = g_strstrip (g_strdup (name));
  wanted = g_utf8_casefold (stripped_name, -1);
  header = table->rows->pdata[0];
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (header[i]));
      g_autofree char *folded = g_utf8_casefold (stripped, -1);

      if (strcmp (folded, wanted) == 0)
        return (int) i;
    }
  return -1;
}
