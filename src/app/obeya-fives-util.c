/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-results.h"
#include "obeya-audit-walk.h"
#include "obeya-dialog-util.h"
#include "obeya-document.h"
#include "obeya-file.h"
#include "obeya-fives-util.h"
#include "obeya-people-dialog.h"
#include "obeya-person.h"
#include "obeya-workspace.h"

ObeyaWindow *
obeya_fives_get_main_window (GtkWidget *widget)
{
  GtkWindow *window;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  window = GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget)
                                  : GTK_WINDOW (gtk_widget_get_root (widget));
  while (window != NULL && !OBEYA_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window ? OBEYA_WINDOW (window) : NULL;
}

GFile *
obeya_fives_dup_workspace_file (GtkWidget *widget)
{
  ObeyaWindow *window = obeya_fives_get_main_window (widget);
  ObeyaDocument *document = window ? obeya_window_get_document (window) : NULL;
  const char *path = document ? obeya_document_get_path (document) : NULL;

  return path ? g_file_new_for_path (path) : NULL;
}

char *
obeya_fives_dup_me (GtkWidget *widget)
{
  g_autoptr(GFile) file = obeya_fives_dup_workspace_file (widget);
  g_autofree char *key = file ? g_file_get_uri (file) : NULL;

  return key ? obeya_people_dialog_dup_me (key) : NULL;
}

const char *
obeya_fives_person_name (ObeyaWorkspace *workspace,
                         const char     *person_id)
{
  ObeyaPerson *person;

  if (workspace == NULL || person_id == NULL)
    return NULL;
  person = obeya_workspace_find_person (workspace, person_id);
  return person ? obeya_person_get_name (person) : NULL;
}

char *
obeya_fives_describe_due (const ObeyaAreaStatus *status)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (status != NULL, NULL);

  switch (status->due)
    {
    case OBEYA_AREA_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %u day",
                                           "Overdue by %u days", status->days_overdue),
                              status->days_overdue);
    case OBEYA_AREA_DUE:
      if (status->latest == NULL)
        return g_strdup (_("Never audited: due now"));
      return g_strdup (_("Due today"));
    case OBEYA_AREA_OK:
    default:
      day = obeya_format_day (status->next_due);
      /* Translators: %s is a date ("3 Dec 2026") */
      return g_strdup_printf (_("Next due %s"), day);
    }
}

const char *
obeya_fives_due_css_class (ObeyaAreaDue due)
{
  switch (due)
    {
    case OBEYA_AREA_OVERDUE:
      return "error";
    case OBEYA_AREA_DUE:
      return "warning";
    case OBEYA_AREA_OK:
    default:
      return NULL;
    }
}

char *
obeya_fives_format_item_score (int score)
{
  if (score == OBEYA_SCORE_NA)
    /* Translators: "not applicable", a 5S item's score */
    return g_strdup (_("N/A"));
  if (score < 0 || score > OBEYA_SCORE_MAX)
    return g_strdup ("—");
  return g_strdup_printf ("%d", score);
}

char *
obeya_fives_describe_progress (ObeyaAudit *audit)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n_active = 0, n_unscored;

  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), NULL);

  items = obeya_audit_dup_items (audit);
  for (guint i = 0; i < items->len; i++)
    n_active += !obeya_audit_item_get_retired (items->pdata[i]);
  n_unscored = obeya_audit_count_unscored (audit);
  /* Translators: progress of a 5S audit: items scored (or N/A), of all items */
  return g_strdup_printf (_("%u of %u scored"), n_active - MIN (n_unscored, n_active), n_active);
}

const char *
obeya_fives_change_icon (ObeyaChange change)
{
  switch (change)
    {
    case OBEYA_CHANGE_DOWN:
      return "go-down-symbolic";
    case OBEYA_CHANGE_UP:
      return "go-up-symbolic";
    case OBEYA_CHANGE_SAME:
      return "list-remove-symbolic";
    case OBEYA_CHANGE_NEW:
      return "list-add-symbolic";
    case OBEYA_CHANGE_REMOVED:
      return "edit-delete-symbolic";
    case OBEYA_CHANGE_NOT_COMPARABLE:
    default:
      return "action-unavailable-symbolic";
    }
}

const char *
obeya_fives_change_css_class (ObeyaChange change)
{
  switch (change)
    {
    case OBEYA_CHANGE_DOWN:
      return "error";
    case OBEYA_CHANGE_UP:
      return "success";
    default:
      return "dim-label";
    }
}

char *
obeya_fives_format_delta (const ObeyaScoreComparison *comparison)
{
  int points;

  g_return_val_if_fail (comparison != NULL, NULL);

  if (comparison->change == OBEYA_CHANGE_NOT_COMPARABLE ||
      comparison->change == OBEYA_CHANGE_NEW || comparison->change == OBEYA_CHANGE_REMOVED)
    return g_strdup ("");
  points = (int) round (comparison->delta);
  if (points == 0)
    return g_strdup (_("no change"));
  if (points > 0)
    /* Translators: a rise of a 5S score, in percentage points */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%d point", "+%d points", points),
                            points);
  /* Translators: a fall of a 5S score, in percentage points (with a minus sign) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "−%d point", "−%d points", -points),
                          -points);
}

void
obeya_fives_show_toast (GtkWidget  *widget,
                        const char *message,
                        const char *undo_action)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && GTK_IS_WINDOW (widget))
    {
      GtkWidget *child = gtk_window_get_child (GTK_WINDOW (widget));

      overlay = ADW_IS_TOAST_OVERLAY (child) ? child : NULL;
    }
  if (overlay == NULL && ADW_IS_WINDOW (widget))
    {
      GtkWidget *content = adw_window_get_content (ADW_WINDOW (widget));

      overlay = ADW_IS_TOAST_OVERLAY (content) ? content : NULL;
    }
  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  if (undo_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, undo_action);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

GtkFileChooser *
obeya_fives_file_chooser_new (GtkWindow            *parent,
                              const char           *title,
                              GtkFileChooserAction  action,
                              const char           *accept_label,
                              GCallback             response,
                              gpointer              data)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  g_signal_connect (dialog, "response", response, data);
  g_signal_connect_after (dialog, "response", G_CALLBACK (g_object_unref), NULL);
  return GTK_FILE_CHOOSER (dialog);
}

void
obeya_fives_file_chooser_add_filter (GtkFileChooser *chooser,
                                     const char     *name,
                                     const char     *mime_type,
                                     const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
obeya_fives_choose_template_file (GtkWindow *parent,
                                  GCallback  response,
                                  gpointer   data)
{
  GtkFileChooser *chooser = obeya_fives_file_chooser_new (parent, _("Import Template"),
                                                          GTK_FILE_CHOOSER_ACTION_OPEN,
                                                          _("_Import"), response, data);

  obeya_fives_file_chooser_add_filter (chooser, _("5S templates (JSON)"), "application/json",
                                       "*.json");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
obeya_fives_export_bytes (GtkWidget    *widget,
                          GFile        *file,
                          GBytes       *bytes,
                          const GError *error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean done = FALSE;

  if (bytes != NULL && path != NULL)
    done = obeya_file_save (path, bytes, NULL, 0, NULL, &local_error);
  if (done)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Exported “%s”"), name);
    }
  else
    /* Translators: %s says why */
    message = g_strdup_printf (_("Could not export: %s"),
                               local_error ? local_error->message
                               : error ? error->message : _("not a local file"));
  obeya_fives_show_toast (widget, message, NULL);
  return done;
}

ObeyaAuditTemplate *
obeya_fives_import_template (ObeyaAudits  *audits,
                             GFile        *file,
                             GError      **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GBytes) bytes = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("not a local file"));
      return NULL;
    }
  if (!obeya_file_load (path, &bytes, NULL, error))
    return NULL;
  return obeya_audits_import_template (audits, bytes, error);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ObeyaAudit       *audit)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (audit));
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  ObeyaWindow *main_window = parent ? obeya_fives_get_main_window (GTK_WIDGET (parent)) : NULL;
  gboolean finished = obeya_audit_is_finished (audit);

  if (!g_str_equal (response, "delete") || workspace == NULL)
    return;
  obeya_audits_delete_audit (obeya_workspace_get_audits (workspace), audit);
  if (main_window != NULL)
    obeya_window_show_toast (main_window, finished ? _("Audit deleted") : _("Draft audit deleted"),
                             TRUE);
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

void
obeya_fives_delete_audit (GtkWindow  *parent,
                          ObeyaAudit *audit)
{
  gboolean finished;
  AdwMessageDialog *dialog;

  g_return_if_fail (OBEYA_IS_AUDIT (audit));

  finished = obeya_audit_is_finished (audit);
  dialog = obeya_dialog_new_confirm (parent,
                                     finished ? _("Delete This Audit?") : _("Delete This Draft?"),
                                     finished ? _("Its scores leave the area's trend. Cards raised "
                                                  "from it stay on their boards.")
                                              : _("Its scores, notes and photo references are "
                                                  "removed. Photo files stay where they are."),
                                     "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb),
                         g_object_ref (audit), unref_closure_data, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
obeya_fives_open_audit (GtkWindow  *parent,
                        ObeyaAudit *audit)
{
  GtkWindow *window;

  g_return_if_fail (OBEYA_IS_AUDIT (audit));

  if (obeya_audit_is_finished (audit))
    window = GTK_WINDOW (obeya_audit_results_new (parent, audit));
  else
    window = GTK_WINDOW (obeya_audit_walk_new (parent, audit));
  gtk_window_present (window);
}

ObeyaAudit *
obeya_fives_start_audit (GtkWindow *parent,
                         ObeyaArea *area)
{
  ObeyaWorkspace *workspace;
  ObeyaAudits *audits;
  ObeyaAudit *audit = NULL;
  g_autoptr(GArray) overview = NULL;
  g_autofree char *me = NULL;

  g_return_val_if_fail (OBEYA_IS_AREA (area), NULL);

  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (area));
  if (workspace == NULL || obeya_workspace_get_read_only (workspace))
    return NULL;
  audits = obeya_workspace_get_audits (workspace);

  /* One draft per area at a time: resume it rather than start another. */
  overview = obeya_audits_get_overview (audits, obeya_day_today ());
  for (guint i = 0; i < overview->len && audit == NULL; i++)
    {
      const ObeyaAreaStatus *status = &g_array_index (overview, ObeyaAreaStatus, i);

      if (status->area == area)
        audit = status->draft;
    }

  if (audit == NULL)
    {
      me = parent ? obeya_fives_dup_me (GTK_WIDGET (parent)) : NULL;
      audit = obeya_audits_start_audit (audits, area, obeya_day_today (), me);
    }
  obeya_fives_open_audit (parent, audit);
  return audit;
}
