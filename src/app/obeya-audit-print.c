/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-audit.h"
#include "obeya-audit-print.h"
#include "obeya-audit-report.h"
#include "obeya-fives-util.h"
#include "obeya-workspace.h"

/* ---- the report ---------------------------------------------------------------------
 *
 * src/views/obeya-audit-report lays the report out and draws its pages; the
 * same pages go to the printer, to Save as PDF and to `obeya audit-report`.
 */

static ObeyaAudits *
audits_of (ObeyaAudit *audit)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (audit));

  return workspace != NULL ? obeya_workspace_get_audits (workspace) : NULL;
}

/* The report of @audit laid out for pages of @width × @height points, and
 * its number of pages; NULL for an audit that is no longer in a workspace. */
static ObeyaAuditReport *
report_layout (ObeyaAudit *audit,
               double      width,
               double      height,
               guint      *n_pages)
{
  ObeyaAudits *audits = audits_of (audit);
  ObeyaAuditReport *report;

  *n_pages = 0;
  if (audits == NULL)
    return NULL;
  report = obeya_audit_report_new (audits, audit, obeya_paper_size_get_default ());
  if (width > 0 && height > 0)
    obeya_audit_report_layout (report, width, height);
  *n_pages = obeya_audit_report_get_n_pages (report);
  return report;
}

gboolean
obeya_audit_print_available (void)
{
  return TRUE;
}

gboolean
obeya_audit_print_save_pdf (ObeyaAudit  *audit,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(ObeyaAuditReport) report = NULL;
  guint n_pages;

  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = report_layout (audit, 0, 0, &n_pages);
  if (report == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The audit is no longer in the workspace"));
      return FALSE;
    }
  return obeya_audit_report_write_pdf (report, path, error);
}

/* ---- printing --------------------------------------------------------------------- */

typedef struct
{
  ObeyaAudit       *audit;
  ObeyaAuditReport *report;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->report);
  g_object_unref (job->audit);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages = 0;

  g_clear_object (&job->report);
  job->report = report_layout (job->audit, gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context), &n_pages);
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  if (job->report != NULL)
    obeya_audit_report_draw_page (job->report, gtk_print_context_get_cairo_context (context),
                                  (guint) page);
}

void
obeya_audit_print_run (GtkWindow  *parent,
                       ObeyaAudit *audit)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  g_return_if_fail (OBEYA_IS_AUDIT (audit));

  if (!obeya_audit_print_available ())
    return;
  job = g_new0 (PrintJob, 1);
  job->audit = g_object_ref (audit);
  operation = gtk_print_operation_new ();
  /* The report draws in points from the top left of the paper, with its
   * own margins. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "obeya-print-job", job, print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR && parent != NULL)
    obeya_fives_show_toast (GTK_WIDGET (parent), error->message, NULL);
}
