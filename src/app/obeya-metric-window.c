/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "obeya-chart-widget.h"
#include "obeya-entry-form.h"
#include "obeya-entry-item.h"
#include "obeya-history.h"
#include "obeya-huddle-util.h"
#include "obeya-metric-category.h"
#include "obeya-metric-editor.h"
#include "obeya-metric-charts.h"
#include "obeya-metric-window.h"
#include "obeya-metrics.h"
#include "obeya-miss-reason.h"
#include "obeya-workspace.h"

struct _ObeyaMetricWindow
{
  AdwWindow             parent_instance;

  ObeyaMetric          *metric;
  ObeyaWorkspace       *workspace;
  ObeyaMetrics         *metrics;
  ObeyaMetricRange      range;
  GListStore           *entries;      /* of ObeyaEntryItem, newest first */
  GtkStringList        *reason_names; /* "No reason", then the reasons */
  GPtrArray            *reason_ids;
  ObeyaRunChart        *run_chart;
  ObeyaParetoChart     *pareto;
  guint                 refresh_idle;

  /* template */
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel             *name_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *latest_label;
  GtkLabel             *latest_caption;
  GtkLabel             *target_label;
  GtkLabel             *percent_label;
  GtkLabel             *percent_caption;
  GtkLabel             *streak_label;
  GtkDropDown          *range_dropdown;
  AdwViewStack         *view_stack;
  ObeyaChartWidget     *run_widget;
  GtkColumnView        *entries_view;
  ObeyaChartWidget     *pareto_widget;
};

G_DEFINE_FINAL_TYPE (ObeyaMetricWindow, obeya_metric_window, ADW_TYPE_WINDOW)

static ObeyaDay
range_first_day (ObeyaMetricWindow *self,
                 ObeyaDay           today)
{
  guint n_entries = 0, n_targets = 0;
  const ObeyaMetricEntry *entries;
  const ObeyaMetricTarget *targets;
  ObeyaDay first = today;

  switch (self->range)
    {
    case OBEYA_METRIC_RANGE_30_DAYS:
      return today - 29;
    case OBEYA_METRIC_RANGE_90_DAYS:
      return today - 89;
    case OBEYA_METRIC_RANGE_YEAR:
      return today - 364;
    case OBEYA_METRIC_RANGE_ALL:
    default:
      entries = obeya_metric_get_entries (self->metric, &n_entries);
      targets = obeya_metric_get_targets (self->metric, &n_targets);
      if (n_entries > 0)
        first = MIN (first, entries[0].day);
      if (n_targets > 0)
        first = MIN (first, targets[0].from);
      return first;
    }
}

static const char *
range_label (ObeyaMetricRange range)
{
  switch (range)
    {
    case OBEYA_METRIC_RANGE_30_DAYS:
      return _("last 30 days");
    case OBEYA_METRIC_RANGE_90_DAYS:
      return _("last 90 days");
    case OBEYA_METRIC_RANGE_YEAR:
      return _("last 12 months");
    case OBEYA_METRIC_RANGE_ALL:
    default:
      return _("all entries");
    }
}

/* ---- entries table ------------------------------------------------------------------ */

/* TRUE when the reasons changed. */
static gboolean
update_reasons (ObeyaMetricWindow *self)
{
  GListModel *reasons = obeya_metrics_get_miss_reasons (self->metrics);
  guint n = g_list_model_get_n_items (reasons);
  gboolean same = n == self->reason_ids->len;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->reason_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaMissReason) reason = g_list_model_get_item (reasons, i);
      const char *name = obeya_miss_reason_get_name (reason);

      g_ptr_array_add (self->reason_ids,
                       (gpointer) g_intern_string (obeya_entity_get_id (OBEYA_ENTITY (reason))));
      g_ptr_array_add (names, g_strdup (name));
      if (same && g_strcmp0 (gtk_string_list_get_string (self->reason_names, i + 1), name) != 0)
        same = FALSE;
    }
  if (same && g_list_model_get_n_items (G_LIST_MODEL (self->reason_names)) == n + 1)
    return FALSE;
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->reason_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->reason_names)) - 1,
                          (const char * const *) names->pdata);
  return TRUE;
}

static guint
reason_position (ObeyaMetricWindow *self,
                 const char        *reason_id)
{
  for (guint i = 0; reason_id != NULL && i < self->reason_ids->len; i++)
    if (g_strcmp0 (self->reason_ids->pdata[i], reason_id) == 0)
      return i + 1;
  return 0;
}

/* Every cell refreshes itself from the metric while bound. */
typedef void (*CellRefresh) (GtkListItem *list_item);

static void
bind_refresh (GtkListItem *list_item,
              CellRefresh  refresh)
{
  ObeyaEntryItem *item = gtk_list_item_get_item (list_item);
  gulong id;

  id = g_signal_connect_swapped (obeya_entry_item_get_metric (item), "data-changed",
                                 G_CALLBACK (refresh), list_item);
  g_object_set_data (G_OBJECT (list_item), "obeya-handler", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "obeya-item", item);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "obeya-day",
                     GUINT_TO_POINTER (obeya_entry_item_get_day (item)));
  refresh (list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  ObeyaEntryItem *item = gtk_list_item_get_item (list_item);
  gulong id = (gulong) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "obeya-handler"));

  if (item != NULL && id != 0)
    g_signal_handler_disconnect (obeya_entry_item_get_metric (item), id);
  g_object_set_data (G_OBJECT (list_item), "obeya-handler", NULL);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "obeya-item", NULL);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "obeya-day", NULL);
}

static ObeyaEntryItem *
cell_item (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "obeya-item");
}

/* Day */

static void
day_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
day_refresh (GtkListItem *list_item)
{
  ObeyaEntryItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = obeya_huddle_util_format_day (obeya_entry_item_get_day (item),
                                                        obeya_day_today ());

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
day_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  bind_refresh (list_item, day_refresh);
}

/* Value and note cells are flat entries that commit when Enter is pressed
 * or the focus leaves them (GtkEditableLabel in GTK 4.8 runs a timeout on
 * its focus controller after focus-out that outlives the widget). */

typedef void (*CellCommit) (ObeyaMetricWindow *self,
                            GtkWidget         *cell);

static void
cell_activate_cb (GtkWidget *cell)
{
  CellCommit commit = g_object_get_data (G_OBJECT (cell), "obeya-commit");
  ObeyaMetricWindow *self = g_object_get_data (G_OBJECT (cell), "obeya-window");

  commit (self, cell);
}

static void
cell_leave_cb (GtkEventControllerFocus *controller)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Not while the window goes away. */
  if (gtk_widget_get_mapped (cell))
    cell_activate_cb (cell);
}

static GtkWidget *
cell_entry_new (ObeyaMetricWindow *self,
                CellCommit         commit)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_widget_add_css_class (entry, "obeya-cell-entry");
  g_object_set_data (G_OBJECT (entry), "obeya-commit", commit);
  g_object_set_data (G_OBJECT (entry), "obeya-window", self);
  g_signal_connect (entry, "activate", G_CALLBACK (cell_activate_cb), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), NULL);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

/* Value */

static void
value_commit (ObeyaMetricWindow *self,
              GtkWidget         *cell)
{
  ObeyaEntryItem *item = cell_item (cell);
  const ObeyaMetricEntry *entry;
  g_autofree char *text = NULL;
  double value;

  if (item == NULL)
    return;
  entry = obeya_entry_item_get_entry (item);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell))));
  if (text[0] == '\0')
    {
      if (entry != NULL)
        obeya_metric_clear_entry (self->metric, obeya_entry_item_get_day (item));
      return;
    }
  if (!obeya_huddle_util_parse_value (text, &value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number"), text);
      g_autofree char *shown = entry ? obeya_huddle_util_format_number (self->metric, entry->value)
                                     : g_strdup ("");

      gtk_editable_set_text (GTK_EDITABLE (cell), shown);
      obeya_huddle_util_toast (GTK_WIDGET (self), message, FALSE);
      return;
    }
  if (entry != NULL && entry->value == value)
    return;
  obeya_metric_set_entry (self->metric, obeya_entry_item_get_day (item), value,
                          entry ? entry->note : NULL, entry ? entry->reason : NULL);
}

static void
value_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ObeyaMetricWindow        *self)
{
  GtkWidget *entry = cell_entry_new (self, value_commit);

  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 8);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_tooltip_text (entry, _("The day’s number; empty removes it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number"), -1);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_list_item_set_child (list_item, entry);
}

static void
value_refresh (GtkListItem *list_item)
{
  ObeyaEntryItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  const ObeyaMetricEntry *entry = obeya_entry_item_get_entry (item);
  g_autofree char *text = entry ? obeya_huddle_util_format_number (obeya_entry_item_get_metric (item),
                                                                   entry->value)
                                : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (cell), text);
}

static void
value_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  bind_refresh (list_item, value_refresh);
}

/* Status */

static void
status_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "obeya-status-pill");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, label);
}

static void
status_refresh (GtkListItem *list_item)
{
  ObeyaEntryItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  ObeyaMetricStatus status = obeya_metric_get_status (obeya_entry_item_get_metric (item),
                                                      obeya_entry_item_get_day (item),
                                                      obeya_day_today ());

  gtk_label_set_text (GTK_LABEL (label), obeya_metric_status_get_label (status));
  obeya_huddle_util_set_status_class (label, status);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  bind_refresh (list_item, status_refresh);
}

/* Reason */

static void
reason_selected_cb (GtkDropDown       *dropdown,
                    GParamSpec        *pspec,
                    ObeyaMetricWindow *self)
{
  ObeyaEntryItem *item = cell_item (GTK_WIDGET (dropdown));
  const ObeyaMetricEntry *entry;
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *reason = NULL;

  if (item == NULL || g_object_get_data (G_OBJECT (dropdown), "obeya-updating") != NULL)
    return;
  entry = obeya_entry_item_get_entry (item);
  if (entry == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->reason_ids->len)
    reason = self->reason_ids->pdata[selected - 1];
  if (g_strcmp0 (reason, entry->reason) == 0)
    return;
  obeya_metric_set_entry (self->metric, entry->day, entry->value, entry->note, reason);
}

static void
reason_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 ObeyaMetricWindow        *self)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->reason_names)), NULL);

  gtk_widget_add_css_class (dropdown, "obeya-cell-dropdown");
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the miss"), -1);
  g_object_set_data (G_OBJECT (dropdown), "obeya-window", self);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (reason_selected_cb), self);
  gtk_list_item_set_child (list_item, dropdown);
}

static void
reason_refresh (GtkListItem *list_item)
{
  ObeyaEntryItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);
  ObeyaMetricWindow *self = g_object_get_data (G_OBJECT (dropdown), "obeya-window");
  const ObeyaMetricEntry *entry = obeya_entry_item_get_entry (item);

  g_object_set_data (G_OBJECT (dropdown), "obeya-updating", GINT_TO_POINTER (1));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                              reason_position (self, entry ? entry->reason : NULL));
  g_object_set_data (G_OBJECT (dropdown), "obeya-updating", NULL);
  /* Asked for where the number missed (or was close); kept where one was given. */
  if (entry != NULL && entry->reason == NULL)
    {
      ObeyaMetricStatus status = obeya_metric_get_status (obeya_entry_item_get_metric (item),
                                                          entry->day, obeya_day_today ());

      gtk_widget_set_visible (dropdown, status == OBEYA_METRIC_STATUS_MISSED ||
                                        status == OBEYA_METRIC_STATUS_AMBER);
    }
  else
    gtk_widget_set_visible (dropdown, entry != NULL);
}

static void
reason_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  bind_refresh (list_item, reason_refresh);
}

/* Note */

static void
note_commit (ObeyaMetricWindow *self,
             GtkWidget         *cell)
{
  ObeyaEntryItem *item = cell_item (cell);
  const ObeyaMetricEntry *entry;
  g_autofree char *text = NULL;

  if (item == NULL)
    return;
  entry = obeya_entry_item_get_entry (item);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell))));
  if (entry == NULL)
    {
      if (text[0] != '\0')
        obeya_huddle_util_toast (GTK_WIDGET (self), _("Enter the day’s number first"), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (cell), "");
      return;
    }
  if (g_strcmp0 (text, entry->note ? entry->note : "") == 0)
    return;
  obeya_metric_set_entry (self->metric, entry->day, entry->value, text, entry->reason);
}

static void
note_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ObeyaMetricWindow        *self)
{
  GtkWidget *entry = cell_entry_new (self, note_commit);

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  gtk_list_item_set_child (list_item, entry);
}

static void
note_refresh (GtkListItem *list_item)
{
  ObeyaEntryItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  const ObeyaMetricEntry *entry = obeya_entry_item_get_entry (item);

  gtk_editable_set_text (GTK_EDITABLE (cell), entry && entry->note ? entry->note : "");
}

static void
note_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  bind_refresh (list_item, note_refresh);
}

static void
add_column (ObeyaMetricWindow *self,
            const char        *title,
            GCallback          setup,
            GCallback          bind,
            gboolean           expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->entries_view, column);
  g_object_unref (column);
}

/* The rows: every due day of the range up to today, and the days with an
 * entry that were not due, newest first. */
static GPtrArray *
collect_days (ObeyaMetricWindow *self,
              ObeyaDay           first,
              ObeyaDay           today)
{
  GPtrArray *days = g_ptr_array_new ();
  guint n = 0;
  const ObeyaMetricEntry *entries = obeya_metric_get_entries (self->metric, &n);
  int e = (int) n - 1;

  while (e >= 0 && entries[e].day > today)
    e--;
  for (ObeyaDay day = today; day >= first && day > OBEYA_DAY_NONE; day--)
    {
      gboolean has_entry = FALSE;

      while (e >= 0 && entries[e].day > day)
        e--;
      has_entry = e >= 0 && entries[e].day == day;
      if (has_entry || obeya_metric_is_due (self->metric, day))
        g_ptr_array_add (days, GUINT_TO_POINTER (day));
    }
  return days;
}

static void
update_entries (ObeyaMetricWindow *self,
                gboolean           force)
{
  ObeyaDay today = obeya_day_today ();
  g_autoptr(GPtrArray) days = collect_days (self, range_first_day (self, today), today);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(GPtrArray) items = NULL;
  gboolean same = !force && n == days->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(ObeyaEntryItem) item = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      same = obeya_entry_item_get_day (item) == GPOINTER_TO_UINT (days->pdata[i]);
    }
  if (same)
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < days->len; i++)
    g_ptr_array_add (items, obeya_entry_item_new (self->metric, GPOINTER_TO_UINT (days->pdata[i])));
  g_list_store_splice (self->entries, 0, n, items->pdata, items->len);
}

/* ---- summary and charts ------------------------------------------------------------------ */

static void
update_titles (ObeyaMetricWindow *self)
{
  ObeyaMetricCategory *category = obeya_metrics_find_category (self->metrics,
                                                               obeya_metric_get_category (self->metric));
  g_autofree char *subtitle = NULL;
  g_autofree char *pareto_title = NULL;

  subtitle = g_strdup_printf ("%s · %s · %s",
                              category ? obeya_metric_category_get_name (category) : "",
                              obeya_metric_direction_get_label (obeya_metric_get_direction (self->metric)),
                              obeya_metric_cadence_get_label (obeya_metric_get_cadence (self->metric)));
  adw_view_switcher_title_set_title (self->switcher_title, obeya_metric_get_name (self->metric));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), obeya_metric_get_name (self->metric));

  gtk_label_set_text (self->name_label, obeya_metric_get_name (self->metric));
  gtk_label_set_text (self->subtitle_label, subtitle);
  /* The window names the charts; their files carry the name as title. */
  obeya_chart_widget_set_export_name (self->run_widget, obeya_metric_get_name (self->metric));
  /* Translators: title of a metric's Pareto chart: "Misses by reason: Invoices processed" */
  pareto_title = g_strdup_printf (_("Misses by reason: %s"), obeya_metric_get_name (self->metric));
  obeya_chart_widget_set_export_name (self->pareto_widget, pareto_title);
}

static void
update_summary (ObeyaMetricWindow *self)
{
  ObeyaDay today = obeya_day_today ();
  ObeyaDay first = range_first_day (self, today);
  ObeyaDay review = obeya_huddle_util_get_review_day (self->metric, today);
  const ObeyaMetricEntry *entry = review ? obeya_metric_get_entry (self->metric, review) : NULL;
  ObeyaMetricCounts counts = { 0 };
  ObeyaMetricStatus streak_status = OBEYA_METRIC_STATUS_NO_DATA;
  g_autofree char *latest = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *target = obeya_huddle_util_dup_target_text (self->metric, today);
  g_autofree char *percent = NULL;
  g_autofree char *percent_caption = NULL;
  g_autofree char *streak = obeya_metric_dup_streak_text (self->metric, today);
  g_autofree char *day = obeya_huddle_util_format_day (review, today);
  double met;
  guint judged;

  if (entry != NULL)
    {
      ObeyaMetricStatus status = obeya_metric_get_status (self->metric, review, today);

      latest = obeya_metric_format_value (self->metric, entry->value);
      caption = g_strdup_printf ("%s · %s", day, obeya_metric_status_get_label (status));
    }
  else
    {
      latest = g_strdup ("—");
      /* Translators: the latest number of a metric is missing: "No number for Tue 4 Nov" */
      caption = g_strdup_printf (_("No number for %s"), day);
    }
  gtk_label_set_text (self->latest_label, latest);
  gtk_label_set_text (self->latest_caption, caption);
  gtk_label_set_text (self->target_label, target ? target : _("None"));

  obeya_metric_count_statuses (self->metric, first, today, today, &counts);
  met = obeya_metric_counts_percent_met (&counts);
  judged = counts.met + counts.amber + counts.missed + counts.no_data;
  percent = met < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f %%", met);
  /* Translators: under the share of days on target: "met on 49 of 63 due days, last 90 days" */
  percent_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "met on %u of %u due day, %s",
                                                  "met on %u of %u due days, %s", judged),
                                     counts.met, judged, range_label (self->range));
  gtk_label_set_text (self->percent_label, percent);
  gtk_label_set_text (self->percent_caption, percent_caption);

  obeya_metric_get_streak (self->metric, today, &streak_status);
  gtk_label_set_text (self->streak_label, streak ? streak : "");
  obeya_huddle_util_set_status_class (GTK_WIDGET (self->streak_label), streak_status);
}

static void
update_charts (ObeyaMetricWindow *self)
{
  ObeyaDay today = obeya_day_today ();
  ObeyaDay first = range_first_day (self, today);
  guint misses;

  obeya_metric_charts_fill_run_chart (self->run_chart, self->metric, first, today, today);
  misses = obeya_metric_charts_fill_pareto (self->pareto, self->metrics, self->metric, NULL, first,
                                            today, today);
  /* The window's title and tabs already say what the charts are. */
  obeya_chart_set_title (OBEYA_CHART (self->run_chart), NULL);
  obeya_chart_set_title (OBEYA_CHART (self->pareto), NULL);
  obeya_chart_set_empty_message (OBEYA_CHART (self->pareto),
                                 misses == 0 ? _("No misses in this period") : NULL);
}

/* Hovering a point of the run chart names its day, number and status. */
static gboolean
run_query_tooltip_cb (GtkWidget         *widget,
                      int                x,
                      int                y,
                      gboolean           keyboard,
                      GtkTooltip        *tooltip,
                      ObeyaMetricWindow *self)
{
  ObeyaChart *chart = OBEYA_CHART (self->run_chart);
  ObeyaDay today = obeya_day_today ();
  ObeyaDay first = range_first_day (self, today);
  const ObeyaMetricEntry *best = NULL;
  double px0, px1, py, best_distance = 12;
  ObeyaDay guess;
  g_autoptr(GString) text = NULL;
  g_autofree char *day = NULL;
  g_autofree char *value = NULL;

  if (keyboard || first >= today ||
      !obeya_chart_map (chart, first, 0, &px0, &py) || !obeya_chart_map (chart, today, 0, &px1, &py) ||
      px1 <= px0)
    return FALSE;
  guess = first + (ObeyaDay) MAX (0, round ((x - px0) / (px1 - px0) * (today - first)));
  for (ObeyaDay d = guess > 7 ? guess - 7 : 1; d <= guess + 7; d++)
    {
      const ObeyaMetricEntry *entry = obeya_metric_get_entry (self->metric, d);
      double px, entry_py;

      if (entry == NULL || entry->day != d || !obeya_chart_map (chart, d, entry->value, &px, &entry_py))
        continue;
      if (hypot (px - x, entry_py - y) < best_distance)
        {
          best_distance = hypot (px - x, entry_py - y);
          best = entry;
        }
    }
  if (best == NULL)
    return FALSE;

  day = obeya_huddle_util_format_day_long (best->day);
  value = obeya_metric_format_value (self->metric, best->value);
  text = g_string_new (NULL);
  /* Translators: tooltip of a run chart point: "Tuesday, 4 November 2026: 425 invoices, Met" */
  g_string_append_printf (text, _("%s: %s, %s"), day, value,
                          obeya_metric_status_get_label (obeya_metric_get_status (self->metric,
                                                                                  best->day, today)));
  if (best->reason != NULL)
    {
      ObeyaMissReason *reason = obeya_metrics_find_miss_reason (self->metrics, best->reason);

      if (reason != NULL)
        g_string_append_printf (text, "\n%s", obeya_miss_reason_get_name (reason));
    }
  if (best->note != NULL)
    g_string_append_printf (text, "\n%s", best->note);
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
refresh (ObeyaMetricWindow *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->metric == NULL)
    return;
  update_titles (self);
  update_summary (self);
  update_charts (self);
  update_entries (self, FALSE);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ObeyaMetricWindow *self = user_data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ObeyaMetricWindow *self)
{
  /* Before GTK lays out and draws the next frame. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
workspace_changed_cb (ObeyaMetricWindow *self)
{
  guint position;

  /* Deleted (or its addition undone): nothing left to show. */
  if (!g_list_store_find (G_LIST_STORE (obeya_metrics_get_metrics (self->metrics)), self->metric,
                          &position))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* The rows show the reasons by position: bind them again. */
  if (update_reasons (self))
    update_entries (self, TRUE);
  schedule_refresh (self);
}

/* ---- public -------------------------------------------------------------------------------- */

ObeyaMetric *
obeya_metric_window_get_metric (ObeyaMetricWindow *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC_WINDOW (self), NULL);
  return self->metric;
}

ObeyaMetricRange
obeya_metric_window_get_range (ObeyaMetricWindow *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC_WINDOW (self), OBEYA_METRIC_RANGE_90_DAYS);
  return self->range;
}

void
obeya_metric_window_set_range (ObeyaMetricWindow *self,
                               ObeyaMetricRange   range)
{
  g_return_if_fail (OBEYA_IS_METRIC_WINDOW (self));

  if (gtk_drop_down_get_selected (self->range_dropdown) != (guint) range)
    gtk_drop_down_set_selected (self->range_dropdown, range);
  if (self->range == range)
    return;
  self->range = range;
  refresh (self);
}

static void
range_selected_cb (ObeyaMetricWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);

  if (selected <= OBEYA_METRIC_RANGE_ALL)
    obeya_metric_window_set_range (self, (ObeyaMetricRange) selected);
}

void
obeya_metric_window_show_page (ObeyaMetricWindow *self,
                               const char        *page)
{
  g_return_if_fail (OBEYA_IS_METRIC_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

GListModel *
obeya_metric_window_get_entries (ObeyaMetricWindow *self)
{
  g_return_val_if_fail (OBEYA_IS_METRIC_WINDOW (self), NULL);
  return G_LIST_MODEL (self->entries);
}

/* ---- actions ---------------------------------------------------------------------------------- */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaMetricWindow *self = OBEYA_METRIC_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (obeya_metric_editor_new (GTK_WINDOW (self), self->workspace,
                                                           self->metric)));
}

static void
enter_numbers_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObeyaMetricWindow *self = OBEYA_METRIC_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (obeya_entry_form_new (GTK_WINDOW (self), self->workspace,
                                                        obeya_day_today ())));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaMetricWindow *self = OBEYA_METRIC_WINDOW (widget);
  ObeyaDay today = obeya_day_today ();

  obeya_huddle_util_export_csv (widget, self->metrics, self->metric,
                                range_first_day (self, today), today);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObeyaMetricWindow *self = OBEYA_METRIC_WINDOW (widget);

  obeya_huddle_util_confirm_delete_metric (GTK_WINDOW (self), self->metric);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaMetricWindow *self = OBEYA_METRIC_WINDOW (widget);
  ObeyaHistory *history = obeya_workspace_get_history (self->workspace);
  g_autofree char *label = g_strdup (obeya_history_get_undo_label (history));

  if (obeya_history_undo (history) && label != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Undone: %s"), label);

      obeya_huddle_util_toast (widget, message, FALSE);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObeyaMetricWindow *self = OBEYA_METRIC_WINDOW (widget);

  obeya_history_redo (obeya_workspace_get_history (self->workspace));
}

/* ---- GObject ------------------------------------------------------------------------------------ */

static void
obeya_metric_window_dispose (GObject *object)
{
  ObeyaMetricWindow *self = OBEYA_METRIC_WINDOW (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->metric != NULL)
    g_signal_handlers_disconnect_by_data (self->metric, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_METRIC_WINDOW);
  g_clear_object (&self->entries);
  g_clear_object (&self->reason_names);
  g_clear_pointer (&self->reason_ids, g_ptr_array_unref);
  g_clear_object (&self->run_chart);
  g_clear_object (&self->pareto);
  g_clear_object (&self->metric);
  g_clear_object (&self->workspace);
  self->metrics = NULL;

  G_OBJECT_CLASS (obeya_metric_window_parent_class)->dispose (object);
}

static void
obeya_metric_window_class_init (ObeyaMetricWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_metric_window_dispose;

  g_type_ensure (OBEYA_TYPE_CHART_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/obeya/Obeya/obeya-metric-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaMetricWindow, name)
  BIND (switcher_title);
  BIND (name_label);
  BIND (subtitle_label);
  BIND (latest_label);
  BIND (latest_caption);
  BIND (target_label);
  BIND (percent_label);
  BIND (percent_caption);
  BIND (streak_label);
  BIND (range_dropdown);
  BIND (view_stack);
  BIND (run_widget);
  BIND (entries_view);
  BIND (pareto_widget);
#undef BIND

  gtk_widget_class_install_action (widget_class, "metric.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "metric.enter-numbers", NULL, enter_numbers_action);
  gtk_widget_class_install_action (widget_class, "metric.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "metric.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "metric.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "metric.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "metric.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "metric.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "metric.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "metric.enter-numbers", NULL);
}

static void
obeya_metric_window_init (ObeyaMetricWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->range = OBEYA_METRIC_RANGE_90_DAYS;
  self->entries = g_list_store_new (OBEYA_TYPE_ENTRY_ITEM);
  self->reason_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->reason_names, _("No reason"));
  self->reason_ids = g_ptr_array_new ();
  self->run_chart = obeya_run_chart_new ();
  obeya_chart_set_font_scale (OBEYA_CHART (self->run_chart), OBEYA_CHART_WIDGET_FONT_SCALE);
  obeya_run_chart_set_reference (self->run_chart, OBEYA_CHART_REFERENCE_MEAN);
  obeya_chart_widget_set_chart (self->run_widget, OBEYA_CHART (self->run_chart));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->run_widget), TRUE);
  g_signal_connect (self->run_widget, "query-tooltip", G_CALLBACK (run_query_tooltip_cb), self);
  self->pareto = obeya_pareto_chart_new ();
  obeya_chart_set_font_scale (OBEYA_CHART (self->pareto), OBEYA_CHART_WIDGET_FONT_SCALE);
  obeya_pareto_chart_set_max_categories (self->pareto, 8);
  obeya_chart_widget_set_chart (self->pareto_widget, OBEYA_CHART (self->pareto));

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_column_view_set_model (self->entries_view, GTK_SELECTION_MODEL (selection));
  add_column (self, _("Day"), G_CALLBACK (day_setup_cb), G_CALLBACK (day_bind_cb), FALSE);
  add_column (self, _("Number"), G_CALLBACK (value_setup_cb), G_CALLBACK (value_bind_cb), FALSE);
  add_column (self, _("Status"), G_CALLBACK (status_setup_cb), G_CALLBACK (status_bind_cb), FALSE);
  add_column (self, _("Reason"), G_CALLBACK (reason_setup_cb), G_CALLBACK (reason_bind_cb), FALSE);
  add_column (self, _("Note"), G_CALLBACK (note_setup_cb), G_CALLBACK (note_bind_cb), TRUE);

  gtk_drop_down_set_selected (self->range_dropdown, self->range);
  g_signal_connect_swapped (self->range_dropdown, "notify::selected",
                            G_CALLBACK (range_selected_cb), self);
}

GtkWidget *
obeya_metric_window_new (GtkWindow   *parent,
                         ObeyaMetric *metric)
{
  ObeyaMetricWindow *self;
  ObeyaWorkspace *workspace;

  g_return_val_if_fail (OBEYA_IS_METRIC (metric), NULL);
  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (metric));
  g_return_val_if_fail (workspace != NULL, NULL);

  self = g_object_new (OBEYA_TYPE_METRIC_WINDOW, NULL);
  obeya_huddle_util_init_dialog (GTK_WINDOW (self), parent, 1040, 720);
  self->metric = g_object_ref (metric);
  self->workspace = g_object_ref (workspace);
  self->metrics = obeya_workspace_get_metrics (workspace);
  update_reasons (self);
  g_signal_connect_swapped (workspace, "changed", G_CALLBACK (workspace_changed_cb), self);
  g_signal_connect_swapped (metric, "data-changed", G_CALLBACK (schedule_refresh), self);
  g_signal_connect_swapped (metric, "notify", G_CALLBACK (schedule_refresh), self);
  refresh (self);
  return GTK_WIDGET (self);
}
