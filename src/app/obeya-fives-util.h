/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the 5S audit windows (the 5S page, the audit walk, the
 * results, the template manager, the raise-action and scan dialogs): who
 * the user is, where the workspace file lives (photos are stored relative
 * to it), how a due date, a score or a change reads, and opening an audit
 * in the right window.
 */
#pragma once

#include <adwaita.h>

#include "obeya-audit-score.h"
#include "obeya-audits.h"
#include "obeya-types.h"
#include "obeya-window.h"

G_BEGIN_DECLS

/* The main window @widget belongs to: its root, or up the chain of
 * transient parents (a dialog over a dialog over the window). NULL if none. */
ObeyaWindow *obeya_fives_get_main_window     (GtkWidget      *widget);
/* The workspace file of that window, or NULL (a workspace not saved yet). */
GFile       *obeya_fives_dup_workspace_file  (GtkWidget      *widget);
/* The person the user chose as themselves in People and Tags, or NULL. */
char        *obeya_fives_dup_me              (GtkWidget      *widget);

/* The name of the person @person_id, or NULL when unknown. */
const char  *obeya_fives_person_name         (ObeyaWorkspace *workspace,
                                              const char     *person_id);

/* "Overdue by 9 days", "Due today", "Never audited: due now", "Next due
 * 3 Dec 2026". */
char        *obeya_fives_describe_due        (const ObeyaAreaStatus *status);
/* "error" for overdue, "warning" for due, NULL otherwise. */
const char  *obeya_fives_due_css_class       (ObeyaAreaDue    due);

/* "3", "N/A", "—" (not scored). */
char        *obeya_fives_format_item_score   (int             score);
/* "7 of 20 scored" for a draft. */
char        *obeya_fives_describe_progress   (ObeyaAudit     *audit);

/* Icon, CSS class and a word for a change in the comparison. */
const char  *obeya_fives_change_icon         (ObeyaChange     change);
const char  *obeya_fives_change_css_class    (ObeyaChange     change);
/* "+8 points", "−12 points", "no change", "" when not comparable. */
char        *obeya_fives_format_delta        (const ObeyaScoreComparison *comparison);

/* A toast in the nearest AdwToastOverlay above @widget; with an "Undo"
 * button that activates @undo_action (e.g. "walk.undo") when not NULL. */
void         obeya_fives_show_toast          (GtkWidget      *widget,
                                              const char     *message,
                                              const char     *undo_action);

/* A native file chooser over @parent whose "response" runs @response (a
 * GtkNativeDialog::response handler) with @data; it frees itself after the
 * response. Show it with gtk_native_dialog_show() once set up. */
GtkFileChooser *obeya_fives_file_chooser_new (GtkWindow            *parent,
                                              const char           *title,
                                              GtkFileChooserAction  action,
                                              const char           *accept_label,
                                              GCallback             response,
                                              gpointer              data);
/* Adds a filter of @mime_type and @pattern (either may be NULL). */
void         obeya_fives_file_chooser_add_filter (GtkFileChooser *chooser,
                                                  const char     *name,
                                                  const char     *mime_type,
                                                  const char     *pattern);
/* Shows a chooser of a 5S template file (JSON) to import; @response as
 * for obeya_fives_file_chooser_new(). */
void         obeya_fives_choose_template_file (GtkWindow *parent,
                                               GCallback  response,
                                               gpointer   data);
/* Writes @bytes (NULL: @error says why there are none) to the local file
 * @file and says how it went in a toast over @widget. */
gboolean     obeya_fives_export_bytes        (GtkWidget      *widget,
                                              GFile          *file,
                                              GBytes         *bytes,
                                              const GError   *error);
/* Imports the standalone template file @file into @audits. */
ObeyaAuditTemplate *obeya_fives_import_template (ObeyaAudits *audits,
                                                 GFile       *file,
                                                 GError     **error);
/* Asks, then deletes @audit (a draft or a finished audit); the main window
 * offers to undo it. Windows showing the audit close themselves. */
void         obeya_fives_delete_audit        (GtkWindow      *parent,
                                              ObeyaAudit     *audit);

/* A draft opens in the audit walk, a finished audit in its results; both
 * over @parent. */
void         obeya_fives_open_audit          (GtkWindow      *parent,
                                              ObeyaAudit     *audit);
/* Resumes @area's newest draft, or starts one today (the user as the
 * auditor), and opens it in the walk. Returns the audit (owned by the
 * workspace), or NULL for a read-only workspace. */
ObeyaAudit  *obeya_fives_start_audit         (GtkWindow      *parent,
                                              ObeyaArea      *area);

G_END_DECLS
