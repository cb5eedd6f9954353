/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAuditReport: the printable report of one 5S audit, drawn with cairo
 * and pango only (no GTK), so the app's Print and Save as PDF and
 * `obeya audit-report` on a machine without a display make the same pages.
 *
 * Content, in order: a title block (area, template and its version,
 * auditor, date, state; a draft carries a DRAFT banner and a DRAFT
 * watermark on every page), the overall score and the table of the five S
 * ("—" where an S has no score) beside a radar of this audit and the
 * previous one, the auditor's summary, the comparison with the previous
 * audit of the area (items that dropped first, then those that improved,
 * new and removed items, with arrows), every item grouped by S (number,
 * question, score or N/A or not scored, the written anchor of the score
 * given, the note, photos by file name, folder-scan evidence), the folder
 * scan summary when the audit has one, and the corrective actions raised
 * (card title, item, column, done, due date, owner). Every page but the
 * first has a running header (area, date); every page a footer (template,
 * "Page n of m").
 *
 * Pagination: everything is measured with pango before anything is drawn,
 * and laid out in blocks that never break across a page: an item whose note
 * does not fit in what is left of a page moves whole to the next page.
 * Headings stay with what follows them, a section that continues on a new
 * page repeats its heading ("Sort (continued)"), the actions table its
 * header row. The one exception is a single block taller than a whole page
 * (a note of several thousand words): it starts on a new page and goes on
 * over the next ones, cut between two lines of text, never through one.
 *
 * The report copies what it shows when it is made (it keeps no reference
 * to the model), so printing may go on while the model changes. Its text
 * is laid out for a device-independent 72 dpi with no hinting, so the
 * page breaks are the same on paper, in a PDF and in a PNG. It measures
 * with the calling thread's default pango font map: make, lay out and draw
 * a report in one thread.
 *
 * Printing with GtkPrintOperation (the app does this; units are points):
 *
 *   gtk_print_operation_set_use_full_page (op, TRUE);
 *   gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
 *   ::begin-print  obeya_audit_report_layout (report,
 *                      gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
 *                      gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS));
 *                  gtk_print_operation_set_n_pages (op, obeya_audit_report_get_n_pages (report));
 *   ::draw-page    obeya_audit_report_draw_page (report,
 *                      gtk_print_context_get_cairo_context (context), page_nr);
 *
 * Save as PDF: obeya_audit_report_write_pdf(), or obeya_audit_report_render_pdf()
 * and a save of the bytes elsewhere.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "obeya-audit.h"
#include "obeya-audits.h"

G_BEGIN_DECLS

typedef enum
{
  OBEYA_PAPER_A4,     /* 210 × 297 mm */
  OBEYA_PAPER_LETTER, /* 8.5 × 11 in */
} ObeyaPaperSize;

/* The size of @paper in points (1/72 in), portrait. */
void              obeya_paper_size_get_points     (ObeyaPaperSize    paper,
                                                   double           *width,
                                                   double           *height);
/* "a4" or "letter" (any case); FALSE for anything else. */
gboolean          obeya_paper_size_parse          (const char       *text,
                                                   ObeyaPaperSize   *paper);
/* Letter where the locale's paper is Letter (LC_PAPER), else A4. */
ObeyaPaperSize    obeya_paper_size_get_default    (void);

#define OBEYA_TYPE_AUDIT_REPORT (obeya_audit_report_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaAuditReport, obeya_audit_report, OBEYA, AUDIT_REPORT, GObject)

/* The report of @audit (a finished audit or a draft) of @audits, compared
 * with the finished audit of its area before it, laid out on @paper. */
ObeyaAuditReport *obeya_audit_report_new          (ObeyaAudits      *audits,
                                                   ObeyaAudit       *audit,
                                                   ObeyaPaperSize    paper);

/* Lays the report out again on pages of @width × @height points (a print
 * dialog's page setup). obeya_audit_report_new() has laid it out on its
 * paper already. */
void              obeya_audit_report_layout       (ObeyaAuditReport *self,
                                                   double            width,
                                                   double            height);
double            obeya_audit_report_get_page_width  (ObeyaAuditReport *self);
double            obeya_audit_report_get_page_height (ObeyaAuditReport *self);
guint             obeya_audit_report_get_n_pages  (ObeyaAuditReport *self);

/* Draws page @page (from 0) into @cr, whose user space is the page in
 * points with the origin at its top left corner. Paints no background. */
void              obeya_audit_report_draw_page    (ObeyaAuditReport *self,
                                                   cairo_t          *cr,
                                                   guint             page);

/* Every page as a PDF document (with a title, and an outline of the
 * sections). Errors are G_IO_ERROR_FAILED. */
GBytes           *obeya_audit_report_render_pdf   (ObeyaAuditReport  *self,
                                                   GError           **error);
/* obeya_audit_report_render_pdf() written to @path atomically (a complete
 * temporary file renamed over it, see obeya_file_save()). */
gboolean          obeya_audit_report_write_pdf    (ObeyaAuditReport  *self,
                                                   const char        *path,
                                                   GError           **error);

/* ---- what went where (tests, accessibility) ------------------------------ */

/* The pages the item @item_id is on: @first_page and @last_page are equal
 * unless the item alone is taller than a page. FALSE when the report does
 * not show that item. */
gboolean          obeya_audit_report_get_item_pages (ObeyaAuditReport *self,
                                                     const char       *item_id,
                                                     guint            *first_page,
                                                     guint            *last_page);
/* The text on @page, one piece of text a line, in drawing order (the
 * watermark, the header and footer, then the content). */
char             *obeya_audit_report_dup_page_text  (ObeyaAuditReport *self,
                                                     guint             page);

G_END_DECLS
