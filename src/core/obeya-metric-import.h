/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV import and export of metric entries (DESIGN.md section 2: "entering
 * a day's numbers is one keyboard-driven form, or a CSV import"; section 2
 * "Command line": a nightly report from another system can feed the
 * huddle board).
 *
 * The CSV (RFC 4180, read by obeya_csv_parse(): "quoted" fields with "" for
 * a quote, quoted line breaks, CRLF, LF or CR; a UTF-8 byte order mark is
 * skipped, empty lines too; the separator, ",", ";" or a tab, is the one
 * the header uses) has a header row naming its columns, in any order,
 * case-insensitively:
 *
 *   date    required, YYYY-MM-DD, not after today
 *   metric  required, the metric's id or name (a name shared by several
 *           metrics is an error: use the id)
 *   value   required, a decimal number with a decimal point ("12.5", "-3",
 *           "1e3"); no NaN, no infinity, |value| ≤ OBEYA_METRIC_VALUE_MAX
 *   note    optional, free text
 *   reason  optional, the name (or id) of an existing miss reason
 *
 * A weekly metric's row is stored on the Monday of its week. Two rows for
 * the same metric and day (after that) are an error: which one is meant
 * is not ours to guess. A row that repeats the existing entry exactly is
 * fine and changes nothing.
 *
 * obeya_metric_import_parse() builds a preview: every good row, and every
 * bad row's error with its line number (a file that is not CSV at all,
 * bad quoting or encoding, gives one error: where the reader stopped).
 * obeya_metric_import_apply() imports only when no row is bad, as one
 * undoable command.
 */
#pragma once

#include "obeya-metric.h"
#include "obeya-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint        line;      /* 1-based line where the row starts */
  ObeyaMetric *metric;
  ObeyaDay     day;       /* normalised (weekly: the Monday) */
  double       value;
  const char  *note;      /* NULL for none */
  const char  *reason_id; /* NULL for none */
  gboolean     is_new;    /* the metric has no entry that day yet */
  gboolean     unchanged; /* the metric already has exactly this entry */
} ObeyaMetricImportRow;

typedef struct
{
  guint       line;       /* 1-based; the header is line 1 */
  const char *message;    /* without the line number */
} ObeyaMetricImportError;

typedef struct _ObeyaMetricImport ObeyaMetricImport;

ObeyaMetricImport *obeya_metric_import_parse       (ObeyaMetrics *metrics,
                                                    const char   *text,
                                                    gssize        length,
                                                    ObeyaDay      today);
void               obeya_metric_import_free        (ObeyaMetricImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaMetricImport, obeya_metric_import_free)

const ObeyaMetricImportRow   *obeya_metric_import_get_rows   (ObeyaMetricImport *import,
                                                              guint             *n_rows);
const ObeyaMetricImportError *obeya_metric_import_get_errors (ObeyaMetricImport *import,
                                                              guint             *n_errors);
gboolean           obeya_metric_import_has_errors  (ObeyaMetricImport *import);
/* Every error as "line 4: …", one per line (for the command line). */
char              *obeya_metric_import_dup_errors_text (ObeyaMetricImport *import);

/* Imports every row as one undoable command, or nothing: FALSE with
 * OBEYA_METRICS_ERROR_IMPORT when a row is bad (or a metric or reason of
 * the preview was removed since). Returns TRUE with nothing to do when
 * every row is unchanged. */
gboolean           obeya_metric_import_apply       (ObeyaMetricImport *import,
                                                    GError           **error);

/* parse + apply, for the command line; *n_rows (may be NULL) gets the
 * number of rows read. */
gboolean           obeya_metrics_import_csv        (ObeyaMetrics *metrics,
                                                    const char   *text,
                                                    gssize        length,
                                                    ObeyaDay      today,
                                                    guint        *n_rows,
                                                    GError      **error);

/* CSV (the columns above, CRLF line ends) of the entries from @first to
 * @last inclusive (OBEYA_DAY_NONE: no bound) of @metric, or of every
 * metric when NULL; by date, then in the metrics' order. Values in their
 * shortest exact form, metrics and reasons by name. */
char              *obeya_metrics_export_csv        (ObeyaMetrics *metrics,
                                                    ObeyaMetric  *metric,
                                                    ObeyaDay      first,
                                                    ObeyaDay      last);

G_END_DECLS
