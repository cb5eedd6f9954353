/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-audit-print: "Save as PDF…" and "Print…" of an audit's results.
 *
 * The report itself (layout, pages, the PDF) is src/views/obeya-audit-report,
 * the same pages `obeya audit-report` writes without a display; this file
 * is the only place the app calls it.
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
