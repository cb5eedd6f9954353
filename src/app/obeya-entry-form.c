/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-card.h"
#include "obeya-entry-form.h"
#include "obeya-history.h"
#include "obeya-huddle-util.h"
#include "obeya-metric-category.h"
#include "obeya-metrics.h"
#include "obeya-miss-reason.h"
#include "obeya-person.h"
#include "obeya-workspace.h"

#define DEFAULT_ACTION_DAYS 7

typedef struct
{
  ObeyaEntryForm *form;
  ObeyaMetric    *metric;
  ObeyaDay        day;           /* normalised: a weekly metric's Monday */
  char           *initial_text;
  char           *initial_note;
  const char     *initial_reason;
  gboolean        show_details;  /* the note button was pressed */
  ObeyaDay        due;

  GtkWidget      *entry;
  GtkWidget      *unit;
  GtkWidget      *status;
  GtkWidget      *error;
  GtkWidget      *details;
  GtkWidget      *reason;
  GtkWidget      *new_reason;
  GtkWidget      *note;
  GtkWidget      *raise;
  GtkWidget      *action_box;
  GtkWidget      *action_title;
  GtkWidget      *action_owner;
  GtkWidget      *action_due;
  GtkWidget      *action_calendar;
} Row;

struct _ObeyaEntryForm
{
  AdwWindow       parent_instance;

  ObeyaWorkspace *workspace;
  ObeyaMetrics   *metrics;
  ObeyaDay        day;
  gboolean        saving;
  GPtrArray      *rows;         /* of Row */
  GPtrArray      *reason_ids;   /* the reasons of the drop-downs, in order */
  GtkStringList  *reason_names; /* "No reason given", the reasons, "New Reason…" */
  GtkStringList  *people_names; /* "No owner", the people */

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkWidget      *scrolled;
  GtkLabel       *day_label;
  GtkLabel       *info_label;
  GtkWidget      *groups_box;
};

G_DEFINE_FINAL_TYPE (ObeyaEntryForm, obeya_entry_form, ADW_TYPE_WINDOW)

static void update_row (Row *row);

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->metric);
  g_clear_pointer (&row->initial_text, g_free);
  g_clear_pointer (&row->initial_note, g_free);
  g_free (row);
}

static Row *
find_row (ObeyaEntryForm *self,
          ObeyaMetric    *metric)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      if (row->metric == metric)
        return row;
    }
  return NULL;
}

static char *
dup_stripped (GtkWidget *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static guint
n_reason_items (ObeyaEntryForm *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->reason_names));
}

/* The reason chosen in @row: its id, NULL for none; *is_new when "New
 * Reason…" is chosen (its name is in row->new_reason). */
static const char *
row_reason (Row      *row,
            gboolean *is_new)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->reason));
  ObeyaEntryForm *self = row->form;

  *is_new = FALSE;
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return NULL;
  if (selected == n_reason_items (self) - 1)
    {
      *is_new = TRUE;
      return NULL;
    }
  return g_ptr_array_index (self->reason_ids, selected - 1);
}

/* ---- a row's state ------------------------------------------------------------- */

typedef enum
{
  ROW_EMPTY,    /* no number typed */
  ROW_VALUE,    /* a readable number */
  ROW_INVALID,  /* not a number */
} RowState;

static RowState
row_state (Row    *row,
           double *value)
{
  g_autofree char *text = dup_stripped (row->entry);

  if (text[0] == '\0')
    return ROW_EMPTY;
  return obeya_huddle_util_parse_value (text, value) ? ROW_VALUE : ROW_INVALID;
}

static gboolean
row_changed (Row *row)
{
  g_autofree char *text = dup_stripped (row->entry);
  g_autofree char *note = dup_stripped (row->note);
  gboolean is_new;
  const char *reason = row_reason (row, &is_new);

  return g_strcmp0 (text, row->initial_text) != 0 ||
         g_strcmp0 (note, row->initial_note ? row->initial_note : "") != 0 ||
         is_new || g_strcmp0 (reason, row->initial_reason) != 0 ||
         gtk_check_button_get_active (GTK_CHECK_BUTTON (row->raise));
}

static gboolean
form_dirty (ObeyaEntryForm *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (row_changed (self->rows->pdata[i]))
      return TRUE;
  return FALSE;
}

static void
update_navigation (ObeyaEntryForm *self)
{
  gboolean dirty = form_dirty (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.previous-day", !dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.next-day",
                                 !dirty && self->day < obeya_day_today ());
}

static void
set_status (Row        *row,
            const char *text,
            const char *css_class)
{
  static const char * const classes[] = { "met", "amber", "missed", "no-data", "error", NULL };

  gtk_label_set_text (GTK_LABEL (row->status), text);
  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_remove_css_class (row->status, classes[i]);
  gtk_widget_add_css_class (row->status, css_class);
}

static void
update_row (Row *row)
{
  double value = 0;
  RowState state = row_state (row, &value);
  ObeyaMetricStatus status = OBEYA_METRIC_STATUS_NO_DATA;
  gboolean is_new;
  g_autofree char *note = dup_stripped (row->note);
  gboolean asks;

  gtk_widget_remove_css_class (row->entry, "error");
  gtk_widget_set_visible (row->error, FALSE);
  switch (state)
    {
    case ROW_EMPTY:
      set_status (row, row->initial_text[0] != '\0' ? _("Removed") : _("No number"), "no-data");
      break;
    case ROW_INVALID:
      set_status (row, _("Not a number"), "error");
      gtk_widget_add_css_class (row->entry, "error");
      break;
    case ROW_VALUE:
    default:
      status = obeya_metric_judge (row->metric, row->day, value);
      set_status (row, obeya_metric_status_get_label (status),
                  obeya_huddle_util_status_class (status));
      break;
    }

  /* A miss asks for a reason at once (amber too); a reason or note given
   * before stays visible. */
  asks = state == ROW_VALUE &&
         (status == OBEYA_METRIC_STATUS_MISSED || status == OBEYA_METRIC_STATUS_AMBER);
  row_reason (row, &is_new);
  gtk_revealer_set_reveal_child (GTK_REVEALER (row->details),
                                 asks || row->show_details || note[0] != '\0' ||
                                 gtk_drop_down_get_selected (GTK_DROP_DOWN (row->reason)) > 0);
  gtk_widget_set_visible (row->new_reason, is_new);
  gtk_revealer_set_reveal_child (GTK_REVEALER (row->action_box),
                                 gtk_check_button_get_active (GTK_CHECK_BUTTON (row->raise)));
  update_navigation (row->form);
}

static void
row_changed_cb (Row *row)
{
  update_row (row);
}

static void
reason_selected_cb (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    Row         *row)
{
  gboolean is_new;

  update_row (row);
  row_reason (row, &is_new);
  if (is_new)
    gtk_widget_grab_focus (row->new_reason);
}

static void
note_button_clicked_cb (GtkButton *button,
                        Row       *row)
{
  row->show_details = !row->show_details;
  update_row (row);
  if (row->show_details)
    gtk_widget_grab_focus (row->note);
}

static void
update_due_label (Row *row)
{
  g_autofree char *text = obeya_huddle_util_format_day (row->due, obeya_day_today ());
  /* Translators: the due day of an action raised in the entry form: "Due Wed 12 Nov" */
  g_autofree char *label = g_strdup_printf (_("Due %s"), text);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (row->action_due), label);
}

static void
due_selected_cb (GtkCalendar *calendar,
                 Row         *row)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  row->due = obeya_day_from_ymd (g_date_time_get_year (dt), g_date_time_get_month (dt),
                                 g_date_time_get_day_of_month (dt));
  update_due_label (row);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (row->action_due));
}

/* ---- building --------------------------------------------------------------------- */

static char *
dup_hint (ObeyaEntryForm *self,
          Row            *row)
{
  guint n = 0;
  const ObeyaMetricEntry *entries = obeya_metric_get_entries (row->metric, &n);
  const ObeyaMetricEntry *previous = NULL;
  g_autofree char *target = obeya_huddle_util_dup_target_text (row->metric, row->day);
  g_autoptr(GString) hint = g_string_new (NULL);

  for (guint i = 0; i < n && entries[i].day < row->day; i++)
    previous = &entries[i];

  if (target != NULL)
    /* Translators: in the entry form, under a metric's name: "Target ≥ 420 invoices" */
    g_string_append_printf (hint, _("Target %s"), target);
  else
    g_string_append (hint, _("No target"));
  if (previous != NULL)
    {
      g_autofree char *value = obeya_metric_format_value (row->metric, previous->value);
      g_autofree char *day = obeya_huddle_util_format_day (previous->day, self->day);

      /* Translators: the previous number, in the entry form: "previous 412 invoices on Tue 4 Nov" */
      g_string_append (hint, " · ");
      g_string_append_printf (hint, _("previous %s on %s"), value, day);
    }
  if (obeya_metric_get_cadence (row->metric) == OBEYA_METRIC_CADENCE_WEEKLY)
    {
      g_autofree char *monday = obeya_huddle_util_format_day (row->day, self->day);

      /* Translators: a weekly metric's number is the week's: "week of Mon 3 Nov" */
      g_string_append (hint, " · ");
      g_string_append_printf (hint, _("week of %s"), monday);
    }
  return g_string_free (g_steal_pointer (&hint), FALSE);
}

static GtkWidget *
create_row (ObeyaEntryForm *self,
            Row            *row,
            gboolean        can_raise)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (obeya_metric_get_name (row->metric));
  g_autofree char *hint_text = dup_hint (self, row);
  GtkWidget *hint = gtk_label_new (hint_text);
  GtkWidget *note_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *reason_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *action_fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *popover, *calendar, *reason_label;
  const ObeyaMetricEntry *entry = obeya_metric_get_entry (row->metric, row->day);
  const char *unit = obeya_metric_get_unit (row->metric);
  g_autofree char *previous_text = NULL;
  guint n_previous = 0;
  const ObeyaMetricEntry *entries = obeya_metric_get_entries (row->metric, &n_previous);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_focusable (list_row, FALSE);
  gtk_widget_add_css_class (box, "obeya-entry-row");

  /* Name and hint. */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (titles), name);
  gtk_box_append (GTK_BOX (titles), hint);
  gtk_box_append (GTK_BOX (top), titles);

  /* The number: the previous one as placeholder. */
  row->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (row->entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (row->entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row->entry), 7);
  gtk_editable_set_alignment (GTK_EDITABLE (row->entry), 1.);
  gtk_widget_set_valign (row->entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->entry, "obeya-entry-value");
  for (guint i = 0; i < n_previous && entries[i].day < row->day; i++)
    {
      g_free (previous_text);
      previous_text = obeya_huddle_util_format_number (row->metric, entries[i].value);
    }
  if (previous_text != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (row->entry), previous_text);
  row->initial_text = entry ? obeya_huddle_util_format_number (row->metric, entry->value)
                            : g_strdup ("");
  row->initial_note = g_strdup (entry && entry->note ? entry->note : "");
  row->initial_reason = entry ? entry->reason : NULL;
  gtk_editable_set_text (GTK_EDITABLE (row->entry), row->initial_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  obeya_metric_get_name (row->metric), -1);
  gtk_box_append (GTK_BOX (top), row->entry);

  row->unit = gtk_label_new (unit ? unit : "");
  gtk_label_set_xalign (GTK_LABEL (row->unit), 0);
  gtk_label_set_width_chars (GTK_LABEL (row->unit), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (row->unit), 8);
  gtk_label_set_ellipsize (GTK_LABEL (row->unit), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (row->unit, "dim-label");
  gtk_box_append (GTK_BOX (top), row->unit);

  row->status = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (row->status), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (row->status), 14);
  gtk_label_set_ellipsize (GTK_LABEL (row->status), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (row->status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->status, "obeya-status-pill");
  gtk_box_append (GTK_BOX (top), row->status);

  gtk_widget_set_tooltip_text (note_button, _("Add a Note or Reason"));
  gtk_widget_set_focusable (note_button, FALSE);
  gtk_widget_set_valign (note_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (note_button, "flat");
  g_signal_connect (note_button, "clicked", G_CALLBACK (note_button_clicked_cb), row);
  gtk_box_append (GTK_BOX (top), note_button);
  gtk_box_append (GTK_BOX (box), top);

  row->error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->error), 1);
  gtk_widget_add_css_class (row->error, "error");
  gtk_widget_add_css_class (row->error, "caption");
  gtk_widget_set_visible (row->error, FALSE);
  gtk_box_append (GTK_BOX (box), row->error);

  /* Reason, note and action: shown on a miss. */
  reason_label = gtk_label_new_with_mnemonic (_("_Why?"));
  gtk_widget_add_css_class (reason_label, "dim-label");
  gtk_box_append (GTK_BOX (reason_box), reason_label);
  row->reason = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->reason_names)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (reason_label), row->reason);
  gtk_widget_set_tooltip_text (row->reason, _("Reason for the miss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the miss"), -1);
  if (row->initial_reason != NULL)
    for (guint i = 0; i < self->reason_ids->len; i++)
      if (g_strcmp0 (self->reason_ids->pdata[i], row->initial_reason) == 0)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (row->reason), i + 1);
  gtk_box_append (GTK_BOX (reason_box), row->reason);
  row->new_reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->new_reason), _("New reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (row->new_reason), TRUE);
  gtk_widget_set_visible (row->new_reason, FALSE);
  gtk_box_append (GTK_BOX (reason_box), row->new_reason);
  row->note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->note), _("Note (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (row->note), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row->note), row->initial_note);
  gtk_widget_set_hexpand (row->note, TRUE);
  gtk_box_append (GTK_BOX (reason_box), row->note);
  gtk_box_append (GTK_BOX (details), reason_box);

  row->raise = gtk_check_button_new_with_mnemonic (_("Raise an _action"));
  gtk_widget_set_sensitive (row->raise, can_raise);
  if (!can_raise)
    gtk_widget_set_tooltip_text (row->raise,
                                 _("Choose the board that receives the huddle’s actions in "
                                   "Huddle Settings first"));
  gtk_box_append (GTK_BOX (details), row->raise);

  row->action_title = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->action_title), _("What will be done?"));
  gtk_entry_set_activates_default (GTK_ENTRY (row->action_title), TRUE);
  gtk_widget_set_hexpand (row->action_title, TRUE);
  gtk_box_append (GTK_BOX (action_fields), row->action_title);
  row->action_owner = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->people_names)), NULL);
  gtk_widget_set_tooltip_text (row->action_owner, _("Owner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->action_owner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Owner"), -1);
  gtk_box_append (GTK_BOX (action_fields), row->action_owner);
  row->action_due = gtk_menu_button_new ();
  popover = gtk_popover_new ();
  calendar = gtk_calendar_new ();
  row->action_calendar = calendar;
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (row->action_due), popover);
  row->due = obeya_day_today () + DEFAULT_ACTION_DAYS;
  {
    int y, m, d;
    g_autoptr(GDateTime) dt = NULL;

    obeya_day_to_ymd (row->due, &y, &m, &d);
    dt = g_date_time_new_local (y, m, d, 12, 0, 0);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), dt);
  }
  g_signal_connect (calendar, "day-selected", G_CALLBACK (due_selected_cb), row);
  update_due_label (row);
  gtk_box_append (GTK_BOX (action_fields), row->action_due);
  row->action_box = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (row->action_box), action_fields);
  gtk_box_append (GTK_BOX (details), row->action_box);

  gtk_widget_set_margin_top (details, 8);
  row->details = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (row->details), details);
  gtk_box_append (GTK_BOX (box), row->details);

  g_signal_connect_swapped (row->entry, "changed", G_CALLBACK (row_changed_cb), row);
  g_signal_connect_swapped (row->note, "changed", G_CALLBACK (row_changed_cb), row);
  g_signal_connect_swapped (row->new_reason, "changed", G_CALLBACK (row_changed_cb), row);
  g_signal_connect_swapped (row->raise, "toggled", G_CALLBACK (row_changed_cb), row);
  g_signal_connect (row->reason, "notify::selected", G_CALLBACK (reason_selected_cb), row);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  return list_row;
}

static gboolean
include_metric (ObeyaMetric *metric,
                ObeyaDay     day)
{
  return obeya_metric_is_due (metric, obeya_metric_normalize_day (metric, day)) ||
         obeya_metric_get_entry (metric, day) != NULL;
}

static void
build (ObeyaEntryForm *self)
{
  GListModel *categories = obeya_metrics_get_categories (self->metrics);
  GListModel *reasons = obeya_metrics_get_miss_reasons (self->metrics);
  GListModel *all = obeya_metrics_get_metrics (self->metrics);
  gboolean any_due = FALSE;
  gboolean can_raise = obeya_metrics_get_action_board (self->metrics) != NULL;
  g_autofree char *long_day = obeya_huddle_util_format_day_long (self->day);
  GtkWidget *child;
  GtkWidget *first_entry = NULL;

  while ((child = gtk_widget_get_first_child (self->groups_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->groups_box), child);
  g_ptr_array_set_size (self->rows, 0);

  /* Reasons and people for the drop-downs. */
  g_ptr_array_set_size (self->reason_ids, 0);
  g_clear_object (&self->reason_names);
  self->reason_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->reason_names, _("No reason given"));
  for (guint i = 0; i < g_list_model_get_n_items (reasons); i++)
    {
      g_autoptr(ObeyaMissReason) reason = g_list_model_get_item (reasons, i);

      g_ptr_array_add (self->reason_ids, (gpointer) g_intern_string (obeya_entity_get_id (OBEYA_ENTITY (reason))));
      gtk_string_list_append (self->reason_names, obeya_miss_reason_get_name (reason));
    }
  gtk_string_list_append (self->reason_names, _("New Reason…"));
  g_clear_object (&self->people_names);
  self->people_names = obeya_huddle_util_name_list (obeya_workspace_get_people (self->workspace),
                                                    _("No owner"));

  for (guint i = 0; i < g_list_model_get_n_items (all) && !any_due; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (all, i);
      any_due = include_metric (metric, self->day);
    }

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(ObeyaMetricCategory) category = g_list_model_get_item (categories, c);
      g_autoptr(GPtrArray) metrics = NULL;
      GtkWidget *heading = NULL;
      GtkWidget *list = NULL;

      metrics = obeya_metrics_dup_category_metrics (self->metrics,
                                                    obeya_entity_get_id (OBEYA_ENTITY (category)));
      for (guint m = 0; m < metrics->len; m++)
        {
          ObeyaMetric *metric = metrics->pdata[m];
          Row *row;

          if (any_due && !include_metric (metric, self->day))
            continue;
          if (list == NULL)
            {
              g_autofree char *title = g_strdup_printf ("%s · %s",
                                                        obeya_metric_category_get_letter (category),
                                                        obeya_metric_category_get_name (category));

              GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

              heading = gtk_label_new (title);
              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_widget_add_css_class (heading, "heading");
              gtk_box_append (GTK_BOX (group), heading);
              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              gtk_box_append (GTK_BOX (group), list);
              gtk_box_append (GTK_BOX (self->groups_box), group);
            }
          row = g_new0 (Row, 1);
          row->form = self;
          row->metric = g_object_ref (metric);
          row->day = obeya_metric_normalize_day (metric, self->day);
          g_ptr_array_add (self->rows, row);
          gtk_list_box_append (GTK_LIST_BOX (list), create_row (self, row, can_raise));
          update_row (row);
          if (first_entry == NULL)
            first_entry = row->entry;
        }
    }

  if (self->day == obeya_day_today ())
    adw_window_title_set_title (self->window_title, _("Enter Today’s Numbers"));
  else
    adw_window_title_set_title (self->window_title, _("Enter Numbers"));
  gtk_label_set_text (self->day_label, long_day);
  if (!any_due)
    {
      gtk_label_set_text (self->info_label,
                          _("No metric is due on this day. Numbers entered here count as extra "
                            "days, like overtime on a Saturday."));
      gtk_widget_set_visible (GTK_WIDGET (self->info_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->info_label), FALSE);
  if (self->rows->len == 0)
    {
      gtk_label_set_text (self->info_label, _("There are no metrics yet. Add one first."));
      gtk_widget_set_visible (GTK_WIDGET (self->info_label), TRUE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", self->rows->len > 0);
  update_navigation (self);
  if (first_entry != NULL)
    gtk_widget_grab_focus (first_entry);
}

/* ---- public -------------------------------------------------------------------------- */

ObeyaDay
obeya_entry_form_get_day (ObeyaEntryForm *self)
{
  g_return_val_if_fail (OBEYA_IS_ENTRY_FORM (self), OBEYA_DAY_NONE);
  return self->day;
}

gboolean
obeya_entry_form_set_day (ObeyaEntryForm *self,
                          ObeyaDay        day)
{
  g_return_val_if_fail (OBEYA_IS_ENTRY_FORM (self), FALSE);

  if (day == self->day)
    return TRUE;
  if (form_dirty (self) || day == OBEYA_DAY_NONE || day > obeya_day_today ())
    return FALSE;
  self->day = day;
  build (self);
  return TRUE;
}

GtkEditable *
obeya_entry_form_get_value_editable (ObeyaEntryForm *self,
                                     ObeyaMetric    *metric)
{
  Row *row;

  g_return_val_if_fail (OBEYA_IS_ENTRY_FORM (self), NULL);
  row = find_row (self, metric);
  return row ? GTK_EDITABLE (row->entry) : NULL;
}

gboolean
obeya_entry_form_asks_reason (ObeyaEntryForm *self,
                              ObeyaMetric    *metric)
{
  Row *row;

  g_return_val_if_fail (OBEYA_IS_ENTRY_FORM (self), FALSE);
  row = find_row (self, metric);
  return row != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (row->details));
}

GtkDropDown *
obeya_entry_form_get_reason_dropdown (ObeyaEntryForm *self,
                                      ObeyaMetric    *metric)
{
  Row *row;

  g_return_val_if_fail (OBEYA_IS_ENTRY_FORM (self), NULL);
  row = find_row (self, metric);
  return row ? GTK_DROP_DOWN (row->reason) : NULL;
}

static void
show_row_error (Row        *row,
                GtkWidget  *focus,
                const char *message)
{
  gtk_label_set_text (GTK_LABEL (row->error), message);
  gtk_widget_set_visible (row->error, TRUE);
  gtk_widget_add_css_class (focus, "error");
  gtk_widget_grab_focus (focus);
}

/* Checks every row; the first bad one shows why and takes the focus. */
static gboolean
validate (ObeyaEntryForm *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      double value;
      RowState state = row_state (row, &value);
      gboolean is_new;
      g_autofree char *new_reason = dup_stripped (row->new_reason);
      g_autofree char *title = dup_stripped (row->action_title);
      gboolean raise = gtk_check_button_get_active (GTK_CHECK_BUTTON (row->raise));

      gtk_widget_remove_css_class (row->new_reason, "error");
      gtk_widget_remove_css_class (row->action_title, "error");
      row_reason (row, &is_new);
      if (state == ROW_INVALID)
        {
          show_row_error (row, row->entry, _("Type a number, like 412 or 96.5"));
          return FALSE;
        }
      if (is_new && new_reason[0] == '\0')
        {
          show_row_error (row, row->new_reason, _("Name the new reason"));
          return FALSE;
        }
      if (raise && title[0] == '\0')
        {
          show_row_error (row, row->action_title, _("Say what will be done"));
          return FALSE;
        }
      if (state == ROW_EMPTY && row->initial_text[0] == '\0' && row_changed (row) && !raise)
        {
          show_row_error (row, row->entry, _("A note or reason needs a number"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
obeya_entry_form_save (ObeyaEntryForm *self)
{
  ObeyaHistory *history;
  g_autoptr(GArray) edits = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *day_text = NULL;
  g_autofree char *label = NULL;
  guint n_actions = 0;

  g_return_val_if_fail (OBEYA_IS_ENTRY_FORM (self), FALSE);

  if (!validate (self))
    return FALSE;
  if (!form_dirty (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }

  history = obeya_workspace_get_history (self->workspace);
  day_text = obeya_huddle_util_format_day (self->day, obeya_day_today ());
  /* Translators: the undo label of the entry form: "Enter the numbers of Wed 5 Nov" */
  label = g_strdup_printf (_("Enter the numbers of %s"), day_text);
  edits = g_array_new (FALSE, TRUE, sizeof (ObeyaMetricEntryEdit));

  /* One command: new reasons, every number, every action. */
  self->saving = TRUE;
  obeya_history_begin (history, label);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      ObeyaMetricEntryEdit edit = { row->metric, FALSE, 0, NULL, NULL };
      double value = 0;
      RowState state = row_state (row, &value);
      gboolean is_new;
      const char *reason = row_reason (row, &is_new);
      char *note;

      if (is_new)
        {
          g_autofree char *name = dup_stripped (row->new_reason);
          ObeyaMissReason *existing = obeya_metrics_find_miss_reason_by_name (self->metrics, name);

          if (existing == NULL)
            existing = obeya_metrics_add_miss_reason (self->metrics, name);
          reason = obeya_entity_get_id (OBEYA_ENTITY (existing));
        }
      if (!row_changed (row) || (state == ROW_EMPTY && row->initial_text[0] == '\0'))
        continue;

      note = dup_stripped (row->note);
      g_ptr_array_add (notes, note);
      edit.clear = state == ROW_EMPTY;
      edit.value = value;
      edit.note = note;
      edit.reason_id = reason;
      g_array_append_val (edits, edit);
    }
  if (edits->len > 0)
    obeya_metrics_set_day_entries (self->metrics, self->day,
                                   (const ObeyaMetricEntryEdit *) edits->data, edits->len);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      g_autofree char *title = NULL;
      g_autoptr(GError) error = NULL;
      guint owner = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->action_owner));
      const char *owner_id = NULL;

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (row->raise)))
        continue;
      if (owner != GTK_INVALID_LIST_POSITION && owner > 0)
        {
          g_autoptr(ObeyaEntity) person =
            g_list_model_get_item (obeya_workspace_get_people (self->workspace), owner - 1);

          if (person != NULL)
            owner_id = obeya_entity_get_id (person);
        }
      title = dup_stripped (row->action_title);
      if (obeya_metrics_raise_action (self->metrics, title, owner_id, row->due, row->metric,
                                      row->day, &error) != NULL)
        n_actions++;
      else
        g_warning ("Could not raise the action: %s", error->message);
    }
  obeya_history_end (history);

  {
    g_autofree char *message = NULL;

    if (n_actions > 0)
      /* Translators: after saving the entry form: "Numbers of Wed 5 Nov saved, 1 action raised" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Numbers of %s saved, %u action raised",
                                              "Numbers of %s saved, %u actions raised", n_actions),
                                 day_text, n_actions);
    else
      message = g_strdup_printf (_("Numbers of %s saved"), day_text);
    obeya_huddle_util_toast (GTK_WIDGET (self), message, TRUE);
  }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* ---- actions ---------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  obeya_entry_form_save (OBEYA_ENTRY_FORM (widget));
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObeyaEntryForm *self = OBEYA_ENTRY_FORM (widget);

  obeya_entry_form_set_day (self, self->day - 1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ObeyaEntryForm *self = OBEYA_ENTRY_FORM (widget);

  obeya_entry_form_set_day (self, self->day + 1);
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
workspace_changed_cb (ObeyaEntryForm *self)
{
  /* The metrics changed behind the form (undo in the main window, a
   * reload): show the new state unless numbers are being typed. */
  if (!self->saving && !form_dirty (self))
    build (self);
}

static void
obeya_entry_form_dispose (GObject *object)
{
  ObeyaEntryForm *self = OBEYA_ENTRY_FORM (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_ENTRY_FORM);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->reason_ids, g_ptr_array_unref);
  g_clear_object (&self->reason_names);
  g_clear_object (&self->people_names);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_entry_form_parent_class)->dispose (object);
}

static void
obeya_entry_form_class_init (ObeyaEntryFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_entry_form_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-entry-form.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaEntryForm, name)
  BIND (window_title);
  BIND (save_button);
  BIND (scrolled);
  BIND (day_label);
  BIND (info_label);
  BIND (groups_box);
#undef BIND

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "form.next-day", NULL, next_day_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
obeya_entry_form_init (ObeyaEntryForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->reason_ids = g_ptr_array_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

GtkWidget *
obeya_entry_form_new (GtkWindow      *parent,
                      ObeyaWorkspace *workspace,
                      ObeyaDay        day)
{
  ObeyaEntryForm *self;

  g_return_val_if_fail (OBEYA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (day != OBEYA_DAY_NONE, NULL);

  self = g_object_new (OBEYA_TYPE_ENTRY_FORM, NULL);
  obeya_huddle_util_init_dialog (GTK_WINDOW (self), parent, 760, 720);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  self->day = MIN (day, obeya_day_today ());
  g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed_cb), self);
  build (self);
  return GTK_WIDGET (self);
}
