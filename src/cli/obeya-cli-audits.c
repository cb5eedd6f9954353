/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 5S audits on the command line:
 *
 *   obeya audits [--format text|csv] [--bom] [--output FILE] WORKSPACE
 *       every audit by date (then area): text, a table with the ids that
 *       audit-report takes; csv, obeya_audits_export_csv() (area, date,
 *       auditor, state, overall and the five S in percent).
 *
 *   obeya audit-report (--audit ID | --area NAME|ID --latest) [--paper a4|letter]
 *                      --output FILE.pdf WORKSPACE
 *       the printable report of one audit (ObeyaAuditReport) as PDF: the
 *       audit by id (a draft is marked DRAFT), or the latest finished audit
 *       of an area. The paper defaults to the locale's (Letter where that is
 *       the custom, else A4); "-" writes the PDF to the standard output.
 */
#define G_LOG_DOMAIN "obeya-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "obeya-area.h"
#include "obeya-audit-report.h"
#include "obeya-audit-score.h"
#include "obeya-audit.h"
#include "obeya-audits.h"
#include "obeya-cli-private.h"
#include "obeya-person.h"
#include "obeya-workspace.h"

/* ---- audits ------------------------------------------------------------------- */

static int
compare_by_date_cb (gconstpointer a,
                    gconstpointer b)
{
  ObeyaAudit *x = *(ObeyaAudit **) a;
  ObeyaAudit *y = *(ObeyaAudit **) b;
  ObeyaDay dx = obeya_audit_get_date (x), dy = obeya_audit_get_date (y);

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return g_utf8_collate (obeya_area_get_name (obeya_audit_get_area (x)),
                         obeya_area_get_name (obeya_audit_get_area (y)));
}

/* The audits of @workspace (or of @area), by date then area: new references. */
static GPtrArray *
list_audits (ObeyaWorkspace *workspace,
             ObeyaArea      *area)
{
  GListModel *model = obeya_audits_get_audits (obeya_workspace_get_audits (workspace));
  GPtrArray *audits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      ObeyaAudit *audit = g_list_model_get_item (model, i);

      if (area == NULL || obeya_audit_get_area (audit) == area)
        g_ptr_array_add (audits, audit);
      else
        g_object_unref (audit);
    }
  g_ptr_array_sort (audits, compare_by_date_cb);
  return audits;
}

/* Appends @text padded with spaces to @width characters (on the left when
 * @right), and two spaces between columns. */
static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    right)
{
  glong padding = (glong) width - g_utf8_strlen (text, -1);

  for (glong i = 0; right && i < padding; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, text);
  for (glong i = 0; !right && i < padding; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

#define N_CELLS 6

/* One row of the text table: date, area, state, overall, auditor, id. */
static char **
audit_row (ObeyaWorkspace *workspace,
           ObeyaAudit     *audit)
{
  const char *auditor = obeya_audit_get_auditor (audit);
  ObeyaPerson *person = auditor ? obeya_workspace_find_person (workspace, auditor) : NULL;
  char **row = g_new0 (char *, N_CELLS + 1);
  ObeyaAuditScore score;

  obeya_audit_score_of_audit (audit, &score);
  row[0] = obeya_day_to_string (obeya_audit_get_date (audit));
  row[1] = g_strdup (obeya_area_get_name (obeya_audit_get_area (audit)));
  row[2] = g_strdup (obeya_audit_state_get_label (obeya_audit_get_state (audit)));
  row[3] = obeya_audit_score_format (&score.overall);
  row[4] = g_strdup (person ? obeya_person_get_name (person) : auditor ? auditor : "—");
  row[5] = g_strdup (obeya_entity_get_id (OBEYA_ENTITY (audit)));
  return row;
}

/* A table of @audits with their ids, a line each under a line of headers. */
static char *
format_audits (ObeyaWorkspace *workspace,
               GPtrArray      *audits)
{
  const char *headers[N_CELLS] = {
    _("Date"), _("Area"), _("State"), _("Overall"), _("Auditor"), _("Id"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GString *table = g_string_new (NULL);
  guint widths[N_CELLS];

  for (guint k = 0; k < N_CELLS; k++)
    widths[k] = g_utf8_strlen (headers[k], -1);
  for (guint i = 0; i < audits->len; i++)
    {
      char **row = audit_row (workspace, audits->pdata[i]);

      for (guint k = 0; k < N_CELLS; k++)
        widths[k] = MAX (widths[k], (guint) g_utf8_strlen (row[k], -1));
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i <= rows->len; i++)
    {
      const char * const *cells = i == 0 ? headers : (const char * const *) rows->pdata[i - 1];

      g_string_append (table, "  ");
      for (guint k = 0; k + 1 < N_CELLS; k++)
        append_cell (table, cells[k], widths[k], k == 3 && i > 0);
      g_string_append (table, cells[N_CELLS - 1]);
      g_string_append_c (table, '\n');
    }
  return g_string_free (table, FALSE);
}

int
_obeya_cli_run_audits (ObeyaCli  *cli,
                       int        argc,
                       char     **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean bom = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("text (the default): a table with the ids of the audits; csv: the scores of every "
         "audit, per S and overall, in percent"), N_("text|csv") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("CSV: start with a byte order mark, which Excel needs to read UTF-8"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean csv;
  gsize length;
  int status;

  if (!obeya_cli_parse (cli, NULL, entries, 1, &argc, &argv, &status))
    return status;
  if (format != NULL && g_ascii_strcasecmp (format, "text") != 0 &&
      g_ascii_strcasecmp (format, "csv") != 0)
    {
      obeya_cli_printerr (cli, _("--format: “%s” is not a format: text or csv.\n"), format);
      return OBEYA_CLI_EXIT_USAGE;
    }
  csv = format != NULL && g_ascii_strcasecmp (format, "csv") == 0;
  if (bom && !csv)
    {
      obeya_cli_printerr (cli, _("--bom is for CSV (--format csv).\n"));
      return OBEYA_CLI_EXIT_USAGE;
    }

  workspace = obeya_cli_load_workspace (cli, argv[1], NULL);
  if (workspace == NULL)
    return OBEYA_CLI_EXIT_FAILURE;

  if (csv)
    {
      g_autofree char *text = obeya_audits_export_csv (obeya_workspace_get_audits (workspace));

      if (bom)
        {
          g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", text, NULL);

          g_free (text);
          text = g_steal_pointer (&with_bom);
        }
      length = strlen (text);
      bytes = g_bytes_new_take (g_steal_pointer (&text), length);
    }
  else
    {
      g_autoptr(GPtrArray) audits = list_audits (workspace, NULL);
      char *table = audits->len > 0 ? format_audits (workspace, audits) : g_strdup ("");

      if (audits->len == 0)
        obeya_cli_printerr (cli, _("The workspace has no 5S audits.\n"));
      length = strlen (table);
      bytes = g_bytes_new_take (table, length);
    }

  if (output != NULL && strcmp (output, "-") != 0)
    return obeya_cli_write_file (cli, output, bytes) ? OBEYA_CLI_EXIT_OK : OBEYA_CLI_EXIT_FAILURE;
  obeya_cli_write (cli, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return OBEYA_CLI_EXIT_OK;
}

/* ---- audit-report ------------------------------------------------------------------ */

static void
print_areas (ObeyaCli       *cli,
             ObeyaWorkspace *workspace)
{
  GListModel *areas = obeya_audits_get_areas (obeya_workspace_get_audits (workspace));
  guint n = g_list_model_get_n_items (areas);

  if (n == 0)
    obeya_cli_printerr (cli, _("The workspace has no 5S areas.\n"));
  else
    obeya_cli_printerr (cli, _("Its areas:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, i);

      obeya_cli_printerr (cli, "  “%s” (id %s)\n", obeya_area_get_name (area),
                          obeya_entity_get_id (OBEYA_ENTITY (area)));
    }
}

/* The area whose id is @name_or_id, else the one with that name (ignoring
 * case); prints the areas there are and returns NULL when there is none, or
 * more than one with that name. */
static ObeyaArea *
find_area (ObeyaCli       *cli,
           ObeyaWorkspace *workspace,
           const char     *name_or_id)
{
  ObeyaAudits *audits = obeya_workspace_get_audits (workspace);
  ObeyaArea *found = obeya_audits_find_area (audits, name_or_id);
  guint matches;

  if (found != NULL)
    return found;
  found = obeya_cli_find_by_name (obeya_audits_get_areas (audits), name_or_id, &matches);
  if (matches == 1)
    return found;

  if (matches == 0)
    obeya_cli_printerr (cli, _("There is no area “%s”. "), name_or_id);
  else
    obeya_cli_printerr (cli, _("%u areas are named “%s”: give the id of one. "), matches,
                        name_or_id);
  print_areas (cli, workspace);
  return NULL;
}

/* Lists the audits of @area (all of them when NULL) with their ids, or says
 * there are none. */
static void
print_audits_of (ObeyaCli       *cli,
                 ObeyaWorkspace *workspace,
                 ObeyaArea      *area)
{
  g_autoptr(GPtrArray) audits = list_audits (workspace, area);
  g_autofree char *table = NULL;

  if (audits->len == 0)
    {
      if (area != NULL)
        obeya_cli_printerr (cli, _("“%s” has no audits.\n"), obeya_area_get_name (area));
      else
        obeya_cli_printerr (cli, _("The workspace has no 5S audits.\n"));
      return;
    }
  table = format_audits (workspace, audits);
  obeya_cli_printerr (cli, _("Its audits:\n%s"), table);
}

int
_obeya_cli_run_audit_report (ObeyaCli  *cli,
                             int        argc,
                             char     **argv)
{
  g_autofree char *audit_id = NULL;
  g_autofree char *area_name = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *output = NULL;
  gboolean latest = FALSE;
  const GOptionEntry entries[] = {
    { "audit", 'a', 0, G_OPTION_ARG_STRING, &audit_id,
      N_("The audit, by id (`obeya audits WORKSPACE` lists them)"), N_("ID") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area_name,
      N_("With --latest: the area, by name or id"), N_("NAME|ID") },
    { "latest", 'l', 0, G_OPTION_ARG_NONE, &latest,
      N_("The latest finished audit of the --area"), NULL },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper_text,
      N_("The paper size (default: the locale's)"), N_("a4|letter") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write, or - for the standard output"), N_("FILE.pdf") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(ObeyaAuditReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ObeyaPaperSize paper = obeya_paper_size_get_default ();
  ObeyaAudits *audits;
  ObeyaAudit *audit;
  int status;

  if (!obeya_cli_parse (cli, NULL, entries, 1, &argc, &argv, &status))
    return status;

  /* Every usage error before the workspace is read. */
  if (output == NULL)
    {
      obeya_cli_printerr (cli, _("Where to? Give --output FILE.pdf (or - for the standard "
                                 "output).\n"));
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (paper_text != NULL && !obeya_paper_size_parse (paper_text, &paper))
    {
      obeya_cli_printerr (cli, _("--paper: “%s” is not a paper size: a4 or letter.\n"),
                          paper_text);
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (audit_id != NULL && (area_name != NULL || latest))
    {
      obeya_cli_printerr (cli, _("Give either --audit ID, or --area NAME with --latest, not "
                                 "both.\n"));
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (latest && area_name == NULL)
    {
      obeya_cli_printerr (cli, _("--latest of which area? Give --area NAME or --area ID.\n"));
      return OBEYA_CLI_EXIT_USAGE;
    }

  workspace = obeya_cli_load_workspace (cli, argv[1], NULL);
  if (workspace == NULL)
    return OBEYA_CLI_EXIT_FAILURE;
  audits = obeya_workspace_get_audits (workspace);

  if (audit_id == NULL && area_name == NULL)
    {
      obeya_cli_printerr (cli, _("Which audit? Give --audit ID, or --area NAME --latest. "));
      print_audits_of (cli, workspace, NULL);
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (audit_id != NULL)
    {
      audit = obeya_audits_find_audit (audits, audit_id);
      if (audit == NULL)
        {
          obeya_cli_printerr (cli, _("There is no audit “%s”. "), audit_id);
          print_audits_of (cli, workspace, NULL);
          return OBEYA_CLI_EXIT_FAILURE;
        }
    }
  else
    {
      ObeyaArea *area = find_area (cli, workspace, area_name);

      if (area == NULL)
        return OBEYA_CLI_EXIT_FAILURE;
      if (!latest)
        {
          obeya_cli_printerr (cli, _("Which audit of “%s”? Give --latest, or --audit ID. "),
                              obeya_area_get_name (area));
          print_audits_of (cli, workspace, area);
          return OBEYA_CLI_EXIT_USAGE;
        }
      audit = obeya_audits_get_latest (audits, area);
      if (audit == NULL)
        {
          obeya_cli_printerr (cli, _("“%s” has no finished audit yet. "),
                              obeya_area_get_name (area));
          print_audits_of (cli, workspace, area);
          return OBEYA_CLI_EXIT_FAILURE;
        }
    }

  if (!obeya_audit_is_finished (audit))
    obeya_cli_printerr (cli, _("Note: this audit is a draft; its report is marked DRAFT.\n"));

  report = obeya_audit_report_new (audits, audit, paper);
  bytes = obeya_audit_report_render_pdf (report, &error);
  if (bytes == NULL)
    {
      obeya_cli_printerr (cli, "%s\n", error->message);
      return OBEYA_CLI_EXIT_FAILURE;
    }

  if (strcmp (output, "-") != 0)
    return obeya_cli_write_file (cli, output, bytes) ? OBEYA_CLI_EXIT_OK : OBEYA_CLI_EXIT_FAILURE;
  obeya_cli_write (cli, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return OBEYA_CLI_EXIT_OK;
}
