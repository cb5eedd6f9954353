/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "obeya-history.h"
#include "obeya-huddle-util.h"
#include "obeya-metric-category.h"
#include "obeya-metric-editor.h"
#include "obeya-metrics.h"
#include "obeya-workspace.h"

struct _ObeyaMetricEditor
{
  AdwWindow       parent_instance;

  ObeyaWorkspace *workspace;
  ObeyaMetrics   *metrics;
  ObeyaMetric    *metric;       /* NULL: a new one */
  GPtrArray      *category_ids; /* of the combo's items; the last item is "New Category…" */
  GArray         *removed;      /* of ObeyaDay: target steps to remove on save */
  ObeyaDay        from;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *description_row;
  AdwComboRow    *category_row;
  AdwEntryRow    *category_name_row;
  AdwEntryRow    *category_letter_row;
  AdwEntryRow    *unit_row;
  GtkSpinButton  *decimals_spin;
  AdwComboRow    *cadence_row;
  AdwComboRow    *direction_row;
  AdwEntryRow    *target_row;
  AdwEntryRow    *min_row;
  AdwEntryRow    *max_row;
  AdwEntryRow    *amber_row;
  AdwActionRow   *from_row;
  GtkMenuButton  *from_button;
  GtkCalendar    *from_calendar;
  GtkWidget      *history_group;
  GtkListBox     *history_list;
  GtkWidget      *delete_group;
};

G_DEFINE_FINAL_TYPE (ObeyaMetricEditor, obeya_metric_editor, ADW_TYPE_WINDOW)

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  g_autofree char *text = isfinite (value) ? g_strdup_printf ("%.15g", value) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Reads @row: *value NAN when empty; FALSE (and the row marked) when not a number. */
static gboolean
read_number (AdwEntryRow *row,
             double      *value)
{
  g_autofree char *text = dup_text (row);

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  *value = NAN;
  if (text[0] == '\0')
    return TRUE;
  if (obeya_huddle_util_parse_value (text, value))
    return TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return FALSE;
}

static ObeyaMetricDirection
selected_direction (ObeyaMetricEditor *self)
{
  return (ObeyaMetricDirection) adw_combo_row_get_selected (self->direction_row);
}

static gboolean
new_category_selected (ObeyaMetricEditor *self)
{
  return adw_combo_row_get_selected (self->category_row) == self->category_ids->len;
}

/* ---- the form ------------------------------------------------------------------------ */

static void
update_visibility (ObeyaMetricEditor *self)
{
  gboolean band = selected_direction (self) == OBEYA_METRIC_WITHIN_BAND;
  gboolean new_category = new_category_selected (self);

  gtk_widget_set_visible (GTK_WIDGET (self->target_row), !band);
  gtk_widget_set_visible (GTK_WIDGET (self->min_row), band);
  gtk_widget_set_visible (GTK_WIDGET (self->max_row), band);
  gtk_widget_set_visible (GTK_WIDGET (self->category_name_row), new_category);
  gtk_widget_set_visible (GTK_WIDGET (self->category_letter_row), new_category);
}

static void
update_from_label (ObeyaMetricEditor *self)
{
  g_autofree char *text = obeya_huddle_util_format_day (self->from, obeya_day_today ());

  gtk_menu_button_set_label (self->from_button, text);
  adw_action_row_set_subtitle (self->from_row,
                               self->metric != NULL
                               ? _("Earlier days keep the target they had")
                               : _("Days before have no target"));
}

static void
from_selected_cb (ObeyaMetricEditor *self,
                  GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  self->from = obeya_day_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                                   g_date_time_get_day_of_month (dt));
  update_from_label (self);
  gtk_menu_button_popdown (self->from_button);
}

static void
select_calendar_day (GtkCalendar *calendar,
                     ObeyaDay     day)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  obeya_day_to_ymd (day, &y, &m, &d);
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (calendar, dt);
}

static void
history_remove_toggled_cb (GtkToggleButton   *button,
                           ObeyaMetricEditor *self)
{
  ObeyaDay day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "obeya-day"));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < self->removed->len; i++)
    if (g_array_index (self->removed, ObeyaDay, i) == day)
      g_array_remove_index (self->removed, i--);
  if (gtk_toggle_button_get_active (button))
    {
      g_array_append_val (self->removed, day);
      gtk_widget_add_css_class (row, "obeya-removed");
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Keep This Target"));
    }
  else
    {
      gtk_widget_remove_css_class (row, "obeya-removed");
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Remove This Target"));
    }
}

static void
fill_history (ObeyaMetricEditor *self)
{
  guint n = 0;
  const ObeyaMetricTarget *targets = obeya_metric_get_targets (self->metric, &n);
  ObeyaDay today = obeya_day_today ();

  for (guint i = n; i-- > 0;)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_toggle_button_new ();
      g_autofree char *day = obeya_huddle_util_format_day (targets[i].from, today);
      g_autofree char *text = obeya_huddle_util_dup_target_text (self->metric, targets[i].from);
      g_autofree char *title = g_strdup_printf (_("From %s"), day);
      g_autofree char *subtitle = NULL;

      if (targets[i].amber > 0)
        {
          g_autofree char *amber = obeya_metric_format_value (self->metric, targets[i].amber);

          /* Translators: a step of the target history: "≥ 420 invoices, amber within 20 invoices" */
          subtitle = g_strdup_printf (_("%s, amber within %s"), text, amber);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : text);
      gtk_button_set_icon_name (GTK_BUTTON (remove), "user-trash-symbolic");
      gtk_widget_set_tooltip_text (remove, _("Remove This Target"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "obeya-day", GUINT_TO_POINTER (targets[i].from));
      g_signal_connect (remove, "toggled", G_CALLBACK (history_remove_toggled_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->history_list, row);
    }
  gtk_widget_set_visible (self->history_group, n > 0);
}

static void
fill (ObeyaMetricEditor *self)
{
  GListModel *categories = obeya_metrics_get_categories (self->metrics);
  g_autoptr(GtkStringList) category_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) cadences = gtk_string_list_new (NULL);
  const char *category = self->metric ? obeya_metric_get_category (self->metric)
                                      : OBEYA_CATEGORY_DELIVERY;
  guint category_index = 0;
  ObeyaDay today = obeya_day_today ();
  int year;

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ObeyaMetricCategory) c = g_list_model_get_item (categories, i);
      const char *id = obeya_entity_get_id (OBEYA_ENTITY (c));
      g_autofree char *label = g_strdup_printf ("%s · %s", obeya_metric_category_get_letter (c),
                                                obeya_metric_category_get_name (c));

      if (g_strcmp0 (id, category) == 0)
        category_index = i;
      g_ptr_array_add (self->category_ids, g_strdup (id));
      gtk_string_list_append (category_names, label);
    }
  gtk_string_list_append (category_names, _("New Category…"));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (category_names));
  adw_combo_row_set_selected (self->category_row, category_index);

  for (int d = OBEYA_METRIC_HIGHER_IS_BETTER; d <= OBEYA_METRIC_WITHIN_BAND; d++)
    gtk_string_list_append (directions, obeya_metric_direction_get_label (d));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));
  for (int c = OBEYA_METRIC_CADENCE_WORKING_DAYS; c <= OBEYA_METRIC_CADENCE_WEEKLY; c++)
    gtk_string_list_append (cadences, obeya_metric_cadence_get_label (c));
  adw_combo_row_set_model (self->cadence_row, G_LIST_MODEL (cadences));

  if (self->metric == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Metric"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      gtk_widget_set_visible (self->history_group, FALSE);
      gtk_widget_set_visible (self->delete_group, FALSE);
      /* A new metric's target holds from the start of the year, so that
       * entries imported for this year are judged too. */
      obeya_day_to_ymd (today, &year, NULL, NULL);
      self->from = obeya_day_from_ymd (year, 1, 1);
    }
  else
    {
      const ObeyaMetricTarget *target = obeya_metric_get_target_at (self->metric, today);

      adw_window_title_set_title (self->window_title, _("Edit Metric"));
      adw_window_title_set_subtitle (self->window_title, obeya_metric_get_name (self->metric));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), obeya_metric_get_name (self->metric));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             obeya_metric_get_description (self->metric) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->unit_row),
                             obeya_metric_get_unit (self->metric) ?: "");
      gtk_spin_button_set_value (self->decimals_spin, obeya_metric_get_decimals (self->metric));
      adw_combo_row_set_selected (self->direction_row, obeya_metric_get_direction (self->metric));
      adw_combo_row_set_selected (self->cadence_row, obeya_metric_get_cadence (self->metric));
      if (target != NULL)
        {
          if (obeya_metric_get_direction (self->metric) == OBEYA_METRIC_WITHIN_BAND)
            {
              set_number (self->min_row, target->min);
              set_number (self->max_row, target->max);
            }
          else
            set_number (self->target_row, target->target);
          if (target->amber > 0)
            set_number (self->amber_row, target->amber);
        }
      self->from = today;
      fill_history (self);
    }
  select_calendar_day (self->from_calendar, self->from);
  update_from_label (self);
  update_visibility (self);
}

/* ---- saving --------------------------------------------------------------------------------- */

static void
mark_error (gpointer row)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Does the form's target differ from the one in force on the from day? */
static gboolean
target_changed (ObeyaMetricEditor       *self,
                const ObeyaMetricTarget *wanted,
                ObeyaMetricDirection     direction)
{
  const ObeyaMetricTarget *current;

  if (self->metric == NULL)
    return TRUE;
  if (direction != obeya_metric_get_direction (self->metric))
    return TRUE;
  current = obeya_metric_get_target_at (self->metric, self->from);
  if (current == NULL)
    return TRUE;
  if (current->amber != wanted->amber)
    return TRUE;
  if (direction == OBEYA_METRIC_WITHIN_BAND)
    return current->min != wanted->min || current->max != wanted->max;
  return current->target != wanted->target;
}

ObeyaMetric *
obeya_metric_editor_save (ObeyaMetricEditor *self)
{
  g_autofree char *name = dup_text (self->name_row);
  g_autofree char *description = dup_text (self->description_row);
  g_autofree char *unit = dup_text (self->unit_row);
  g_autofree char *category_name = dup_text (self->category_name_row);
  g_autofree char *category_letter = dup_text (self->category_letter_row);
  g_autofree char *label = NULL;
  ObeyaMetricDirection direction = selected_direction (self);
  ObeyaMetricCadence cadence = (ObeyaMetricCadence) adw_combo_row_get_selected (self->cadence_row);
  guint decimals = (guint) gtk_spin_button_get_value_as_int (self->decimals_spin);
  ObeyaMetricTarget target = { self->from, NAN, NAN, NAN, 0 };
  double amber;
  gboolean has_target;
  const char *category_id = NULL;
  ObeyaHistory *history = obeya_workspace_get_history (self->workspace);
  ObeyaMetric *metric = self->metric;

  g_return_val_if_fail (OBEYA_IS_METRIC_EDITOR (self), NULL);

  /* Check everything first: nothing is changed by a form that is not complete. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->category_name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->category_letter_row), "error");
  if (name[0] == '\0')
    {
      mark_error (self->name_row);
      return NULL;
    }
  if (new_category_selected (self))
    {
      if (category_name[0] == '\0')
        {
          mark_error (self->category_name_row);
          return NULL;
        }
      if (g_utf8_strlen (category_letter, -1) != 1 || !g_unichar_isalnum (g_utf8_get_char (category_letter)))
        {
          mark_error (self->category_letter_row);
          return NULL;
        }
    }
  if (direction == OBEYA_METRIC_WITHIN_BAND)
    {
      if (!read_number (self->min_row, &target.min))
        return NULL;
      if (!read_number (self->max_row, &target.max))
        return NULL;
      if (isfinite (target.min) != isfinite (target.max) ||
          (isfinite (target.min) && target.min > target.max))
        {
          mark_error (isfinite (target.min) ? self->max_row : self->min_row);
          return NULL;
        }
      has_target = isfinite (target.min);
      /* As the file stores a band: min and max only. */
      target.target = 0;
    }
  else
    {
      if (!read_number (self->target_row, &target.target))
        return NULL;
      has_target = isfinite (target.target);
      /* As the file stores a target: the target only. */
      target.min = target.max = 0;
    }
  if (!read_number (self->amber_row, &amber))
    return NULL;
  if (isfinite (amber) && amber < 0)
    {
      mark_error (self->amber_row);
      return NULL;
    }
  target.amber = isfinite (amber) ? amber : 0;

  if (self->metric == NULL)
    /* Translators: undo label: "Add metric “Overtime hours”" */
    label = g_strdup_printf (_("Add metric “%s”"), name);
  else
    label = g_strdup_printf (_("Edit metric “%s”"), obeya_metric_get_name (self->metric));

  obeya_history_begin (history, label);
  if (new_category_selected (self))
    {
      ObeyaMetricCategory *category = obeya_metrics_add_category (self->metrics, category_name,
                                                                  category_letter);

      category_id = obeya_entity_get_id (OBEYA_ENTITY (category));
    }
  else
    category_id = self->category_ids->pdata[adw_combo_row_get_selected (self->category_row)];

  if (metric == NULL)
    {
      g_autoptr(ObeyaMetric) added = obeya_metric_new (name, category_id, direction);

      /* Detached: set plainly, then inserted as one change. */
      g_object_set (added,
                    "description", description[0] ? description : NULL,
                    "unit", unit[0] ? unit : NULL,
                    "decimals", decimals,
                    "cadence", cadence,
                    NULL);
      if (has_target)
        obeya_metric_set_target (added, &target);
      obeya_metrics_insert_metric (self->metrics, added, -1);
      metric = added;
    }
  else
    {
      obeya_entity_edit (OBEYA_ENTITY (metric), label,
                         "name", name,
                         "description", description[0] ? description : NULL,
                         "category", category_id,
                         "unit", unit[0] ? unit : NULL,
                         "decimals", decimals,
                         "direction", direction,
                         "cadence", cadence,
                         NULL);
      for (guint i = 0; i < self->removed->len; i++)
        obeya_metric_remove_target (metric, g_array_index (self->removed, ObeyaDay, i));
      if (has_target && target_changed (self, &target, direction))
        obeya_metric_set_target (metric, &target);
    }
  obeya_history_end (history);

  {
    g_autofree char *message = self->metric == NULL
                               ? g_strdup_printf (_("Metric “%s” added"), name)
                               : g_strdup_printf (_("Metric “%s” saved"), name);

    obeya_huddle_util_toast (GTK_WIDGET (self), message, TRUE);
  }
  gtk_window_destroy (GTK_WINDOW (self));
  return metric;
}

/* ---- actions ------------------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  obeya_metric_editor_save (OBEYA_METRIC_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaMetricEditor *self = OBEYA_METRIC_EDITOR (widget);

  if (self->metric != NULL)
    obeya_huddle_util_confirm_delete_metric (GTK_WINDOW (self), self->metric);
}

static void
workspace_changed_cb (ObeyaMetricEditor *self)
{
  guint position;

  /* The metric edited went away (deleted, or its addition undone). */
  if (self->metric != NULL &&
      !g_list_store_find (G_LIST_STORE (obeya_metrics_get_metrics (self->metrics)), self->metric,
                          &position))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ---------------------------------------------------------------------------------------- */

static void
obeya_metric_editor_dispose (GObject *object)
{
  ObeyaMetricEditor *self = OBEYA_METRIC_EDITOR (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_METRIC_EDITOR);
  g_clear_object (&self->metric);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_metric_editor_parent_class)->dispose (object);
}

static void
obeya_metric_editor_finalize (GObject *object)
{
  ObeyaMetricEditor *self = OBEYA_METRIC_EDITOR (object);

  g_clear_pointer (&self->category_ids, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_array_unref);

  G_OBJECT_CLASS (obeya_metric_editor_parent_class)->finalize (object);
}

static void
obeya_metric_editor_class_init (ObeyaMetricEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_metric_editor_dispose;
  object_class->finalize = obeya_metric_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-metric-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaMetricEditor, name)
  BIND (window_title);
  BIND (save_button);
  BIND (name_row);
  BIND (description_row);
  BIND (category_row);
  BIND (category_name_row);
  BIND (category_letter_row);
  BIND (unit_row);
  BIND (decimals_spin);
  BIND (cadence_row);
  BIND (direction_row);
  BIND (target_row);
  BIND (min_row);
  BIND (max_row);
  BIND (amber_row);
  BIND (from_row);
  BIND (from_button);
  BIND (from_calendar);
  BIND (history_group);
  BIND (history_list);
  BIND (delete_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, from_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
obeya_metric_editor_init (ObeyaMetricEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->category_ids = g_ptr_array_new_with_free_func (g_free);
  self->removed = g_array_new (FALSE, FALSE, sizeof (ObeyaDay));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  g_signal_connect_swapped (self->direction_row, "notify::selected",
                            G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->category_row, "notify::selected",
                            G_CALLBACK (update_visibility), self);
}

GtkWidget *
obeya_metric_editor_new (GtkWindow      *parent,
                         ObeyaWorkspace *workspace,
                         ObeyaMetric    *metric)
{
  ObeyaMetricEditor *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (metric == NULL || OBEYA_IS_METRIC (metric), NULL);

  self = g_object_new (OBEYA_TYPE_METRIC_EDITOR, NULL);
  obeya_huddle_util_init_dialog (GTK_WINDOW (self), parent, 640, 760);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  self->metric = metric ? g_object_ref (metric) : NULL;
  g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed_cb), self);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 !obeya_workspace_get_read_only (workspace));
  return GTK_WIDGET (self);
}
