/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-audit.h"
#include "obeya-audit-print.h"
#include "obeya-fives-util.h"

/* ---- report hook: the three calls into src/views/obeya-audit-report ---------------
 *
 * Replace these bodies when obeya-audit-report.h lands (see the header). They
 * take the page size in points so that printing can lay out for the printer's
 * paper, and return FALSE / 0 while the report is not part of the build.
 */

/* Lays out the report of @audit for pages of @width × @height points;
 * returns an opaque report for report_draw_page() (freed with
 * report_free()) and its number of pages, or NULL. */
static gpointer
report_layout (ObeyaAudit *audit,
               double      width,
               double      height,
               guint      *n_pages)
{
  *n_pages = 0;
  return NULL;
}

static void
report_draw_page (gpointer  report,
                  cairo_t  *cr,
                  guint     page)
{
}

static void
report_free (gpointer report)
{
}

gboolean
obeya_audit_print_available (void)
{
  return FALSE;
}

gboolean
obeya_audit_print_save_pdf (ObeyaAudit  *audit,
                            const char  *path,
                            GError     **error)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The audit report is not part of this version of Obeya"));
  return FALSE;
}

/* ---- printing --------------------------------------------------------------------- */

typedef struct
{
  ObeyaAudit *audit;
  gpointer    report;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  if (job->report != NULL)
    report_free (job->report);
  g_object_unref (job->audit);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages = 0;

  if (job->report != NULL)
    report_free (job->report);
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
    report_draw_page (job->report, gtk_print_context_get_cairo_context (context), page);
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
  /* The report draws in points, from the top left of the printable area. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "obeya-print-job", job, print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR && parent != NULL)
    obeya_fives_show_toast (GTK_WIDGET (parent), error->message, NULL);
}
