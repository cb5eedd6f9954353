/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-board.h"
#include "obeya-history.h"
#include "obeya-huddle-settings.h"
#include "obeya-huddle-util.h"
#include "obeya-metric-category.h"
#include "obeya-metrics.h"
#include "obeya-miss-reason.h"
#include "obeya-workspace.h"

struct _ObeyaHuddleSettings
{
  AdwPreferencesWindow  parent_instance;

  ObeyaWorkspace       *workspace;
  ObeyaMetrics         *metrics;
  GPtrArray            *board_ids;   /* of the board combo, after "None" */
  char                 *reasons_shown;
  char                 *categories_shown;
  gboolean              updating;

  AdwComboRow          *board_row;
  AdwPreferencesGroup  *reasons_group;
  GPtrArray            *reason_rows;
  AdwEntryRow          *add_reason_row;
  AdwPreferencesGroup  *categories_group;
  GPtrArray            *category_rows;
  AdwEntryRow          *add_category_row;
  GtkWidget            *letter_entry;
};

G_DEFINE_FINAL_TYPE (ObeyaHuddleSettings, obeya_huddle_settings, ADW_TYPE_PREFERENCES_WINDOW)

static void
undo_clicked_cb (AdwToast            *toast,
                 ObeyaHuddleSettings *self)
{
  if (self->workspace != NULL)
    obeya_history_undo (obeya_workspace_get_history (self->workspace));
}

static void
toast (ObeyaHuddleSettings *self,
       const char          *message,
       gboolean             with_undo)
{
  AdwToast *t = adw_toast_new (message);

  if (with_undo)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), t);
}

static char *
dup_row_text (gpointer row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* ---- action board ------------------------------------------------------------------- */

static void
fill_boards (ObeyaHuddleSettings *self)
{
  GListModel *boards = obeya_workspace_get_boards (self->workspace);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = obeya_metrics_get_action_board (self->metrics)
                        ? obeya_metrics_get_action_board_id (self->metrics) : NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->board_ids, 0);
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(ObeyaBoard) board = g_list_model_get_item (boards, i);
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (board));

      if (obeya_board_get_archived (board) && g_strcmp0 (id, current) != 0)
        continue;
      g_ptr_array_add (self->board_ids, g_strdup (id));
      gtk_string_list_append (names, obeya_board_get_name (board));
      if (g_strcmp0 (id, current) == 0)
        selected = self->board_ids->len;
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->board_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->board_row, selected);
  self->updating = FALSE;
}

static void
board_selected_cb (ObeyaHuddleSettings *self)
{
  guint selected = adw_combo_row_get_selected (self->board_row);
  ObeyaBoard *board = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected <= self->board_ids->len)
    board = obeya_workspace_find_board (self->workspace, self->board_ids->pdata[selected - 1]);
  if (board != obeya_metrics_get_action_board (self->metrics))
    obeya_metrics_set_action_board (self->metrics, board);
}

/* ---- miss reasons -------------------------------------------------------------------------- */

static void
reason_apply_cb (AdwEntryRow         *row,
                 ObeyaHuddleSettings *self)
{
  ObeyaMissReason *reason = g_object_get_data (G_OBJECT (row), "obeya-reason");
  g_autofree char *name = dup_row_text (row);

  if (reason == NULL)
    return;
  if (name[0] == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (row), obeya_miss_reason_get_name (reason));
      return;
    }
  obeya_metrics_rename_miss_reason (self->metrics, reason, name);
}

static void
reason_remove_cb (GtkButton           *button,
                  ObeyaHuddleSettings *self)
{
  ObeyaMissReason *reason = g_object_get_data (G_OBJECT (button), "obeya-reason");
  g_autofree char *message = NULL;

  if (reason == NULL)
    return;
  /* Translators: after removing a miss reason: "“System outage” removed" */
  message = g_strdup_printf (_("“%s” removed"), obeya_miss_reason_get_name (reason));
  obeya_metrics_remove_miss_reason (self->metrics, reason);
  toast (self, message, TRUE);
}

static void
add_reason_apply_cb (AdwEntryRow         *row,
                     ObeyaHuddleSettings *self)
{
  g_autofree char *name = dup_row_text (row);

  if (name[0] == '\0')
    return;
  if (obeya_metrics_find_miss_reason_by_name (self->metrics, name) != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (self, _("There is a reason with that name already"), FALSE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  obeya_metrics_add_miss_reason (self->metrics, name);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static char *
dup_list_signature (GListModel *model)
{
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;

      g_object_get (item, "name", &name, NULL);
      g_string_append_printf (signature, "%s=%s\n", obeya_entity_get_id (OBEYA_ENTITY (item)),
                              name ? name : "");
    }
  return g_string_free (signature, FALSE);
}

static void
fill_reasons (ObeyaHuddleSettings *self)
{
  GListModel *reasons = obeya_metrics_get_miss_reasons (self->metrics);
  g_autofree char *signature = dup_list_signature (reasons);

  if (g_strcmp0 (signature, self->reasons_shown) == 0)
    return;
  g_free (self->reasons_shown);
  self->reasons_shown = g_steal_pointer (&signature);

  for (guint i = 0; i < self->reason_rows->len; i++)
    adw_preferences_group_remove (self->reasons_group, self->reason_rows->pdata[i]);
  g_ptr_array_set_size (self->reason_rows, 0);
  adw_preferences_group_remove (self->reasons_group, GTK_WIDGET (self->add_reason_row));

  for (guint i = 0; i < g_list_model_get_n_items (reasons); i++)
    {
      g_autoptr(ObeyaMissReason) reason = g_list_model_get_item (reasons, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reason"));
      gtk_editable_set_text (GTK_EDITABLE (row), obeya_miss_reason_get_name (reason));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "obeya-reason", g_object_ref (reason),
                              g_object_unref);
      g_signal_connect (row, "apply", G_CALLBACK (reason_apply_cb), self);
      gtk_widget_set_tooltip_text (remove, _("Remove Reason"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "obeya-reason", g_object_ref (reason),
                              g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (reason_remove_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      adw_preferences_group_add (self->reasons_group, row);
      g_ptr_array_add (self->reason_rows, row);
    }
  adw_preferences_group_add (self->reasons_group, GTK_WIDGET (self->add_reason_row));
}

/* ---- categories ------------------------------------------------------------------------------ */

static void
category_remove_cb (GtkButton           *button,
                    ObeyaHuddleSettings *self)
{
  ObeyaMetricCategory *category = g_object_get_data (G_OBJECT (button), "obeya-category");
  g_autofree char *message = NULL;

  if (category == NULL)
    return;
  message = g_strdup_printf (_("“%s” removed"), obeya_metric_category_get_name (category));
  if (obeya_metrics_remove_category (self->metrics, category))
    toast (self, message, TRUE);
}

static void
add_category_apply_cb (AdwEntryRow         *row,
                       ObeyaHuddleSettings *self)
{
  g_autofree char *name = dup_row_text (row);
  g_autofree char *letter = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->letter_entry))));

  gtk_widget_remove_css_class (self->letter_entry, "error");
  if (name[0] == '\0')
    return;
  if (g_utf8_strlen (letter, -1) != 1 || !g_unichar_isalnum (g_utf8_get_char (letter)))
    {
      gtk_widget_add_css_class (self->letter_entry, "error");
      gtk_widget_grab_focus (self->letter_entry);
      toast (self, _("Give the category one letter for the board"), FALSE);
      return;
    }
  obeya_metrics_add_category (self->metrics, name, letter);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->letter_entry), "");
}

static void
fill_categories (ObeyaHuddleSettings *self)
{
  GListModel *categories = obeya_metrics_get_categories (self->metrics);
  GListModel *metrics = obeya_metrics_get_metrics (self->metrics);
  g_autofree char *signature = dup_list_signature (categories);
  g_autoptr(GString) used = g_string_new (signature);

  /* Whether a category is in use changes the rows too. */
  for (guint i = 0; i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (metrics, i);

      g_string_append_printf (used, "%s;", obeya_metric_get_category (metric));
    }
  if (g_strcmp0 (used->str, self->categories_shown) == 0)
    return;
  g_free (self->categories_shown);
  self->categories_shown = g_strdup (used->str);

  for (guint i = 0; i < self->category_rows->len; i++)
    adw_preferences_group_remove (self->categories_group, self->category_rows->pdata[i]);
  g_ptr_array_set_size (self->category_rows, 0);
  adw_preferences_group_remove (self->categories_group, GTK_WIDGET (self->add_category_row));

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ObeyaMetricCategory) category = g_list_model_get_item (categories, i);
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (category));
      g_autoptr(GPtrArray) in_use = obeya_metrics_dup_category_metrics (self->metrics, id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *letter = gtk_label_new (obeya_metric_category_get_letter (category));
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     obeya_metric_category_get_name (category));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u metric", "%u metrics",
                                               in_use->len), in_use->len);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (letter, "obeya-letter-badge");
      gtk_widget_set_valign (letter, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), letter);
      if (!obeya_metric_category_get_builtin (category))
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_sensitive (remove, in_use->len == 0);
          gtk_widget_set_tooltip_text (remove, in_use->len == 0
                                               ? _("Remove Category")
                                               : _("Metrics use this category"));
          g_object_set_data_full (G_OBJECT (remove), "obeya-category", g_object_ref (category),
                                  g_object_unref);
          g_signal_connect (remove, "clicked", G_CALLBACK (category_remove_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->category_rows, row);
    }
  adw_preferences_group_add (self->categories_group, GTK_WIDGET (self->add_category_row));
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
workspace_changed_cb (ObeyaHuddleSettings *self)
{
  fill_boards (self);
  fill_reasons (self);
  fill_categories (self);
}

static void
obeya_huddle_settings_dispose (GObject *object)
{
  ObeyaHuddleSettings *self = OBEYA_HUDDLE_SETTINGS (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_huddle_settings_parent_class)->dispose (object);

  g_clear_object (&self->add_reason_row);
  g_clear_object (&self->add_category_row);
}

static void
obeya_huddle_settings_finalize (GObject *object)
{
  ObeyaHuddleSettings *self = OBEYA_HUDDLE_SETTINGS (object);

  g_clear_pointer (&self->board_ids, g_ptr_array_unref);
  g_clear_pointer (&self->reason_rows, g_ptr_array_unref);
  g_clear_pointer (&self->category_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reasons_shown, g_free);
  g_clear_pointer (&self->categories_shown, g_free);

  G_OBJECT_CLASS (obeya_huddle_settings_parent_class)->finalize (object);
}

static void
obeya_huddle_settings_class_init (ObeyaHuddleSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = obeya_huddle_settings_dispose;
  object_class->finalize = obeya_huddle_settings_finalize;
}

static void
obeya_huddle_settings_init (ObeyaHuddleSettings *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *actions = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->board_ids = g_ptr_array_new_with_free_func (g_free);
  self->reason_rows = g_ptr_array_new ();
  self->category_rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Huddle Settings"));
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  adw_preferences_group_set_title (actions, _("Actions"));
  adw_preferences_group_set_description (actions,
                                         _("An action raised in the huddle is a card on this "
                                           "board, so it flows like all other work."));
  self->board_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->board_row), _("Board for actions"));
  g_signal_connect_swapped (self->board_row, "notify::selected", G_CALLBACK (board_selected_cb),
                            self);
  adw_preferences_group_add (actions, GTK_WIDGET (self->board_row));
  adw_preferences_page_add (page, actions);

  self->reasons_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->reasons_group, _("Miss Reasons"));
  adw_preferences_group_set_description (self->reasons_group,
                                         _("Why a number missed its target. The Pareto chart "
                                           "counts the misses by reason."));
  /* The "add" rows move to the end of their group when rows are rebuilt: keep them alive. */
  self->add_reason_row = g_object_ref_sink (ADW_ENTRY_ROW (adw_entry_row_new ()));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_reason_row), _("Add a reason"));
  adw_entry_row_set_show_apply_button (self->add_reason_row, TRUE);
  g_signal_connect (self->add_reason_row, "apply", G_CALLBACK (add_reason_apply_cb), self);
  adw_preferences_group_add (self->reasons_group, GTK_WIDGET (self->add_reason_row));
  adw_preferences_page_add (page, self->reasons_group);

  self->categories_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->categories_group, _("Categories"));
  adw_preferences_group_set_description (self->categories_group,
                                         _("Safety, Quality, Delivery, Cost and People are built "
                                           "in. A custom category gets a letter calendar of its "
                                           "own."));
  self->add_category_row = g_object_ref_sink (ADW_ENTRY_ROW (adw_entry_row_new ()));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_category_row),
                                 _("Add a category"));
  adw_entry_row_set_show_apply_button (self->add_category_row, TRUE);
  self->letter_entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (self->letter_entry), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->letter_entry), 2);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->letter_entry), _("E"));
  gtk_widget_set_tooltip_text (self->letter_entry, _("Letter"));
  gtk_widget_set_valign (self->letter_entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->letter_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Letter"), -1);
  adw_entry_row_add_suffix (self->add_category_row, self->letter_entry);
  g_signal_connect (self->add_category_row, "apply", G_CALLBACK (add_category_apply_cb), self);
  adw_preferences_group_add (self->categories_group, GTK_WIDGET (self->add_category_row));
  adw_preferences_page_add (page, self->categories_group);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

GtkWidget *
obeya_huddle_settings_new (GtkWindow      *parent,
                           ObeyaWorkspace *workspace)
{
  ObeyaHuddleSettings *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (OBEYA_TYPE_HUDDLE_SETTINGS, NULL);
  obeya_huddle_util_init_dialog (GTK_WINDOW (self), parent, 640, 720);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed_cb), self);
  workspace_changed_cb (self);
  gtk_widget_set_sensitive (GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (self))),
                            !obeya_workspace_get_read_only (workspace));
  return GTK_WIDGET (self);
}
