/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-csv: comma-separated values as RFC 4180 defines them, both ways.
 *
 * Writing: UTF-8, fields separated by commas, records ended by CRLF, a
 * field quoted (and its quotes doubled) when it holds a comma, a quote, a CR
 * or a LF. Values are written as they are: a text starting with "=" stays
 * as it is, so a spreadsheet may read it as a formula.
 *
 * Reading: RFC 4180 with what spreadsheets actually write: an optional
 * UTF-8 byte order mark, CRLF, LF or CR line ends, line breaks inside quoted
 * fields, and the separator `,`, `;` (what Excel writes where the decimal
 * mark is a comma) or a tab, detected from the first record unless given.
 * Empty lines are skipped. Bad quoting, invalid UTF-8 and (on request)
 * records with a different number of fields than the first are errors that
 * name the line and column.
 *
 * The board exports write one row per card or one row per move of a card's
 * history, with a header row of stable English column names (they are for
 * other programs, so they are not translated); enumerations are written as
 * the nicks the workspace file uses, timestamps as ISO 8601 with offset,
 * dates as YYYY-MM-DD.
 */
#pragma once

#include <glib.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

/* ---- Writer ----------------------------------------------------------------- */

typedef enum
{
  OBEYA_CSV_WRITE_DEFAULT = 0,
  /* Start with a UTF-8 byte order mark, which Excel needs to read UTF-8. */
  OBEYA_CSV_WRITE_BOM     = 1 << 0,
} ObeyaCsvWriteFlags;

typedef struct _ObeyaCsvWriter ObeyaCsvWriter;

ObeyaCsvWriter *obeya_csv_writer_new           (ObeyaCsvWriteFlags  flags);
void            obeya_csv_writer_free          (ObeyaCsvWriter     *writer);
/* Appends a field to the current record; NULL writes an empty field. */
void            obeya_csv_writer_field         (ObeyaCsvWriter     *writer,
                                                const char         *value);
void            obeya_csv_writer_field_int     (ObeyaCsvWriter     *writer,
                                                gint64              value);
/* Appends every field of the NULL-terminated @fields and ends the record. */
void            obeya_csv_writer_row           (ObeyaCsvWriter     *writer,
                                                const char * const *fields);
void            obeya_csv_writer_end_row       (ObeyaCsvWriter     *writer);
/* The text so far (ended records only are complete). */
const char     *obeya_csv_writer_peek          (ObeyaCsvWriter     *writer,
                                                gsize              *length);
/* Frees @writer and returns its text; a record still open is ended. */
GBytes         *obeya_csv_writer_free_to_bytes (ObeyaCsvWriter     *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaCsvWriter, obeya_csv_writer_free)

/* ---- Board exports ---------------------------------------------------------- */

/* One row per card, active cards first in display order (columns from left
 * to right, swimlanes from top, then the order in the cell), then archived
 * cards, most recently archived first. Columns:
 *
 *   id, title, description, column, lane, assignees, tags (names joined by
 *   "; "), due, class_of_service, blocked (true/false), blocked_reason,
 *   blocked_days (every episode, the open one up to @now, one decimal),
 *   checklist_done, checklist_total, created, committed (first entry into
 *   an active or done column), done (entry into the done column it is in),
 *   archived, age_days (calendar days from commitment, counted inclusively,
 *   to the day it was done, archived, or @now's day; empty when never
 *   committed), position (1-based order in its cell; empty when archived).
 */
GBytes *obeya_csv_export_cards (ObeyaBoard         *board,
                                ObeyaTimestamp      now,
                                ObeyaCsvWriteFlags  flags);

/* One row per entry of each card's move history (the first is the card's
 * creation), cards in creation order. Columns: card_id, card_title, time,
 * column, lane, role (backlog, active or done: the role of that column,
 * deleted columns included). */
GBytes *obeya_csv_export_moves (ObeyaBoard         *board,
                                ObeyaCsvWriteFlags  flags);

/* ---- Reader ----------------------------------------------------------------- */

#define OBEYA_CSV_ERROR (obeya_csv_error_quark ())

typedef enum
{
  OBEYA_CSV_ERROR_ENCODING,    /* not UTF-8, or a NUL byte */
  OBEYA_CSV_ERROR_QUOTE,       /* a quote where RFC 4180 allows none, or an unclosed quote */
  OBEYA_CSV_ERROR_FIELD_COUNT, /* with OBEYA_CSV_READ_RECTANGULAR only */
} ObeyaCsvError;

typedef enum
{
  OBEYA_CSV_READ_DEFAULT     = 0,
  /* Every record must have as many fields as the first (the header). */
  OBEYA_CSV_READ_RECTANGULAR = 1 << 0,
} ObeyaCsvReadFlags;

GQuark obeya_csv_error_quark (void);

typedef struct _ObeyaCsvTable ObeyaCsvTable;

/* Parses @data. @separator is ',', ';' or '\t', or 0 to detect it from the
 * first record (the one of them found most often outside quotes; ',' when
 * there is none). Errors (OBEYA_CSV_ERROR) read "line L, column C: reason",
 * the column counted in characters. No records is not an error. */
ObeyaCsvTable      *obeya_csv_parse                (const char        *data,
                                                    gsize              length,
                                                    char               separator,
                                                    ObeyaCsvReadFlags  flags,
                                                    GError           **error);
/* obeya_csv_parse() for callers that say where in their own words: on
 * failure, *@error_line and *@error_column (1-based; column 0 when the
 * error is about a whole record) and *@error_reason (the message without
 * "line L, column C: ") tell where and why; each may be NULL. */
ObeyaCsvTable      *obeya_csv_parse_full           (const char        *data,
                                                    gsize              length,
                                                    char               separator,
                                                    ObeyaCsvReadFlags  flags,
                                                    guint             *error_line,
                                                    guint             *error_column,
                                                    char             **error_reason,
                                                    GError           **error);
void                obeya_csv_table_free           (ObeyaCsvTable     *table);
/* The separator used (the detected one when 0 was passed). */
char                obeya_csv_table_get_separator  (ObeyaCsvTable     *table);
guint               obeya_csv_table_get_n_rows     (ObeyaCsvTable     *table);
/* The fields of record @row (0 is the header, when the file has one). */
const char * const *obeya_csv_table_get_row        (ObeyaCsvTable     *table,
                                                    guint              row,
                                                    guint             *n_fields);
/* Field @field of record @row, or NULL when the record is shorter. */
const char         *obeya_csv_table_get_field      (ObeyaCsvTable     *table,
                                                    guint              row,
                                                    guint              field);
/* The line (1-based) where record @row starts, for the caller's messages. */
guint               obeya_csv_table_get_line       (ObeyaCsvTable     *table,
                                                    guint              row);
/* The index of the first field of row 0 equal to @name, ignoring case and
 * surrounding blanks; -1 when there is none. */
int                 obeya_csv_table_find_column    (ObeyaCsvTable     *table,
                                                    const char        *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaCsvTable, obeya_csv_table_free)

G_END_DECLS
