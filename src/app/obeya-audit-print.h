/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-audit-print: "Save as PDF…" and "Print…" of an audit's results.
 *
 * The report itself (layout, pages, the PDF) belongs to the views library
 * (src/views/obeya-audit-report.[ch], built on branch "report"): this file
 * is the only place the app calls it. Until it is wired,
 * obeya_audit_print_available() returns FALSE and the results window shows
 * the two menu items disabled.
 *
 * WIRING (for the lead, when branch "report" is merged): fill in the three
 * functions in the "report hook" section of obeya-audit-print.c with
 *   obeya_audit_report_new (audits, audit, paper), obeya_audit_report_write_pdf (),
 *   obeya_audit_report_get_n_pages () and obeya_audit_report_draw_page ()
 * and make obeya_audit_print_available() return TRUE. The GtkPrintOperation
 * around them (begin-print lays out for the page setup's size, draw-page
 * draws one page in points) is already here.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-types.h"

G_BEGIN_DECLS

gboolean obeya_audit_print_available (void);
/* Writes the report of @audit as a PDF at @path (A4 or Letter from the locale). */
gboolean obeya_audit_print_save_pdf  (ObeyaAudit  *audit,
                                      const char  *path,
                                      GError     **error);
/* The print dialog for the report of @audit, over @parent. */
void     obeya_audit_print_run       (GtkWindow   *parent,
                                      ObeyaAudit  *audit);

G_END_DECLS
