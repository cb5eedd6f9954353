/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "obeya-chart-private.h"
#include "obeya-stacked-area-chart.h"

typedef struct
{
  char            *name;
  ObeyaChartColor  color;
  double          *values;
} Series;

struct _ObeyaStackedAreaChart
{
  ObeyaChart  parent_instance;

  guint32    *days;
  gsize       n_days;
  GArray     *series;
};

G_DEFINE_FINAL_TYPE (ObeyaStackedAreaChart, obeya_stacked_area_chart, OBEYA_TYPE_CHART)

static void
clear_series (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_free (s->values);
}

static double
value_at (const Series *s,
          gsize         i)
{
  return isfinite (s->values[i]) ? MAX (0., s->values[i]) : 0.;
}

static gboolean
obeya_stacked_area_chart_is_empty (ObeyaChart *chart)
{
  ObeyaStackedAreaChart *self = OBEYA_STACKED_AREA_CHART (chart);

  return self->n_days == 0 || self->series->len == 0;
}

static const ObeyaChartColor *
series_color (ObeyaChartContext *ctx,
              const Series      *s,
              guint              index)
{
  return _obeya_chart_resolve_color (&s->color,
                                     &ctx->palette->series[index % OBEYA_CHART_PALETTE_N_SERIES]);
}

static void
obeya_stacked_area_chart_draw (ObeyaChart           *chart,
                               ObeyaChartContext    *ctx,
                               const ObeyaChartRect *area)
{
  ObeyaStackedAreaChart *self = OBEYA_STACKED_AREA_CHART (chart);
  cairo_t *cr = ctx->cr;
  guint n_series = self->series->len;
  g_autofree double *below = g_new0 (double, self->n_days);
  g_autofree double *above = g_new0 (double, self->n_days);
  g_autofree ObeyaChartLegendItem *legend = g_new0 (ObeyaChartLegendItem, n_series);
  ObeyaChartAxis y_axis = { 0 };
  ObeyaChartAxis x_axis = { 0 };
  ObeyaChartRect plot, legend_rect, chart_area = *area;
  ObeyaChartScale x, y;
  double max = 0., legend_w, legend_h;
  gboolean integer = TRUE;
  gboolean legend_right;
  guint s;
  gsize i;

  for (i = 0; i < self->n_days; i++)
    {
      double total = 0.;

      for (s = 0; s < n_series; s++)
        {
          double v = value_at (&g_array_index (self->series, Series, s), i);

          total += v;
          integer = integer && v == floor (v);
        }
      max = MAX (max, total);
    }

  /* The legend lists the bands top to bottom: on the right when there is
   * room, else in rows under the chart. */
  for (s = 0; s < n_series; s++)
    {
      const Series *series = &g_array_index (self->series, Series, n_series - 1 - s);

      legend[s].label = series->name ? series->name : "";
      legend[s].color = series_color (ctx, series, n_series - 1 - s);
    }
  _obeya_chart_legend_size (ctx, legend, n_series, area->width * 0.3, TRUE, &legend_w, &legend_h);
  legend_right = legend_w <= area->width * 0.3 && area->width >= 400. && legend_h <= area->height;
  if (legend_right)
    {
      chart_area.width -= legend_w + ctx->gap * 3.;
      legend_rect = (ObeyaChartRect) { area->x + area->width - legend_w, area->y, legend_w, legend_h };
    }
  else
    {
      _obeya_chart_legend_size (ctx, legend, n_series, area->width, FALSE, &legend_w, &legend_h);
      chart_area.height -= legend_h + ctx->gap * 2.;
      legend_rect = (ObeyaChartRect) { area->x, area->y + area->height - legend_h,
                                       area->width, legend_h };
    }

  _obeya_chart_layout_value_plot (ctx, &chart_area, 0., max, integer, NULL,
                                  _obeya_chart_x_label_band (ctx), ctx->gap, &plot, &y_axis, &y);
  x = (ObeyaChartScale) { self->days[0], self->days[self->n_days - 1], plot.x, plot.x + plot.width };
  if (self->n_days == 1)
    {
      x.d0 -= 0.5;
      x.d1 += 0.5;
    }
  _obeya_chart_set_mapping (chart, &plot, &x, &y);

  _obeya_chart_draw_y_axis (ctx, &y_axis, &plot, &y, FALSE, TRUE);

  for (s = 0; s < n_series; s++)
    {
      const Series *series = &g_array_index (self->series, Series, s);
      gsize j;

      for (i = 0; i < self->n_days; i++)
        above[i] = below[i] + value_at (series, i);

      for (i = 0; i < self->n_days; i++)
        {
          double px = self->n_days == 1 ? plot.x : _obeya_chart_scale_map (&x, self->days[i]);

          if (i == 0)
            cairo_move_to (cr, px, _obeya_chart_scale_map (&y, above[i]));
          else
            cairo_line_to (cr, px, _obeya_chart_scale_map (&y, above[i]));
        }
      if (self->n_days == 1)
        cairo_line_to (cr, plot.x + plot.width, _obeya_chart_scale_map (&y, above[0]));
      if (self->n_days == 1)
        cairo_line_to (cr, plot.x + plot.width, _obeya_chart_scale_map (&y, below[0]));
      for (j = self->n_days; j-- > 0;)
        cairo_line_to (cr, self->n_days == 1 ? plot.x : _obeya_chart_scale_map (&x, self->days[j]),
                       _obeya_chart_scale_map (&y, below[j]));
      cairo_close_path (cr);
      obeya_chart_set_color (cr, series_color (ctx, series, s));
      cairo_fill (cr);

      /* A thin line in the background colour between bands. */
      for (i = 0; i < self->n_days && s + 1 < n_series; i++)
        {
          double px = _obeya_chart_scale_map (&x, self->days[i]);

          if (i == 0)
            cairo_move_to (cr, px, _obeya_chart_scale_map (&y, above[i]));
          else
            cairo_line_to (cr, px, _obeya_chart_scale_map (&y, above[i]));
        }
      obeya_chart_set_color (cr, &ctx->palette->background);
      cairo_set_line_width (cr, ctx->line_width);
      cairo_stroke (cr);

      memcpy (below, above, self->n_days * sizeof (double));
    }

  _obeya_chart_axis_init_dates (ctx, &x_axis, self->days[0], self->days[self->n_days - 1], &x,
                                &chart_area);
  _obeya_chart_draw_x_axis (ctx, &x_axis, &plot, &x, &chart_area, FALSE);
  _obeya_chart_draw_legend (ctx, legend, n_series, &legend_rect, legend_right);

  _obeya_chart_axis_clear (&y_axis);
  _obeya_chart_axis_clear (&x_axis);
}

static void
obeya_stacked_area_chart_finalize (GObject *object)
{
  ObeyaStackedAreaChart *self = OBEYA_STACKED_AREA_CHART (object);

  g_clear_pointer (&self->days, g_free);
  g_clear_pointer (&self->series, g_array_unref);

  G_OBJECT_CLASS (obeya_stacked_area_chart_parent_class)->finalize (object);
}

static void
obeya_stacked_area_chart_class_init (ObeyaStackedAreaChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->finalize = obeya_stacked_area_chart_finalize;

  chart_class->is_empty = obeya_stacked_area_chart_is_empty;
  chart_class->draw = obeya_stacked_area_chart_draw;
}

static void
obeya_stacked_area_chart_init (ObeyaStackedAreaChart *self)
{
  self->series = g_array_new (FALSE, FALSE, sizeof (Series));
  g_array_set_clear_func (self->series, clear_series);
}

ObeyaStackedAreaChart *
obeya_stacked_area_chart_new (void)
{
  return g_object_new (OBEYA_TYPE_STACKED_AREA_CHART, NULL);
}

void
obeya_stacked_area_chart_set_days (ObeyaStackedAreaChart *self,
                                   const guint32         *days,
                                   gsize                  n_days)
{
  g_return_if_fail (OBEYA_IS_STACKED_AREA_CHART (self));
  g_return_if_fail (days != NULL || n_days == 0);

  g_clear_pointer (&self->days, g_free);
  self->days = n_days ? g_memdup2 (days, n_days * sizeof *days) : NULL;
  self->n_days = n_days;
  g_array_set_size (self->series, 0);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

void
obeya_stacked_area_chart_add_series (ObeyaStackedAreaChart *self,
                                     const char            *name,
                                     const ObeyaChartColor *color,
                                     const double          *values)
{
  Series s = { 0 };

  g_return_if_fail (OBEYA_IS_STACKED_AREA_CHART (self));
  g_return_if_fail (values != NULL || self->n_days == 0);

  s.name = g_strdup (name);
  if (color)
    s.color = *color;
  s.values = g_memdup2 (values, MAX (self->n_days, 1) * sizeof (double));
  g_array_append_val (self->series, s);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

void
obeya_stacked_area_chart_clear_series (ObeyaStackedAreaChart *self)
{
  g_return_if_fail (OBEYA_IS_STACKED_AREA_CHART (self));

  g_array_set_size (self->series, 0);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}
