/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "obeya-csv.h"
#include "obeya-history.h"
#include "obeya-json.h"
#include "obeya-metric-import.h"
#include "obeya-metrics.h"
#include "obeya-metrics-private.h"
#include "obeya-miss-reason.h"
#include "obeya-workspace.h"

struct _ObeyaMetricImport
{
  ObeyaMetrics *metrics;
  GArray       *rows;    /* of ObeyaMetricImportRow */
  GArray       *errors;  /* of ObeyaMetricImportError */
  GPtrArray    *strings; /* owned notes and messages */
  GPtrArray    *refs;    /* the metrics of the rows, referenced */
};

/* ---- import ---------------------------------------------------------------- */

enum { COL_DATE, COL_METRIC, COL_VALUE, COL_NOTE, COL_REASON, N_COLUMNS };

static const char * const column_names[N_COLUMNS] = { "date", "metric", "value", "note", "reason" };

static const char *
keep (ObeyaMetricImport *self,
      char              *text)
{
  g_ptr_array_add (self->strings, text);
  return text;
}

static void
add_error (ObeyaMetricImport *self,
           guint              line,
           char              *message)
{
  ObeyaMetricImportError error = { line, keep (self, message) };

  g_array_append_val (self->errors, error);
}

/* A decimal number as people and spreadsheets write it: [+-]digits[.digits]
 * [e[+-]digits]. No hex, no "nan", no "inf", no thousands separators. */
static gboolean
is_decimal_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

typedef struct
{
  GHashTable *by_name; /* casefolded name → ObeyaMetric, or the ambiguous marker */
} MetricNames;

static char ambiguous_marker;

static void
metric_names_init (MetricNames  *names,
                   ObeyaMetrics *metrics)
{
  GListModel *model = obeya_metrics_get_metrics (metrics);
  guint n = g_list_model_get_n_items (model);

  names->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (model, i);
      const char *name = obeya_metric_get_name (metric);
      char *key = g_utf8_casefold (name ? name : "", -1);

      if (g_hash_table_contains (names->by_name, key))
        g_hash_table_insert (names->by_name, key, &ambiguous_marker);
      else
        g_hash_table_insert (names->by_name, key, metric);
    }
}

static ObeyaMetric *
find_metric (ObeyaMetrics *metrics,
             MetricNames  *names,
             const char   *text,
             GString      *problems)
{
  ObeyaMetric *metric = obeya_metrics_find_metric (metrics, text);
  g_autofree char *key = NULL;
  gpointer found;

  if (metric != NULL)
    return metric;
  key = g_utf8_casefold (text, -1);
  found = g_hash_table_lookup (names->by_name, key);
  if (found == &ambiguous_marker)
    {
      g_string_append_printf (problems, _("several metrics are named “%s”: use the metric’s id"),
                              text);
      return NULL;
    }
  if (found == NULL)
    {
      if (text[0] == '\0')
        g_string_append (problems, _("the metric is missing"));
      else
        g_string_append_printf (problems, _("no metric named “%s”"), text);
    }
  return found;
}

static void
separate (GString *problems)
{
  if (problems->len > 0)
    g_string_append (problems, "; ");
}

static void
parse_row (ObeyaMetricImport  *self,
           MetricNames        *names,
           GHashTable         *seen,
           const int          *column_of,
           const char * const *fields,
           guint               line,
           ObeyaDay            today)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *date_text = g_strstrip (g_strdup (fields[column_of[COL_DATE]]));
  g_autofree char *metric_text = g_strstrip (g_strdup (fields[column_of[COL_METRIC]]));
  g_autofree char *value_text = g_strstrip (g_strdup (fields[column_of[COL_VALUE]]));
  ObeyaMetricImportRow row = { line, NULL, OBEYA_DAY_NONE, 0, NULL, NULL, FALSE, FALSE };
  ObeyaMetric *metric;
  ObeyaDay day = OBEYA_DAY_NONE;

  if (!obeya_day_parse (date_text, &day))
    g_string_append_printf (problems, _("“%s” is not a date (YYYY-MM-DD)"), date_text);
  else if (day > today)
    g_string_append_printf (problems, _("%s is in the future"), date_text);

  metric = find_metric (self->metrics, names, metric_text, problems);

  if (value_text[0] == '\0')
    {
      separate (problems);
      g_string_append (problems, _("the value is missing"));
    }
  else if (!is_decimal_number (value_text))
    {
      separate (problems);
      g_string_append_printf (problems, _("“%s” is not a number (write it like 1234.5)"),
                              value_text);
    }
  else
    {
      row.value = g_ascii_strtod (value_text, NULL);
      if (!isfinite (row.value) || fabs (row.value) > OBEYA_METRIC_VALUE_MAX)
        {
          separate (problems);
          g_string_append_printf (problems, _("%s is too large"), value_text);
        }
    }

  if (column_of[COL_NOTE] >= 0)
    {
      const char *note = fields[column_of[COL_NOTE]];
      if (note[0] != '\0')
        row.note = keep (self, g_strdup (note));
    }

  if (column_of[COL_REASON] >= 0)
    {
      g_autofree char *reason_text = g_strstrip (g_strdup (fields[column_of[COL_REASON]]));
      ObeyaMissReason *reason = NULL;

      if (reason_text[0] != '\0')
        {
          reason = obeya_metrics_find_miss_reason (self->metrics, reason_text);
          if (reason == NULL)
            reason = obeya_metrics_find_miss_reason_by_name (self->metrics, reason_text);
          if (reason == NULL)
            {
              separate (problems);
              g_string_append_printf (problems, _("no miss reason named “%s” (add it to the "
                                                  "list of reasons first)"), reason_text);
            }
          else
            row.reason_id = g_intern_string (obeya_entity_get_id (OBEYA_ENTITY (reason)));
        }
    }

  /* Only a good row "gives" a value that a later row could repeat. */
  if (problems->len == 0)
    {
      char buf[OBEYA_DAY_BUF_SIZE];
      char *key;
      guint first_line;

      row.day = obeya_metric_normalize_day (metric, day);
      key = g_strdup_printf ("%s/%u", obeya_entity_get_id (OBEYA_ENTITY (metric)), row.day);
      first_line = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
      if (first_line != 0)
        {
          separate (problems);
          if (obeya_metric_get_cadence (metric) == OBEYA_METRIC_CADENCE_WEEKLY)
            g_string_append_printf (problems, _("line %u already gives “%s” for the week of %s"),
                                    first_line, obeya_metric_get_name (metric),
                                    obeya_day_format (row.day, buf));
          else
            g_string_append_printf (problems, _("line %u already gives “%s” for %s"),
                                    first_line, obeya_metric_get_name (metric),
                                    obeya_day_format (row.day, buf));
          g_free (key);
        }
      else
        g_hash_table_insert (seen, key, GUINT_TO_POINTER (line));
    }

  if (problems->len > 0)
    {
      add_error (self, line, g_string_free (g_steal_pointer (&problems), FALSE));
      return;
    }

  row.metric = metric;
  g_ptr_array_add (self->refs, g_object_ref (metric));
  {
    const ObeyaMetricEntry *old = obeya_metric_get_entry (metric, row.day);

    row.is_new = old == NULL;
    row.unchanged = old != NULL && old->value == row.value &&
                    g_strcmp0 (old->note, row.note) == 0 && old->reason == row.reason_id;
  }
  g_array_append_val (self->rows, row);
}

/* Maps the header's columns; FALSE (with an error) when it is not usable. */
static gboolean
parse_header (ObeyaMetricImport  *self,
              const char * const *fields,
              guint               line,
              int                *column_of)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    column_of[c] = -1;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (fields[i]));
      g_autofree char *name = g_ascii_strdown (stripped, -1);
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_strcmp0 (name, column_names[c]) == 0)
          {
            known = TRUE;
            if (column_of[c] >= 0)
              {
                separate (problems);
                g_string_append_printf (problems, _("the column “%s” appears twice"), name);
              }
            column_of[c] = i;
          }
      if (!known)
        {
          separate (problems);
          g_string_append_printf (problems, _("unknown column “%s” (expected date, metric, value, "
                                              "note, reason)"), name);
        }
    }

  for (guint c = COL_DATE; c <= COL_VALUE; c++)
    if (column_of[c] < 0)
      {
        separate (problems);
        /* Translators: %s is a column name: date, metric or value */
        g_string_append_printf (problems, _("the header has no “%s” column"), column_names[c]);
      }

  if (problems->len > 0)
    {
      add_error (self, line, g_string_free (g_steal_pointer (&problems), FALSE));
      return FALSE;
    }
  return TRUE;
}

/* The text as a table (obeya-csv's reader: RFC 4180, a byte order mark,
 * CRLF, LF or CR, the separator detected from the header); NULL with one
 * error (where and why) when it cannot be read: bad quoting or encoding
 * leaves nothing to trust. */
static ObeyaCsvTable *
read_table (ObeyaMetricImport *self,
            const char        *text,
            gsize              length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  ObeyaCsvTable *table;
  guint line = 1, column = 0;

  table = obeya_csv_parse_full (text, length, 0, OBEYA_CSV_READ_DEFAULT, &line, &column,
                                &reason, &error);
  if (table != NULL)
    return table;

  if (g_error_matches (error, OBEYA_CSV_ERROR, OBEYA_CSV_ERROR_ENCODING))
    /* Translators: %u is a column number, %s says what is wrong there */
    add_error (self, line, g_strdup_printf (_("column %u: %s (save the file as UTF-8)"),
                                            column, reason));
  else
    /* Translators: %u is a column number, %s says what is wrong there */
    add_error (self, line, g_strdup_printf (_("column %u: %s"), column, reason));
  return NULL;
}

ObeyaMetricImport *
obeya_metric_import_parse (ObeyaMetrics *metrics,
                           const char   *text,
                           gssize        length,
                           ObeyaDay      today)
{
  ObeyaMetricImport *self;
  g_autoptr(ObeyaCsvTable) table = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  MetricNames names = { NULL };
  const char * const *header;
  int column_of[N_COLUMNS];
  guint n_header, n_records;

  g_return_val_if_fail (OBEYA_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (text != NULL || length <= 0, NULL);

  self = g_new0 (ObeyaMetricImport, 1);
  self->metrics = g_object_ref (metrics);
  self->rows = g_array_new (FALSE, FALSE, sizeof (ObeyaMetricImportRow));
  self->errors = g_array_new (FALSE, FALSE, sizeof (ObeyaMetricImportError));
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->refs = g_ptr_array_new_with_free_func (g_object_unref);

  if (length < 0)
    length = text ? strlen (text) : 0;

  table = read_table (self, text, length);
  if (table == NULL)
    return self;

  n_records = obeya_csv_table_get_n_rows (table);
  if (n_records == 0)
    {
      add_error (self, 1, g_strdup (_("the file is empty: expected a header row "
                                      "(date, metric, value, note, reason)")));
      return self;
    }
  header = obeya_csv_table_get_row (table, 0, &n_header);
  if (!parse_header (self, header, obeya_csv_table_get_line (table, 0), column_of))
    return self;

  /* Empty lines are no records: the reader skips them. */
  metric_names_init (&names, metrics);
  for (guint r = 1; r < n_records; r++)
    {
      guint n_fields;
      const char * const *fields = obeya_csv_table_get_row (table, r, &n_fields);
      guint line = obeya_csv_table_get_line (table, r);

      if (n_fields != n_header)
        {
          add_error (self, line, g_strdup_printf (_("expected %u fields like the header, "
                                                    "found %u"), n_header, n_fields));
          continue;
        }
      parse_row (self, &names, seen, column_of, fields, line, today);
    }

  g_hash_table_unref (names.by_name);
  return self;
}

void
obeya_metric_import_free (ObeyaMetricImport *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_array_unref (self->errors);
  g_ptr_array_unref (self->strings);
  g_ptr_array_unref (self->refs);
  g_object_unref (self->metrics);
  g_free (self);
}

const ObeyaMetricImportRow *
obeya_metric_import_get_rows (ObeyaMetricImport *self,
                              guint             *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_rows)
    *n_rows = self->rows->len;
  return (const ObeyaMetricImportRow *) self->rows->data;
}

const ObeyaMetricImportError *
obeya_metric_import_get_errors (ObeyaMetricImport *self,
                                guint             *n_errors)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_errors)
    *n_errors = self->errors->len;
  return (const ObeyaMetricImportError *) self->errors->data;
}

gboolean
obeya_metric_import_has_errors (ObeyaMetricImport *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->errors->len > 0;
}

char *
obeya_metric_import_dup_errors_text (ObeyaMetricImport *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->errors->len; i++)
    {
      const ObeyaMetricImportError *error = &g_array_index (self->errors,
                                                            ObeyaMetricImportError, i);

      /* Translators: %u is a line number of a CSV file, %s what is wrong there */
      g_string_append_printf (text, _("line %u: %s"), error->line, error->message);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

gboolean
obeya_metric_import_apply (ObeyaMetricImport  *self,
                           GError            **error)
{
  ObeyaHistory *history;
  g_autoptr(GHashTable) by_metric = NULL;
  GListModel *model;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->errors->len > 0)
    {
      g_autofree char *text = obeya_metric_import_dup_errors_text (self);

      g_set_error (error, OBEYA_METRICS_ERROR, OBEYA_METRICS_ERROR_IMPORT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nothing was imported: %u row is wrong.\n%s",
                                "Nothing was imported: %u rows are wrong.\n%s",
                                self->errors->len),
                   self->errors->len, text);
      return FALSE;
    }

  /* The preview may be older than the last edit. */
  by_metric = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const ObeyaMetricImportRow *row = &g_array_index (self->rows, ObeyaMetricImportRow, i);
      ObeyaMetricEntry entry = { row->day, row->value, (char *) row->note, row->reason_id };
      GArray *entries;

      if (obeya_metrics_find_metric (self->metrics,
                                     obeya_entity_get_id (OBEYA_ENTITY (row->metric)))
          != row->metric ||
          (row->reason_id != NULL &&
           obeya_metrics_find_miss_reason (self->metrics, row->reason_id) == NULL))
        {
          g_set_error (error, OBEYA_METRICS_ERROR, OBEYA_METRICS_ERROR_IMPORT,
                       _("Nothing was imported: a metric or a miss reason of line %u was removed "
                         "since the preview"), row->line);
          return FALSE;
        }
      if (row->unchanged)
        continue;
      entries = g_hash_table_lookup (by_metric, row->metric);
      if (entries == NULL)
        {
          entries = g_array_new (FALSE, FALSE, sizeof (ObeyaMetricEntry));
          g_hash_table_insert (by_metric, row->metric, entries);
        }
      g_array_append_val (entries, entry);
    }

  /* One command; the metrics in display order so undo is deterministic. */
  history = obeya_workspace_get_history (obeya_metrics_get_workspace (self->metrics));
  model = obeya_metrics_get_metrics (self->metrics);
  n = g_list_model_get_n_items (model);
  obeya_history_begin (history, _("Import metric entries"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (model, i);
      GArray *entries = g_hash_table_lookup (by_metric, metric);

      if (entries != NULL)
        _obeya_metric_record_entries (metric, history, (const ObeyaMetricEntry *) entries->data,
                                      entries->len);
    }
  obeya_history_end (history);
  return TRUE;
}

gboolean
obeya_metrics_import_csv (ObeyaMetrics *metrics,
                          const char   *text,
                          gssize        length,
                          ObeyaDay      today,
                          guint        *n_rows,
                          GError      **error)
{
  g_autoptr(ObeyaMetricImport) import = obeya_metric_import_parse (metrics, text, length, today);

  if (import == NULL)
    return FALSE;
  if (n_rows)
    *n_rows = import->rows->len;
  return obeya_metric_import_apply (import, error);
}

/* ---- export ---------------------------------------------------------------- */

static void
append_field (GString    *csv,
              const char *text,
              gboolean    last)
{
  if (text != NULL && strpbrk (text, ",;\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else if (text != NULL)
    g_string_append (csv, text);
  g_string_append (csv, last ? "\r\n" : ",");
}

typedef struct
{
  ObeyaDay                day;
  guint                   order;
  ObeyaMetric            *metric;
  const ObeyaMetricEntry *entry;
} ExportRow;

static int
compare_export_rows (gconstpointer a,
                     gconstpointer b)
{
  const ExportRow *ra = a, *rb = b;

  if (ra->day != rb->day)
    return ra->day < rb->day ? -1 : 1;
  return ra->order < rb->order ? -1 : ra->order > rb->order ? 1 : 0;
}

char *
obeya_metrics_export_csv (ObeyaMetrics *metrics,
                          ObeyaMetric  *metric,
                          ObeyaDay      first,
                          ObeyaDay      last)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (ExportRow));
  g_autoptr(GPtrArray) keep_alive = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  GString *csv;
  guint n;

  g_return_val_if_fail (OBEYA_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (metric == NULL || OBEYA_IS_METRIC (metric), NULL);

  if (last == OBEYA_DAY_NONE)
    last = G_MAXUINT32;

  model = obeya_metrics_get_metrics (metrics);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      ObeyaMetric *each = g_list_model_get_item (model, i);
      const ObeyaMetricEntry *entries;
      guint n_entries;

      g_ptr_array_add (keep_alive, each);
      if (metric != NULL && each != metric)
        continue;
      entries = obeya_metric_get_entries (each, &n_entries);
      for (guint e = 0; e < n_entries; e++)
        if (entries[e].day >= first && entries[e].day <= last)
          {
            ExportRow row = { entries[e].day, i, each, &entries[e] };
            g_array_append_val (rows, row);
          }
    }
  g_array_sort (rows, compare_export_rows);

  csv = g_string_new ("date,metric,value,note,reason\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const ExportRow *row = &g_array_index (rows, ExportRow, i);
      ObeyaMissReason *reason = obeya_metrics_find_miss_reason (metrics, row->entry->reason);
      char day[OBEYA_DAY_BUF_SIZE];
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      append_field (csv, obeya_day_format (row->day, day), FALSE);
      append_field (csv, obeya_metric_get_name (row->metric), FALSE);
      append_field (csv, obeya_json_format_double (row->entry->value, number), FALSE);
      append_field (csv, row->entry->note, FALSE);
      append_field (csv, reason ? obeya_miss_reason_get_name (reason) : NULL, TRUE);
    }
  return g_string_free (csv, FALSE);
}
