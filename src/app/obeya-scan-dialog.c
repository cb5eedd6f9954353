/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-dialog-util.h"
#include "obeya-fives-util.h"
#include "obeya-history.h"
#include "obeya-scan-dialog.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

/* Copies listed per group of duplicates. */
#define MAX_COPIES_SHOWN 8

struct _ObeyaScanDialog
{
  AdwWindow             parent_instance;

  ObeyaAudit           *audit;
  char                 *folder;
  ObeyaFolderScan      *scan;
  GCancellable         *cancellable;
  ObeyaScanResult      *result;
  GPtrArray            *result_rows;   /* rows added to the two result groups */
  gint64                started;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwPreferencesPage   *page;
  AdwActionRow         *folder_row;
  AdwActionRow         *pattern_row;
  AdwActionRow         *stale_row;
  GtkProgressBar       *progress_bar;
  GtkLabel             *status_label;
  GtkWidget            *start_button;
  GtkWidget            *cancel_button;
  AdwPreferencesGroup  *results_group;
  AdwPreferencesGroup  *offenders_group;
};

G_DEFINE_FINAL_TYPE (ObeyaScanDialog, obeya_scan_dialog, ADW_TYPE_WINDOW)

static char *
count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static gboolean
editable (ObeyaScanDialog *self)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self->audit));

  return !obeya_audit_is_finished (self->audit) && workspace != NULL &&
         !obeya_workspace_get_read_only (workspace);
}

static void
update_actions (ObeyaScanDialog *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan.start", !running && self->folder != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan.choose-folder", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan.attach",
                                 !running && self->result != NULL && editable (self) &&
                                 obeya_audit_get_scan (self->audit) != self->result);
  gtk_widget_set_visible (self->start_button, !running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_button_set_label (GTK_BUTTON (self->start_button),
                        self->result ? _("_Scan Again") : _("_Start Scan"));
  if (self->result != NULL || running)
    gtk_widget_remove_css_class (self->start_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->start_button, "suggested-action");
}

static void
show_settings (ObeyaScanDialog *self)
{
  ObeyaArea *area = obeya_audit_get_area (self->audit);
  const char *pattern = obeya_area_get_name_pattern (area);
  const ObeyaNamePatternPreset *preset = pattern ? obeya_name_pattern_find (pattern) : NULL;
  g_autofree char *stale = NULL;
  g_autofree char *names = NULL;

  adw_action_row_set_subtitle (self->folder_row, self->folder ? self->folder
                                                              : _("No folder chosen yet"));
  if (preset != NULL)
    /* Translators: the naming pattern of an area: its name, then an example */
    names = g_strdup_printf (_("Should match “%s”, e.g. %s"), obeya_name_pattern_get_label (preset),
                             preset->example);
  else if (pattern != NULL)
    /* Translators: %s is a regular expression */
    names = g_strdup_printf (_("Should match the pattern %s"), pattern);
  else
    names = g_strdup (_("Not checked: the area has no naming pattern"));
  adw_action_row_set_subtitle (self->pattern_row, names);
  stale = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not modified for %u day",
                                        "Not modified for %u days", obeya_area_get_stale_days (area)),
                           obeya_area_get_stale_days (area));
  adw_action_row_set_subtitle (self->stale_row, stale);
}

/* ---- results ------------------------------------------------------------------------- */

static void
clear_results (ObeyaScanDialog *self)
{
  for (guint i = 0; i < self->result_rows->len; i++)
    {
      GtkWidget *row = self->result_rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->result_rows, 0);
}

static void
add_result_row (ObeyaScanDialog *self,
                const char      *title,
                const char      *value,
                const char      *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->results_group, row);
  g_ptr_array_add (self->result_rows, row);
}

static GtkWidget *
add_offender_expander (ObeyaScanDialog *self,
                       const char      *title,
                       guint            n)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shown",
                                                            "%u shown", n), n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  adw_preferences_group_add (self->offenders_group, expander);
  g_ptr_array_add (self->result_rows, expander);
  return expander;
}

static void
add_offender (GtkWidget  *expander,
              const char *path,
              const char *detail)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), path);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (detail != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static void
show_result (ObeyaScanDialog *self)
{
  ObeyaScanResult *r = self->result;
  g_autofree char *files = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;

  clear_results (self);
  gtk_widget_set_visible (GTK_WIDGET (self->results_group), r != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->offenders_group), r != NULL);
  if (r == NULL)
    return;

  files = count (r->n_files);
  size = g_format_size (r->total_bytes);
  {
    g_autofree char *folders = count (r->n_folders);
    /* Translators: "8,310 files in 1,240 folders" */
    g_autofree char *subtitle = g_strdup_printf (_("%s files in %s folders"), files, folders);
    add_result_row (self, _("Size"), size, subtitle);
  }
  for (ObeyaScanEvidence e = OBEYA_SCAN_EVIDENCE_STALE_FILES; e <= OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS;
       e++)
    {
      static const char *titles[] = {
        NULL, N_("Stale files"), N_("Duplicates"), N_("Folder depth"), N_("File names"),
        N_("Empty folders"),
      };
      g_autofree char *line = obeya_scan_result_describe (r, e);
      g_autofree char *value = NULL;

      switch (e)
        {
        case OBEYA_SCAN_EVIDENCE_STALE_FILES:
          value = count (r->n_stale);
          break;
        case OBEYA_SCAN_EVIDENCE_DUPLICATES:
          value = count (r->n_duplicate_files);
          break;
        case OBEYA_SCAN_EVIDENCE_DEPTH:
          value = g_strdup_printf ("%u", r->max_depth);
          break;
        case OBEYA_SCAN_EVIDENCE_NAMES:
          value = r->pattern ? count (r->n_bad_names) : g_strdup ("—");
          break;
        case OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS:
        default:
          value = count (r->n_empty_folders);
          break;
        }
      add_result_row (self, _(titles[e]), value, line);
    }
  if (r->n_symlinks > 0 || r->n_unreadable > 0)
    {
      g_autofree char *links = count (r->n_symlinks);
      g_autofree char *unreadable = count (r->n_unreadable);

      /* Translators: what the scan skipped: links (never followed), and what it could not read */
      text = g_strdup_printf (_("%s links not followed, %s entries not readable"), links,
                              unreadable);
      add_result_row (self, _("Skipped"), "", text);
    }

  if (r->deepest->len > 0)
    {
      GtkWidget *expander = add_offender_expander (self, _("Deepest folders"), r->deepest->len);

      for (guint i = 0; i < r->deepest->len; i++)
        {
          const ObeyaScanPath *p = &g_array_index (r->deepest, ObeyaScanPath, i);
          g_autofree char *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d level deep",
                                                                  "%d levels deep", (gulong) p->value),
                                                     (int) p->value);
          add_offender (expander, p->path, detail);
        }
    }
  if (r->oldest->len > 0)
    {
      GtkWidget *expander = add_offender_expander (self, _("Oldest stale files"), r->oldest->len);

      for (guint i = 0; i < r->oldest->len; i++)
        {
          const ObeyaScanPath *p = &g_array_index (r->oldest, ObeyaScanPath, i);
          g_autofree char *day = obeya_format_day ((ObeyaDay) p->value);
          /* Translators: %s is a date */
          g_autofree char *detail = g_strdup_printf (_("Last modified %s"), day);
          add_offender (expander, p->path, detail);
        }
    }
  if (r->bad_names->len > 0)
    {
      GtkWidget *expander = add_offender_expander (self, _("Names that break the pattern"),
                                                   r->bad_names->len);

      for (guint i = 0; i < r->bad_names->len; i++)
        add_offender (expander, g_array_index (r->bad_names, ObeyaScanPath, i).path, NULL);
    }
  if (r->duplicates->len > 0)
    {
      GtkWidget *expander = add_offender_expander (self, _("Duplicates"), r->duplicates->len);

      for (guint i = 0; i < r->duplicates->len; i++)
        {
          const ObeyaScanDuplicates *d = &g_array_index (r->duplicates, ObeyaScanDuplicates, i);
          g_autoptr(GString) copies = g_string_new (NULL);
          g_autofree char *each = g_format_size (d->size);
          guint n = g_strv_length (d->paths);
          /* Translators: a group of duplicate files: how many copies, and the size of each */
          g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u copy of %s",
                                                                 "%u copies of %s", n), n, each);
          GtkWidget *row = adw_action_row_new ();

          /* A group can hold thousands of copies: the first few, then a count. */
          for (guint k = 0; k < n && k < MAX_COPIES_SHOWN; k++)
            g_string_append_printf (copies, "%s%s", k ? "\n" : "", d->paths[k]);
          if (n > MAX_COPIES_SHOWN)
            {
              g_string_append_c (copies, '\n');
              g_string_append_printf (copies, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                           "and %u more", n - MAX_COPIES_SHOWN),
                                      n - MAX_COPIES_SHOWN);
            }
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), copies->str);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
    }
}

/* ---- running ------------------------------------------------------------------------------ */

static void
progress_cb (ObeyaFolderScan *scan,
             guint            phase,
             guint64          done,
             guint64          total,
             ObeyaScanDialog *self)
{
  g_autofree char *text = NULL;

  if (phase == OBEYA_SCAN_PHASE_WALKING)
    {
      g_autofree char *n = count (done);

      gtk_progress_bar_pulse (self->progress_bar);
      /* Translators: while the folder scan walks: how many files and folders it has seen */
      text = g_strdup_printf (_("Walking the folder: %s entries so far…"), n);
    }
  else
    {
      g_autofree char *a = g_format_size (done);
      g_autofree char *b = g_format_size (total);

      gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 0);
      /* Translators: while the scan compares same-size files: bytes read of bytes to read */
      text = g_strdup_printf (_("Looking for duplicates: %s of %s read…"), a, b);
    }
  gtk_label_set_label (self->status_label, text);
}

static void
scan_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ObeyaScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObeyaScanResult) scan = obeya_folder_scan_run_finish (OBEYA_FOLDER_SCAN (source),
                                                                  result, &error);
  g_autofree char *text = NULL;

  g_clear_object (&self->cancellable);
  if (scan == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        text = g_strdup (_("Scan cancelled. Nothing was changed."));
      else
        /* Translators: %s says why */
        text = g_strdup_printf (_("The scan failed: %s"), error->message);
    }
  else
    {
      g_autofree char *seconds = g_strdup_printf ("%.1f", (g_get_monotonic_time () - self->started)
                                                          / (double) G_USEC_PER_SEC);
      g_autofree char *files = count (scan->n_files);

      g_clear_pointer (&self->result, obeya_scan_result_unref);
      self->result = g_steal_pointer (&scan);
      /* Translators: after a scan: how many files, in how many seconds */
      text = g_strdup_printf (_("%s files scanned in %s s. Nothing was changed."), files, seconds);
      show_result (self);
    }
  gtk_label_set_label (self->status_label, text);
  if (self->scan != NULL)
    g_signal_handlers_disconnect_by_data (self->scan, self);
  g_clear_object (&self->scan);
  update_actions (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ObeyaScanDialog *self = OBEYA_SCAN_DIALOG (widget);
  ObeyaArea *area = obeya_audit_get_area (self->audit);

  if (self->folder == NULL || self->cancellable != NULL)
    return;
  self->scan = obeya_folder_scan_new (self->folder);
  obeya_folder_scan_set_name_pattern (self->scan, obeya_area_get_name_pattern (area));
  obeya_folder_scan_set_stale_days (self->scan, obeya_area_get_stale_days (area));
  g_signal_connect (self->scan, "progress", G_CALLBACK (progress_cb), self);
  self->cancellable = g_cancellable_new ();
  self->started = g_get_monotonic_time ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->status_label, _("Starting…"));
  obeya_folder_scan_run_async (self->scan, self->cancellable, scan_ready_cb, g_object_ref (self));
  update_actions (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaScanDialog *self = OBEYA_SCAN_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaScanDialog *self = OBEYA_SCAN_DIALOG (widget);
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self->audit));
  ObeyaArea *area = obeya_audit_get_area (self->audit);
  ObeyaHistory *history = obeya_workspace_get_history (workspace);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->result == NULL || !editable (self))
    return;
  obeya_history_begin (history, _("Attach folder scan"));
  obeya_audit_set_scan (self->audit, self->result);
  /* The first folder scanned becomes the area's folder. */
  if (obeya_area_get_folder (area) == NULL)
    obeya_entity_edit (OBEYA_ENTITY (area), _("Set the area's folder"), "folder", self->folder,
                       NULL);
  obeya_history_end (history);
  if (parent != NULL)
    obeya_fives_show_toast (GTK_WIDGET (parent), _("Folder scan attached as evidence"), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
folder_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  ObeyaScanDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        obeya_scan_dialog_set_folder (self, path);
      else
        obeya_fives_show_toast (GTK_WIDGET (self), _("Choose a local or mounted folder"), NULL);
    }
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaScanDialog *self = OBEYA_SCAN_DIALOG (widget);
  GtkFileChooser *chooser;

  chooser = obeya_fives_file_chooser_new (GTK_WINDOW (self), _("Folder to Scan"),
                                          GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                                          G_CALLBACK (folder_chosen_cb), self);
  if (self->folder != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->folder);
      gtk_file_chooser_set_file (chooser, current, NULL);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
obeya_scan_dialog_dispose (GObject *object)
{
  ObeyaScanDialog *self = OBEYA_SCAN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->scan != NULL)
    g_signal_handlers_disconnect_by_data (self->scan, self);
  g_clear_object (&self->scan);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_SCAN_DIALOG);
  g_clear_pointer (&self->result_rows, g_ptr_array_unref);
  g_clear_pointer (&self->result, obeya_scan_result_unref);
  g_clear_object (&self->audit);
  G_OBJECT_CLASS (obeya_scan_dialog_parent_class)->dispose (object);
}

static void
obeya_scan_dialog_finalize (GObject *object)
{
  ObeyaScanDialog *self = OBEYA_SCAN_DIALOG (object);

  g_free (self->folder);
  G_OBJECT_CLASS (obeya_scan_dialog_parent_class)->finalize (object);
}

static void
obeya_scan_dialog_class_init (ObeyaScanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_scan_dialog_dispose;
  object_class->finalize = obeya_scan_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/obeya/Obeya/obeya-scan-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaScanDialog, name)
  BIND (toast_overlay);
  BIND (page);
  BIND (folder_row);
  BIND (pattern_row);
  BIND (stale_row);
  BIND (progress_bar);
  BIND (status_label);
  BIND (start_button);
  BIND (cancel_button);
  BIND (results_group);
  BIND (offenders_group);
#undef BIND

  gtk_widget_class_install_action (widget_class, "scan.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "scan.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "scan.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "scan.choose-folder", NULL, choose_folder_action);
  obeya_dialog_class_add_escape (widget_class);
}

static void
obeya_scan_dialog_init (ObeyaScanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->result_rows = g_ptr_array_new ();
  gtk_progress_bar_set_pulse_step (self->progress_bar, 0.05);
}

ObeyaScanDialog *
obeya_scan_dialog_new (GtkWindow  *parent,
                       ObeyaAudit *audit)
{
  ObeyaScanDialog *self;
  ObeyaScanResult *attached;
  ObeyaArea *area;

  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), NULL);

  self = g_object_new (OBEYA_TYPE_SCAN_DIALOG, NULL);
  obeya_dialog_init_window (GTK_WINDOW (self), parent, 640, 720);
  self->audit = g_object_ref (audit);
  area = obeya_audit_get_area (audit);
  attached = obeya_audit_get_scan (audit);
  self->folder = g_strdup (obeya_area_get_folder (area) ? obeya_area_get_folder (area)
                                                        : attached ? attached->folder : NULL);
  if (attached != NULL)
    {
      g_autofree char *when = obeya_format_timestamp (attached->time);
      /* Translators: %s is when the scan ran */
      g_autofree char *text = g_strdup_printf (_("This audit has a scan from %s."), when);

      self->result = obeya_scan_result_ref (attached);
      gtk_label_set_label (self->status_label, text);
      show_result (self);
    }
  else
    gtk_label_set_label (self->status_label, _("The scan runs in the background; you can cancel "
                                               "it at any time."));
  show_settings (self);
  update_actions (self);
  return self;
}

const char *
obeya_scan_dialog_get_folder (ObeyaScanDialog *self)
{
  g_return_val_if_fail (OBEYA_IS_SCAN_DIALOG (self), NULL);

  return self->folder;
}

void
obeya_scan_dialog_set_folder (ObeyaScanDialog *self,
                              const char      *folder)
{
  g_return_if_fail (OBEYA_IS_SCAN_DIALOG (self));

  obeya_set_str (&self->folder, folder);
  show_settings (self);
  update_actions (self);
}

ObeyaScanResult *
obeya_scan_dialog_get_result (ObeyaScanDialog *self)
{
  g_return_val_if_fail (OBEYA_IS_SCAN_DIALOG (self), NULL);

  return self->result;
}

gboolean
obeya_scan_dialog_is_running (ObeyaScanDialog *self)
{
  g_return_val_if_fail (OBEYA_IS_SCAN_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
