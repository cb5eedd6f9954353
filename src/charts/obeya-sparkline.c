/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <math.h>

#include "obeya-chart-private.h"
#include "obeya-sparkline.h"

struct _ObeyaSparkline
{
  ObeyaChart       parent_instance;

  ObeyaChartPoint *points;
  gsize            n_points;
  double           target;
};

G_DEFINE_FINAL_TYPE (ObeyaSparkline, obeya_sparkline, OBEYA_TYPE_CHART)

static gboolean
obeya_sparkline_is_empty (ObeyaChart *chart)
{
  ObeyaSparkline *self = OBEYA_SPARKLINE (chart);
  gsize i;

  for (i = 0; i < self->n_points; i++)
    if (isfinite (self->points[i].value))
      return FALSE;
  return TRUE;
}

static double
line_width (const ObeyaChartRect *area)
{
  return CLAMP (area->height / 20., 1.5, 6.);
}

/* Too small for words: a flat dashed line says "nothing yet". */
static void
obeya_sparkline_draw_empty (ObeyaChart           *chart,
                            ObeyaChartContext    *ctx,
                            const ObeyaChartRect *area)
{
  double lw = line_width (area);
  double dash[] = { lw * 2., lw * 2. };
  double y = area->y + area->height / 2.;

  cairo_move_to (ctx->cr, area->x + lw, y);
  cairo_line_to (ctx->cr, area->x + area->width - lw, y);
  cairo_set_dash (ctx->cr, dash, 2, 0.);
  obeya_chart_set_color (ctx->cr, &ctx->palette->no_data);
  cairo_set_line_width (ctx->cr, lw);
  cairo_stroke (ctx->cr);
  cairo_set_dash (ctx->cr, NULL, 0, 0.);
}

static void
obeya_sparkline_draw (ObeyaChart           *chart,
                      ObeyaChartContext    *ctx,
                      const ObeyaChartRect *area)
{
  ObeyaSparkline *self = OBEYA_SPARKLINE (chart);
  cairo_t *cr = ctx->cr;
  double lw = line_width (area);
  double radius = lw * 1.9;
  double inset = radius + lw * 0.5;
  double lo = INFINITY, hi = -INFINITY;
  ObeyaChartScale x, y;
  ObeyaChartRect plot;
  const ObeyaChartPoint *last = NULL;
  gboolean open = FALSE;
  gsize i;

  for (i = 0; i < self->n_points; i++)
    if (isfinite (self->points[i].value))
      {
        lo = MIN (lo, self->points[i].value);
        hi = MAX (hi, self->points[i].value);
        last = &self->points[i];
      }
  if (isfinite (self->target))
    {
      lo = MIN (lo, self->target);
      hi = MAX (hi, self->target);
    }
  if (hi == lo)
    {
      lo -= 1.;
      hi += 1.;
    }

  plot = (ObeyaChartRect) { area->x + inset, area->y + inset,
                            MAX (1., area->width - 2. * inset), MAX (1., area->height - 2. * inset) };
  x = (ObeyaChartScale) { self->points[0].day, self->points[self->n_points - 1].day,
                          plot.x, plot.x + plot.width };
  y = (ObeyaChartScale) { lo, hi, plot.y + plot.height, plot.y };
  _obeya_chart_set_mapping (chart, &plot, &x, &y);

  if (isfinite (self->target))
    {
      double py = _obeya_chart_scale_map (&y, self->target);
      double dash[] = { lw * 1.5, lw * 1.5 };

      cairo_move_to (cr, area->x, py);
      cairo_line_to (cr, area->x + area->width, py);
      cairo_set_dash (cr, dash, 2, 0.);
      obeya_chart_set_color (cr, &ctx->palette->target);
      cairo_set_line_width (cr, MAX (1., lw * 0.6));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.);
    }

  for (i = 0; i < self->n_points; i++)
    {
      const ObeyaChartPoint *p = &self->points[i];
      double px = _obeya_chart_scale_map (&x, p->day);

      if (!isfinite (p->value))
        {
          open = FALSE;
          continue;
        }
      if (open)
        cairo_line_to (cr, px, _obeya_chart_scale_map (&y, p->value));
      else
        cairo_move_to (cr, px, _obeya_chart_scale_map (&y, p->value));
      open = TRUE;
    }
  obeya_chart_set_color (cr, &ctx->palette->line);
  cairo_set_line_width (cr, lw);
  cairo_stroke (cr);

  {
    double xy[2] = { _obeya_chart_scale_map (&x, last->day), _obeya_chart_scale_map (&y, last->value) };
    const ObeyaChartColor *color = last->status == OBEYA_CHART_STATUS_NONE
                                   ? &ctx->palette->line
                                   : obeya_chart_palette_get_status_color (ctx->palette, last->status);

    _obeya_chart_draw_markers (ctx, xy, 1, radius, color, TRUE);
  }
}

static void
obeya_sparkline_finalize (GObject *object)
{
  ObeyaSparkline *self = OBEYA_SPARKLINE (object);

  g_clear_pointer (&self->points, g_free);

  G_OBJECT_CLASS (obeya_sparkline_parent_class)->finalize (object);
}

static void
obeya_sparkline_class_init (ObeyaSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->finalize = obeya_sparkline_finalize;

  chart_class->is_empty = obeya_sparkline_is_empty;
  chart_class->draw = obeya_sparkline_draw;
  chart_class->draw_empty = obeya_sparkline_draw_empty;
  chart_class->tight = TRUE;
}

static void
obeya_sparkline_init (ObeyaSparkline *self)
{
  self->target = NAN;
}

ObeyaSparkline *
obeya_sparkline_new (void)
{
  return g_object_new (OBEYA_TYPE_SPARKLINE, NULL);
}

void
obeya_sparkline_set_points (ObeyaSparkline        *self,
                            const ObeyaChartPoint *points,
                            gsize                  n_points)
{
  g_return_if_fail (OBEYA_IS_SPARKLINE (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_clear_pointer (&self->points, g_free);
  self->points = n_points ? g_memdup2 (points, n_points * sizeof *points) : NULL;
  self->n_points = n_points;
  _obeya_chart_sort_points (self->points, n_points);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

double
obeya_sparkline_get_target (ObeyaSparkline *self)
{
  g_return_val_if_fail (OBEYA_IS_SPARKLINE (self), NAN);

  return self->target;
}

void
obeya_sparkline_set_target (ObeyaSparkline *self,
                            double          target)
{
  g_return_if_fail (OBEYA_IS_SPARKLINE (self));

  if (self->target == target || (isnan (self->target) && isnan (target)))
    return;
  self->target = target;
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}
