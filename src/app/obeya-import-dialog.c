/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-huddle-util.h"
#include "obeya-import-dialog.h"
#include "obeya-metric-import.h"
#include "obeya-metrics.h"
#include "obeya-miss-reason.h"
#include "obeya-workspace.h"

/* More errors than this are summed up in one line. */
#define MAX_ERRORS_SHOWN 100

typedef enum
{
  COLUMN_LINE,
  COLUMN_DATE,
  COLUMN_METRIC,
  COLUMN_VALUE,
  COLUMN_NOTE,
  COLUMN_REASON,
  COLUMN_CHANGE,
} Column;

struct _ObeyaImportDialog
{
  AdwWindow             parent_instance;

  ObeyaWorkspace       *workspace;
  ObeyaMetrics         *metrics;
  ObeyaMetricImport    *import;
  GtkStringList        *rows;   /* row indices into the import, as strings */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  char                 *name;

  /* template */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkStack             *stack;
  GtkWidget            *summary_box;
  GtkImage             *summary_icon;
  GtkLabel             *summary_title;
  GtkLabel             *summary_label;
  GtkWidget            *errors_scrolled;
  GtkListBox           *errors_list;
  GtkColumnView        *rows_view;
};

G_DEFINE_FINAL_TYPE (ObeyaImportDialog, obeya_import_dialog, ADW_TYPE_WINDOW)

/* ---- preview table ------------------------------------------------------------------ */

static const ObeyaMetricImportRow *
row_of (ObeyaImportDialog *self,
        GtkListItem       *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  guint n = 0;
  const ObeyaMetricImportRow *rows;
  guint64 index;

  if (self->import == NULL || item == NULL)
    return NULL;
  rows = obeya_metric_import_get_rows (self->import, &n);
  index = g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
  return index < n ? &rows[index] : NULL;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "obeya-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_VALUE || column == COLUMN_LINE ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_VALUE || column == COLUMN_LINE || column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_LINE)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ObeyaImportDialog        *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "obeya-column"));
  const ObeyaMetricImportRow *row = row_of (self, list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;
  ObeyaMissReason *reason;

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "accent");
  gtk_widget_remove_css_class (label, "dim-label");
  if (row == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      return;
    }
  switch (column)
    {
    case COLUMN_LINE:
      text = g_strdup_printf ("%u", row->line);
      gtk_widget_add_css_class (label, "dim-label");
      break;
    case COLUMN_DATE:
      text = obeya_day_to_string (row->day);
      break;
    case COLUMN_METRIC:
      text = g_strdup (obeya_metric_get_name (row->metric));
      break;
    case COLUMN_VALUE:
      text = obeya_metric_format_value (row->metric, row->value);
      break;
    case COLUMN_NOTE:
      text = g_strdup (row->note ? row->note : "");
      break;
    case COLUMN_REASON:
      reason = row->reason_id ? obeya_metrics_find_miss_reason (self->metrics, row->reason_id)
                              : NULL;
      text = g_strdup (reason ? obeya_miss_reason_get_name (reason) : "");
      break;
    case COLUMN_CHANGE:
    default:
      if (row->unchanged)
        {
          text = g_strdup (_("Unchanged"));
          gtk_widget_add_css_class (label, "dim-label");
        }
      else if (row->is_new)
        {
          text = g_strdup (_("New"));
          gtk_widget_add_css_class (label, "success");
        }
      else
        {
          text = g_strdup (_("Changed"));
          gtk_widget_add_css_class (label, "accent");
        }
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
add_column (ObeyaImportDialog *self,
            Column             column,
            const char        *title,
            gboolean           expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "obeya-column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->rows_view, view_column);
  g_object_unref (view_column);
}

/* ---- preview ------------------------------------------------------------------------------ */

static void
clear_errors (ObeyaImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->errors_list))) != NULL)
    gtk_list_box_remove (self->errors_list, child);
}

static void
add_error_row (ObeyaImportDialog *self,
               const char        *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "obeya-import-error");
  gtk_list_box_append (self->errors_list, label);
}

static void
show_preview (ObeyaImportDialog *self)
{
  guint n_rows = 0, n_errors = 0, n_new = 0, n_changed = 0, n_unchanged = 0;
  const ObeyaMetricImportRow *rows = obeya_metric_import_get_rows (self->import, &n_rows);
  const ObeyaMetricImportError *errors = obeya_metric_import_get_errors (self->import, &n_errors);
  g_autoptr(GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  guint total = n_rows + n_errors;

  for (guint i = 0; i < n_rows; i++)
    {
      g_ptr_array_add (indices, g_strdup_printf ("%u", i));
      if (rows[i].unchanged)
        n_unchanged++;
      else if (rows[i].is_new)
        n_new++;
      else
        n_changed++;
    }
  g_ptr_array_add (indices, NULL);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *) indices->pdata);

  clear_errors (self);
  for (guint i = 0; i < MIN (n_errors, MAX_ERRORS_SHOWN); i++)
    {
      /* Translators: one bad row of a CSV import: "Line 4: unknown metric “Invoces”" */
      g_autofree char *text = g_strdup_printf (_("Line %u: %s"), errors[i].line, errors[i].message);

      add_error_row (self, text);
    }
  if (n_errors > MAX_ERRORS_SHOWN)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "…and %u more error",
                                                            "…and %u more errors",
                                                            n_errors - MAX_ERRORS_SHOWN),
                                               n_errors - MAX_ERRORS_SHOWN);

      add_error_row (self, text);
    }
  gtk_widget_set_visible (self->errors_scrolled, n_errors > 0);

  gtk_widget_remove_css_class (self->summary_box, "failed");
  gtk_widget_remove_css_class (self->summary_box, "ready");
  if (n_errors > 0)
    {
      gtk_image_set_from_icon_name (self->summary_icon, "dialog-warning-symbolic");
      gtk_label_set_text (self->summary_title, _("Nothing Will Be Imported"));
      /* Translators: the import preview with bad rows */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u rows has an error. Rows are imported all "
                                              "together or not at all: correct the file and "
                                              "choose it again.",
                                              "%u of %u rows have errors. Rows are imported all "
                                              "together or not at all: correct the file and "
                                              "choose it again.", n_errors),
                                 n_errors, total);
      gtk_widget_add_css_class (self->summary_box, "failed");
    }
  else if (n_rows == 0)
    {
      gtk_image_set_from_icon_name (self->summary_icon, "dialog-information-symbolic");
      gtk_label_set_text (self->summary_title, _("No Rows"));
      summary = g_strdup (_("The file has a header but no rows of entries."));
    }
  else if (n_new + n_changed == 0)
    {
      gtk_image_set_from_icon_name (self->summary_icon, "emblem-ok-symbolic");
      gtk_label_set_text (self->summary_title, _("Already Up to Date"));
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The %u row repeats an entry the workspace has.",
                                              "All %u rows repeat entries the workspace has.",
                                              n_rows), n_rows);
    }
  else
    {
      gtk_image_set_from_icon_name (self->summary_icon, "emblem-ok-symbolic");
      gtk_label_set_text (self->summary_title, _("Ready to Import"));
      /* Translators: the import preview: "40 rows: 12 new, 3 changed, 25 unchanged. …" */
      summary = g_strdup_printf (_("%u rows: %u new, %u changed, %u unchanged. They are "
                                   "imported together, as one step you can undo."),
                                 n_rows, n_new, n_changed, n_unchanged);
      gtk_widget_add_css_class (self->summary_box, "ready");
    }
  gtk_label_set_text (self->summary_label, summary);
  adw_window_title_set_subtitle (self->window_title, self->name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 obeya_import_dialog_can_import (self));
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

void
obeya_import_dialog_set_text (ObeyaImportDialog *self,
                              const char        *text,
                              gssize             length,
                              const char        *name)
{
  g_return_if_fail (OBEYA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (text != NULL);

  g_clear_pointer (&self->import, obeya_metric_import_free);
  g_free (self->name);
  self->name = g_strdup (name);
  self->import = obeya_metric_import_parse (self->metrics, text, length, obeya_day_today ());
  show_preview (self);
}

static void
show_read_error (ObeyaImportDialog *self,
                 const char        *name,
                 const GError      *error)
{
  g_autofree char *text = g_strdup_printf (_("Could not read “%s”: %s"), name, error->message);

  g_clear_pointer (&self->import, obeya_metric_import_free);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), NULL);
  clear_errors (self);
  gtk_widget_set_visible (self->errors_scrolled, FALSE);
  gtk_image_set_from_icon_name (self->summary_icon, "dialog-warning-symbolic");
  gtk_label_set_text (self->summary_title, _("Nothing Will Be Imported"));
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_add_css_class (self->summary_box, "failed");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ObeyaImportDialog) self = user_data;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_read_error (self, name, error);
      return;
    }
  if (!g_utf8_validate (contents, (gssize) length, NULL))
    {
      g_autoptr(GError) encoding = g_error_new_literal (G_CONVERT_ERROR,
                                                        G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                                                        _("the file is not UTF-8 text"));

      show_read_error (self, name, encoding);
      return;
    }
  obeya_import_dialog_set_text (self, contents, (gssize) length, name);
}

void
obeya_import_dialog_load_path (ObeyaImportDialog *self,
                               const char        *path)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (OBEYA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  file = g_file_new_for_path (path);
  g_file_load_contents_async (file, self->cancellable, load_ready_cb, g_object_ref (self));
}

guint
obeya_import_dialog_get_n_rows (ObeyaImportDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (OBEYA_IS_IMPORT_DIALOG (self), 0);
  if (self->import != NULL)
    obeya_metric_import_get_rows (self->import, &n);
  return n;
}

guint
obeya_import_dialog_get_n_errors (ObeyaImportDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (OBEYA_IS_IMPORT_DIALOG (self), 0);
  if (self->import != NULL)
    obeya_metric_import_get_errors (self->import, &n);
  return n;
}

gboolean
obeya_import_dialog_can_import (ObeyaImportDialog *self)
{
  guint n = 0;
  const ObeyaMetricImportRow *rows;

  g_return_val_if_fail (OBEYA_IS_IMPORT_DIALOG (self), FALSE);

  if (self->import == NULL || obeya_metric_import_has_errors (self->import) ||
      obeya_workspace_get_read_only (self->workspace))
    return FALSE;
  rows = obeya_metric_import_get_rows (self->import, &n);
  for (guint i = 0; i < n; i++)
    if (!rows[i].unchanged)
      return TRUE;
  return FALSE;
}

gboolean
obeya_import_dialog_import (ObeyaImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  g_return_val_if_fail (OBEYA_IS_IMPORT_DIALOG (self), FALSE);

  if (!obeya_import_dialog_can_import (self))
    return FALSE;
  if (!obeya_metric_import_apply (self->import, &error))
    {
      /* A metric or reason of the preview went away meanwhile. */
      show_read_error (self, self->name ? self->name : "", error);
      return FALSE;
    }
  obeya_metric_import_get_rows (self->import, &n);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry imported",
                                          "%u entries imported", n), n);
  obeya_huddle_util_toast (GTK_WIDGET (self), message, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* ---- actions ---------------------------------------------------------------------------------- */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  obeya_import_dialog_import (OBEYA_IMPORT_DIALOG (widget));
}

static void
chooser_response_cb (ObeyaImportDialog    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        obeya_import_dialog_load_path (self, path);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaImportDialog *self = OBEYA_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Entries"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
obeya_import_dialog_dispose (GObject *object)
{
  ObeyaImportDialog *self = OBEYA_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->import, obeya_metric_import_free);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_import_dialog_parent_class)->dispose (object);
}

static void
obeya_import_dialog_finalize (GObject *object)
{
  ObeyaImportDialog *self = OBEYA_IMPORT_DIALOG (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (obeya_import_dialog_parent_class)->finalize (object);
}

static void
obeya_import_dialog_class_init (ObeyaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_import_dialog_dispose;
  object_class->finalize = obeya_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaImportDialog, name)
  BIND (window_title);
  BIND (import_button);
  BIND (stack);
  BIND (summary_box);
  BIND (summary_icon);
  BIND (summary_title);
  BIND (summary_label);
  BIND (errors_scrolled);
  BIND (errors_list);
  BIND (rows_view);
#undef BIND

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
obeya_import_dialog_init (ObeyaImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
  add_column (self, COLUMN_LINE, _("Line"), FALSE);
  add_column (self, COLUMN_DATE, _("Date"), FALSE);
  add_column (self, COLUMN_METRIC, _("Metric"), TRUE);
  add_column (self, COLUMN_VALUE, _("Number"), FALSE);
  add_column (self, COLUMN_REASON, _("Reason"), FALSE);
  add_column (self, COLUMN_NOTE, _("Note"), TRUE);
  add_column (self, COLUMN_CHANGE, _("Change"), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}

GtkWidget *
obeya_import_dialog_new (GtkWindow      *parent,
                         ObeyaWorkspace *workspace)
{
  ObeyaImportDialog *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_IMPORT_DIALOG, NULL);
  obeya_huddle_util_init_dialog (GTK_WINDOW (self), parent, 880, 640);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  return GTK_WIDGET (self);
}
