/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "obeya-chart-widget.h"
#include "obeya-huddle-util.h"
#include "obeya-kpi-tile.h"
#include "obeya-metric-category.h"
#include "obeya-metric-charts.h"
#include "obeya-metrics.h"
#include "obeya-workspace.h"

struct _ObeyaKpiTile
{
  GtkButton          parent_instance;

  ObeyaMetric       *metric;
  ObeyaSparkline    *sparkline;
  ObeyaDay           today;
  ObeyaDay           review_day;
  ObeyaMetricStatus  status;

  /* template */
  GtkLabel          *letter_label;
  GtkLabel          *category_label;
  GtkLabel          *name_label;
  GtkWidget         *trend_box;
  GtkLabel          *trend_arrow;
  GtkLabel          *trend_label;
  GtkLabel          *value_label;
  GtkLabel          *unit_label;
  GtkLabel          *target_label;
  ObeyaChartWidget  *sparkline_widget;
  GtkLabel          *status_label;
};

G_DEFINE_FINAL_TYPE (ObeyaKpiTile, obeya_kpi_tile, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_METRIC,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ObeyaDay
tile_today (ObeyaKpiTile *self)
{
  return self->today != OBEYA_DAY_NONE ? self->today : obeya_day_today ();
}

/* The entry before @day, if any. */
static const ObeyaMetricEntry *
previous_entry (ObeyaMetric *metric,
                ObeyaDay     day)
{
  guint n = 0;
  const ObeyaMetricEntry *entries = obeya_metric_get_entries (metric, &n);
  const ObeyaMetricEntry *found = NULL;

  for (guint i = 0; i < n && entries[i].day < day; i++)
    found = &entries[i];
  return found;
}

static void
update_trend (ObeyaKpiTile           *self,
              const ObeyaMetricEntry *entry,
              ObeyaDay                today)
{
  const ObeyaMetricEntry *before = entry ? previous_entry (self->metric, entry->day) : NULL;
  ObeyaMetricDirection direction = obeya_metric_get_direction (self->metric);
  g_autofree char *delta_text = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *before_day = NULL;
  g_autofree char *tooltip = NULL;
  const char *quality = "neutral";
  double delta;

  gtk_widget_remove_css_class (self->trend_box, "better");
  gtk_widget_remove_css_class (self->trend_box, "worse");
  gtk_widget_remove_css_class (self->trend_box, "neutral");
  if (before == NULL)
    {
      gtk_widget_set_visible (self->trend_box, FALSE);
      return;
    }

  delta = entry->value - before->value;
  delta_text = obeya_huddle_util_format_number (self->metric, fabs (delta));
  before_text = obeya_metric_format_value (self->metric, before->value);
  before_day = obeya_huddle_util_format_day (before->day, today);

  if (delta > 0)
    {
      char *signed_text = g_strconcat ("+", delta_text, NULL);

      g_free (delta_text);
      delta_text = signed_text;
      gtk_label_set_text (self->trend_arrow, "▲");
      if (direction == OBEYA_METRIC_HIGHER_IS_BETTER)
        quality = "better";
      else if (direction == OBEYA_METRIC_LOWER_IS_BETTER)
        quality = "worse";
      /* Translators: trend of a KPI tile: "Up 12 on the previous number (420 invoices, Mon 3 Nov)" */
      tooltip = g_strdup_printf (_("Up %s on the previous number (%s, %s)"),
                                 delta_text + 1, before_text, before_day);
    }
  else if (delta < 0)
    {
      char *signed_text = g_strconcat ("−", delta_text, NULL);

      g_free (delta_text);
      delta_text = signed_text;
      gtk_label_set_text (self->trend_arrow, "▼");
      if (direction == OBEYA_METRIC_HIGHER_IS_BETTER)
        quality = "worse";
      else if (direction == OBEYA_METRIC_LOWER_IS_BETTER)
        quality = "better";
      tooltip = g_strdup_printf (_("Down %s on the previous number (%s, %s)"),
                                 delta_text + strlen ("−"), before_text, before_day);
    }
  else
    {
      g_free (delta_text);
      delta_text = g_strdup ("=");
      gtk_label_set_text (self->trend_arrow, "");
      tooltip = g_strdup_printf (_("Same as the previous number (%s, %s)"), before_text, before_day);
    }

  gtk_label_set_text (self->trend_label, delta_text);
  gtk_widget_set_visible (GTK_WIDGET (self->trend_arrow), delta != 0);
  gtk_widget_set_tooltip_text (self->trend_box, tooltip);
  gtk_widget_add_css_class (self->trend_box, quality);
  gtk_widget_set_visible (self->trend_box, TRUE);
}

void
obeya_kpi_tile_refresh (ObeyaKpiTile *self)
{
  ObeyaDay today;
  const ObeyaMetricEntry *entry = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *accessible = NULL;
  const char *unit;
  ObeyaWorkspace *workspace;
  ObeyaMetricCategory *category;

  g_return_if_fail (OBEYA_IS_KPI_TILE (self));

  if (self->metric == NULL)
    return;

  today = tile_today (self);
  self->review_day = obeya_huddle_util_get_review_day (self->metric, today);
  if (self->review_day != OBEYA_DAY_NONE)
    entry = obeya_metric_get_entry (self->metric, self->review_day);
  self->status = entry ? obeya_metric_get_status (self->metric, self->review_day, today)
                       : OBEYA_METRIC_STATUS_NO_DATA;

  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self->metric));
  category = workspace ? obeya_metrics_find_category (obeya_workspace_get_metrics (workspace),
                                                      obeya_metric_get_category (self->metric))
                       : NULL;
  gtk_label_set_text (self->letter_label, category ? obeya_metric_category_get_letter (category) : "");
  gtk_label_set_text (self->category_label, category ? obeya_metric_category_get_name (category) : "");
  gtk_label_set_text (self->name_label, obeya_metric_get_name (self->metric));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label),
                               obeya_metric_get_description (self->metric));

  value_text = entry ? obeya_huddle_util_format_number (self->metric, entry->value)
                     : g_strdup ("—");
  gtk_label_set_text (self->value_label, value_text);
  unit = obeya_metric_get_unit (self->metric);
  gtk_label_set_text (self->unit_label, unit ? unit : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label),
                          entry != NULL && unit != NULL && unit[0] != '\0');

  day_text = obeya_huddle_util_format_day (self->review_day, today);
  target_text = obeya_huddle_util_dup_target_text (self->metric,
                                                   self->review_day ? self->review_day : today);
  if (target_text != NULL)
    /* Translators: under a KPI tile's number: "Target ≥ 420 invoices · Tue 4 Nov" */
    caption = g_strdup_printf (_("Target %s · %s"), target_text, day_text);
  else
    /* Translators: under a KPI tile's number when the metric has no target yet */
    caption = g_strdup_printf (_("No target · %s"), day_text);
  gtk_label_set_text (self->target_label, caption);

  update_trend (self, entry, today);

  obeya_metric_charts_fill_sparkline (self->sparkline, self->metric,
                                      OBEYA_KPI_TILE_SPARKLINE_DAYS,
                                      self->review_day != OBEYA_DAY_NONE ? self->review_day : today,
                                      today);

  if (entry == NULL && self->review_day != OBEYA_DAY_NONE)
    /* Translators: a KPI tile whose number of that day is missing: "No number for Tue 4 Nov" */
    status_text = g_strdup_printf (_("No number for %s"), day_text);
  else if (self->review_day != OBEYA_DAY_NONE)
    /* The run up to the reviewed day (a weekly metric's may be last week). */
    status_text = obeya_metric_dup_streak_text (self->metric, self->review_day);
  if (status_text == NULL)
    status_text = g_strdup (obeya_metric_status_get_label (self->status));
  gtk_label_set_text (self->status_label, status_text);

  obeya_huddle_util_set_status_class (GTK_WIDGET (self), self->status);
  obeya_huddle_util_set_status_class (GTK_WIDGET (self->status_label), self->status);

  /* Translators: what a screen reader says for a KPI tile:
   * "Invoices processed: 432 invoices, Met, Target ≥ 420 invoices · Tue 4 Nov, Met 5 days running" */
  accessible = g_strdup_printf (_("%s: %s %s, %s, %s, %s"), obeya_metric_get_name (self->metric),
                                value_text, unit ? unit : "",
                                obeya_metric_status_get_label (self->status), caption, status_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
metric_changed_cb (ObeyaKpiTile *self)
{
  obeya_kpi_tile_refresh (self);
}

ObeyaMetric *
obeya_kpi_tile_get_metric (ObeyaKpiTile *self)
{
  g_return_val_if_fail (OBEYA_IS_KPI_TILE (self), NULL);
  return self->metric;
}

static void
set_metric (ObeyaKpiTile *self,
            ObeyaMetric  *metric)
{
  g_assert (self->metric == NULL);

  if (metric == NULL)
    return;
  self->metric = g_object_ref (metric);
  g_signal_connect_object (metric, "data-changed", G_CALLBACK (metric_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (metric, "notify", G_CALLBACK (metric_changed_cb), self,
                           G_CONNECT_SWAPPED);
  obeya_chart_widget_set_export_name (self->sparkline_widget, obeya_metric_get_name (metric));
  obeya_kpi_tile_refresh (self);
}

ObeyaDay
obeya_kpi_tile_get_today (ObeyaKpiTile *self)
{
  g_return_val_if_fail (OBEYA_IS_KPI_TILE (self), OBEYA_DAY_NONE);
  return self->today;
}

void
obeya_kpi_tile_set_today (ObeyaKpiTile *self,
                          ObeyaDay      today)
{
  g_return_if_fail (OBEYA_IS_KPI_TILE (self));

  if (self->today == today)
    return;
  self->today = today;
  obeya_kpi_tile_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

ObeyaMetricStatus
obeya_kpi_tile_get_status (ObeyaKpiTile *self)
{
  g_return_val_if_fail (OBEYA_IS_KPI_TILE (self), OBEYA_METRIC_STATUS_NO_DATA);
  return self->status;
}

ObeyaDay
obeya_kpi_tile_get_review_day (ObeyaKpiTile *self)
{
  g_return_val_if_fail (OBEYA_IS_KPI_TILE (self), OBEYA_DAY_NONE);
  return self->review_day;
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
obeya_kpi_tile_dispose (GObject *object)
{
  ObeyaKpiTile *self = OBEYA_KPI_TILE (object);

  g_clear_object (&self->metric);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBEYA_TYPE_KPI_TILE);
  g_clear_object (&self->sparkline);

  G_OBJECT_CLASS (obeya_kpi_tile_parent_class)->dispose (object);
}

static void
obeya_kpi_tile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ObeyaKpiTile *self = OBEYA_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      g_value_set_object (value, self->metric);
      break;
    case PROP_TODAY:
      g_value_set_uint (value, self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_kpi_tile_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ObeyaKpiTile *self = OBEYA_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      set_metric (self, g_value_get_object (value));
      break;
    case PROP_TODAY:
      obeya_kpi_tile_set_today (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_kpi_tile_class_init (ObeyaKpiTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = obeya_kpi_tile_dispose;
  object_class->get_property = obeya_kpi_tile_get_property;
  object_class->set_property = obeya_kpi_tile_set_property;

  properties[PROP_METRIC] =
    g_param_spec_object ("metric", NULL, NULL, OBEYA_TYPE_METRIC,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A julian day; 0 follows the clock. */
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OBEYA_TYPE_CHART_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/obeya/Obeya/obeya-kpi-tile.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObeyaKpiTile, name)
  BIND (letter_label);
  BIND (category_label);
  BIND (name_label);
  BIND (trend_box);
  BIND (trend_arrow);
  BIND (trend_label);
  BIND (value_label);
  BIND (unit_label);
  BIND (target_label);
  BIND (sparkline_widget);
  BIND (status_label);
#undef BIND
}

static void
obeya_kpi_tile_init (ObeyaKpiTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Its target line takes a taller neighbour's height (see the template);
   * that must not make the tile, and the grid of tiles, ask for the page's
   * spare height. */
  gtk_widget_set_vexpand (GTK_WIDGET (self), FALSE);

  self->status = OBEYA_METRIC_STATUS_NO_DATA;
  self->sparkline = obeya_sparkline_new ();
  obeya_chart_widget_set_chart (self->sparkline_widget, OBEYA_CHART (self->sparkline));
}

GtkWidget *
obeya_kpi_tile_new (ObeyaMetric *metric)
{
  g_return_val_if_fail (OBEYA_IS_METRIC (metric), NULL);

  return g_object_new (OBEYA_TYPE_KPI_TILE, "metric", metric, NULL);
}
