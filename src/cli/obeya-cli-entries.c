/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya import-entries [--dry-run] ENTRIES.csv WORKSPACE
 * obeya export-entries [--metric NAME|ID] [--from DATE] [--to DATE] [--output FILE] WORKSPACE
 *
 * Metric entries in and out as CSV (the columns of obeya-metric-import.h),
 * so that a nightly report from another system can feed the huddle board.
 * The import is all or nothing: a preview (rows read, per metric what
 * would change) on the standard output, each bad row with its line number
 * and reason on the standard error, and nothing written when any row is
 * bad (exit status 1).
 */
#define G_LOG_DOMAIN "obeya-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "obeya-cli-private.h"
#include "obeya-file.h"
#include "obeya-metric-import.h"
#include "obeya-metric.h"
#include "obeya-metrics.h"
#include "obeya-workspace.h"

/* ---- import-entries ---------------------------------------------------------- */

typedef struct
{
  guint    rows;
  guint    new_entries;
  guint    changed;
  guint    unchanged;
  ObeyaDay first;
  ObeyaDay last;
} MetricPreview;

/* "3 new, 1 changed, 2 unchanged", leaving out the zeros. */
static char *
describe_changes (guint new_entries,
                  guint changed,
                  guint unchanged)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (new_entries > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new",
                                                          new_entries), new_entries));
  if (changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed",
                                                          "%u changed", changed), changed));
  if (unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged",
                                                          "%u unchanged", unchanged),
                                             unchanged));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator of "3 new, 1 changed, 2 unchanged" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* Per metric, in the workspace's order: how many rows, which days, what
 * would change. */
static void
print_preview (ObeyaCli          *cli,
               ObeyaMetrics      *metrics,
               ObeyaMetricImport *import)
{
  GListModel *model = obeya_metrics_get_metrics (metrics);
  guint n = g_list_model_get_n_items (model);
  g_autofree MetricPreview *previews = g_new0 (MetricPreview, n);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  const ObeyaMetricImportRow *rows;
  guint n_rows;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (model, i);
      g_hash_table_insert (index, metric, GUINT_TO_POINTER (i + 1));
    }

  rows = obeya_metric_import_get_rows (import, &n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, rows[r].metric));
      MetricPreview *p;

      if (i == 0)
        continue;
      p = &previews[i - 1];
      p->rows++;
      if (rows[r].unchanged)
        p->unchanged++;
      else if (rows[r].is_new)
        p->new_entries++;
      else
        p->changed++;
      if (p->first == OBEYA_DAY_NONE || rows[r].day < p->first)
        p->first = rows[r].day;
      p->last = MAX (p->last, rows[r].day);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (model, i);
      const MetricPreview *p = &previews[i];
      g_autofree char *changes = NULL;
      g_autofree char *count = NULL;
      char first[OBEYA_DAY_BUF_SIZE], last[OBEYA_DAY_BUF_SIZE];

      if (p->rows == 0)
        continue;
      changes = describe_changes (p->new_entries, p->changed, p->unchanged);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", p->rows),
                               p->rows);
      obeya_day_format (p->first, first);
      obeya_day_format (p->last, last);
      if (p->first == p->last)
        /* Translators: "  “Invoices processed”: 1 row, 2026-11-02 (1 new)" */
        obeya_cli_print (cli, _("  “%s”: %s, %s (%s)\n"), obeya_metric_get_name (metric), count,
                         first, changes);
      else
        /* Translators: "  “Invoices processed”: 5 rows, 2026-11-02 to 2026-11-06 (4 new, 1
         * unchanged)" */
        obeya_cli_print (cli, _("  “%s”: %s, %s to %s (%s)\n"), obeya_metric_get_name (metric),
                         count, first, last, changes);
    }
}

int
_obeya_cli_run_import_entries (ObeyaCli  *cli,
                               int        argc,
                               char     **argv)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and show what would change, without writing anything"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(ObeyaMetricImport) import = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  const ObeyaMetricImportRow *rows;
  const ObeyaMetricImportError *errors;
  const char *csv_path, *workspace_path;
  ObeyaMetrics *metrics;
  guint n_rows, n_errors, n_changes = 0;
  int status;

  if (!obeya_cli_parse (cli, NULL, entries, 2, &argc, &argv, &status))
    return status;
  csv_path = argv[1];
  workspace_path = argv[2];

  workspace = obeya_cli_load_workspace_for_writing (cli, workspace_path, &etag);
  if (workspace == NULL)
    return OBEYA_CLI_EXIT_FAILURE;

  if (!obeya_file_load (csv_path, &csv, NULL, &error))
    {
      obeya_cli_printerr (cli, "%s\n", error->message);
      return OBEYA_CLI_EXIT_FAILURE;
    }

  metrics = obeya_workspace_get_metrics (workspace);
  import = obeya_metric_import_parse (metrics, g_bytes_get_data (csv, NULL),
                                      g_bytes_get_size (csv), obeya_day_today ());
  rows = obeya_metric_import_get_rows (import, &n_rows);
  errors = obeya_metric_import_get_errors (import, &n_errors);
  for (guint i = 0; i < n_rows; i++)
    n_changes += !rows[i].unchanged;

  /* The preview: what was read, and per metric what would change (not
   * when the file itself is wrong: a bad header, bad quoting). */
  if (n_rows > 0 || n_errors == 0)
    obeya_cli_print (cli, g_dngettext (GETTEXT_PACKAGE, "%s: %u row read\n",
                                       "%s: %u rows read\n", n_rows + n_errors),
                     csv_path, n_rows + n_errors);
  print_preview (cli, metrics, import);

  if (n_errors > 0)
    {
      for (guint i = 0; i < n_errors; i++)
        /* Translators: "entries.csv: line 4: no metric named “Invoices”" */
        obeya_cli_printerr (cli, _("%s: line %u: %s\n"), csv_path, errors[i].line,
                            errors[i].message);
      obeya_cli_printerr (cli, g_dngettext (GETTEXT_PACKAGE,
                                            "Nothing was imported: %u row is wrong.\n",
                                            "Nothing was imported: %u rows are wrong.\n",
                                            n_errors), n_errors);
      return OBEYA_CLI_EXIT_FAILURE;
    }

  if (dry_run)
    {
      obeya_cli_print (cli, g_dngettext (GETTEXT_PACKAGE,
                                         "Dry run: %u entry would change; nothing was written.\n",
                                         "Dry run: %u entries would change; nothing was written.\n",
                                         n_changes), n_changes);
      return OBEYA_CLI_EXIT_OK;
    }
  if (n_changes == 0)
    {
      obeya_cli_print (cli, _("Nothing to import: the workspace has every entry already.\n"));
      return OBEYA_CLI_EXIT_OK;
    }

  if (!obeya_metric_import_apply (import, &error))
    {
      obeya_cli_printerr (cli, "%s\n", error->message);
      return OBEYA_CLI_EXIT_FAILURE;
    }
  if (!obeya_cli_save_workspace (cli, workspace, workspace_path, etag))
    return OBEYA_CLI_EXIT_FAILURE;

  obeya_cli_print (cli, g_dngettext (GETTEXT_PACKAGE, "Imported %u entry into %s.\n",
                                     "Imported %u entries into %s.\n", n_changes),
                   n_changes, workspace_path);
  return OBEYA_CLI_EXIT_OK;
}

/* ---- export-entries ---------------------------------------------------------- */

int
_obeya_cli_run_export_entries (ObeyaCli  *cli,
                               int        argc,
                               char     **argv)
{
  g_autofree char *metric_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "metric", 'm', 0, G_OPTION_ARG_STRING, &metric_name,
      N_("Only this metric, by name or id (default: every metric)"), N_("NAME|ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("Only entries on or after this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Only entries on or before this day"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(GBytes) csv = NULL;
  ObeyaMetric *metric = NULL;
  ObeyaDay from, to;
  char *text;
  int status;

  if (!obeya_cli_parse (cli, NULL, entries, 1, &argc, &argv, &status))
    return status;
  if (!obeya_cli_parse_range (cli, from_text, to_text, &from, &to))
    return OBEYA_CLI_EXIT_USAGE;

  workspace = obeya_cli_load_workspace (cli, argv[1], NULL);
  if (workspace == NULL)
    return OBEYA_CLI_EXIT_FAILURE;
  if (metric_name != NULL)
    {
      metric = obeya_cli_find_metric (cli, workspace, metric_name);
      if (metric == NULL)
        return OBEYA_CLI_EXIT_FAILURE;
    }

  text = obeya_metrics_export_csv (obeya_workspace_get_metrics (workspace), metric, from, to);
  csv = g_bytes_new_take (text, strlen (text));

  if (output != NULL && strcmp (output, "-") != 0)
    return obeya_cli_write_file (cli, output, csv) ? OBEYA_CLI_EXIT_OK : OBEYA_CLI_EXIT_FAILURE;

  obeya_cli_write (cli, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  return OBEYA_CLI_EXIT_OK;
}
