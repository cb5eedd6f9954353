/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "obeya-chart-enums.h"
#include "obeya-chart-private.h"
#include "obeya-run-chart.h"

struct _ObeyaRunChart
{
  ObeyaChart            parent_instance;

  ObeyaChartPoint      *points;
  gsize                 n_points;
  ObeyaChartTargetStep *steps;
  gsize                 n_steps;
  ObeyaChartReference   reference;
  char                 *unit;
  int                   decimals;
  double                span_min;  /* NAN: none (see set_value_span) */
  double                span_max;
};

G_DEFINE_FINAL_TYPE (ObeyaRunChart, obeya_run_chart, OBEYA_TYPE_CHART)

enum {
  PROP_0,
  PROP_REFERENCE,
  PROP_UNIT,
  PROP_DECIMALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Half the usual spacing of the points, in days: the room kept on either
 * side so the first and last points are not on the plot's edge. */
static double
half_spacing (ObeyaRunChart *self)
{
  g_autofree double *gaps = NULL;
  gsize n = 0;
  gsize i;
  double median;

  if (self->n_points < 2)
    return 0.5;
  gaps = g_new (double, self->n_points - 1);
  for (i = 1; i < self->n_points; i++)
    if (self->points[i].day > self->points[i - 1].day)
      gaps[n++] = self->points[i].day - self->points[i - 1].day;
  median = _obeya_chart_median (gaps, n);
  return isfinite (median) ? MAX (0.5, median / 2.) : 0.5;
}

static double
reference_value (ObeyaRunChart *self)
{
  g_autofree double *values = NULL;
  gsize i;

  if (self->reference == OBEYA_CHART_REFERENCE_NONE || self->n_points == 0)
    return NAN;
  values = g_new (double, self->n_points);
  for (i = 0; i < self->n_points; i++)
    values[i] = self->points[i].value;
  if (self->reference == OBEYA_CHART_REFERENCE_MEAN)
    return _obeya_chart_mean (values, self->n_points);
  return _obeya_chart_median (values, self->n_points);
}

static gboolean
obeya_run_chart_is_empty (ObeyaChart *chart)
{
  ObeyaRunChart *self = OBEYA_RUN_CHART (chart);
  gsize i;

  for (i = 0; i < self->n_points; i++)
    if (isfinite (self->points[i].value))
      return FALSE;
  return TRUE;
}

/* The span [x0, x1) of step @i in days, clipped to [d0, d1]. */
static gboolean
step_span (ObeyaRunChart *self,
           gsize          i,
           double         d0,
           double         d1,
           double        *x0,
           double        *x1)
{
  double start = self->steps[i].from_day - 0.5;
  double end = i + 1 < self->n_steps ? self->steps[i + 1].from_day - 0.5 : d1;

  *x0 = MAX (start, d0);
  *x1 = MIN (end, d1);
  return *x1 > *x0;
}

static void
include (double *lo,
         double *hi,
         double  v)
{
  if (!isfinite (v))
    return;
  *lo = MIN (*lo, v);
  *hi = MAX (*hi, v);
}

static void
fill_zone (ObeyaChartContext     *ctx,
           const ObeyaChartScale *x,
           const ObeyaChartScale *y,
           double                 x0,
           double                 x1,
           double                 v0,
           double                 v1,
           const ObeyaChartColor *color)
{
  double px0, px1, py0, py1;

  if (!isfinite (v0) || !isfinite (v1))
    return;
  px0 = _obeya_chart_scale_map (x, x0);
  px1 = _obeya_chart_scale_map (x, x1);
  py0 = _obeya_chart_scale_map (y, MIN (v0, v1));
  py1 = _obeya_chart_scale_map (y, MAX (v0, v1));
  cairo_rectangle (ctx->cr, px0, py1, px1 - px0, py0 - py1);
  obeya_chart_set_color (ctx->cr, color);
  cairo_fill (ctx->cr);
}

static void
draw_zones (ObeyaRunChart         *self,
            ObeyaChartContext     *ctx,
            const ObeyaChartScale *x,
            const ObeyaChartScale *y)
{
  cairo_t *cr = ctx->cr;
  gsize i;

  for (i = 0; i < self->n_steps; i++)
    {
      const ObeyaChartTargetStep *s = &self->steps[i];
      double x0, x1;

      if (!step_span (self, i, x->d0, x->d1, &x0, &x1))
        continue;
      fill_zone (ctx, x, y, x0, x1, s->band_min, s->band_max, &ctx->palette->target_band);
      if (isfinite (s->band_min) && isfinite (s->band_max))
        {
          /* Amber margins below and above the band. */
          fill_zone (ctx, x, y, x0, x1, s->amber_low, s->band_min, &ctx->palette->amber_band);
          fill_zone (ctx, x, y, x0, x1, s->band_max, s->amber_high, &ctx->palette->amber_band);
        }
      else
        fill_zone (ctx, x, y, x0, x1, s->amber_low, s->amber_high, &ctx->palette->amber_band);

      if (isfinite (s->band_min) && isfinite (s->band_max))
        {
          double px0 = _obeya_chart_scale_map (x, x0);
          double px1 = _obeya_chart_scale_map (x, x1);
          double a = _obeya_chart_scale_map (y, s->band_min);
          double b = _obeya_chart_scale_map (y, s->band_max);
          double dash[] = { ctx->stroke * 2., ctx->stroke * 1.5 };

          cairo_move_to (cr, px0, a);
          cairo_line_to (cr, px1, a);
          cairo_move_to (cr, px0, b);
          cairo_line_to (cr, px1, b);
          cairo_set_dash (cr, dash, 2, 0.);
          obeya_chart_set_color (cr, &ctx->palette->target);
          cairo_set_line_width (cr, MAX (1., ctx->stroke * 0.6));
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0.);
        }
    }
}

/* The stepped target line. */
static void
draw_target (ObeyaRunChart         *self,
             ObeyaChartContext     *ctx,
             const ObeyaChartScale *x,
             const ObeyaChartScale *y)
{
  cairo_t *cr = ctx->cr;
  gboolean open = FALSE;
  gsize i;

  for (i = 0; i < self->n_steps; i++)
    {
      const ObeyaChartTargetStep *s = &self->steps[i];
      double x0, x1, py;

      if (!step_span (self, i, x->d0, x->d1, &x0, &x1) || !isfinite (s->target))
        {
          open = FALSE;
          continue;
        }
      py = _obeya_chart_scale_map (y, s->target);
      if (open)
        cairo_line_to (cr, _obeya_chart_scale_map (x, x0), py);
      else
        cairo_move_to (cr, _obeya_chart_scale_map (x, x0), py);
      cairo_line_to (cr, _obeya_chart_scale_map (x, x1), py);
      open = TRUE;
    }
  obeya_chart_set_color (cr, &ctx->palette->target);
  cairo_set_line_width (cr, ctx->stroke);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
}

static void
draw_series (ObeyaRunChart         *self,
             ObeyaChartContext     *ctx,
             const ObeyaChartRect  *plot,
             const ObeyaChartScale *x,
             const ObeyaChartScale *y)
{
  static const ObeyaChartStatus order[] = {
    OBEYA_CHART_STATUS_NONE, OBEYA_CHART_STATUS_NO_DATA, OBEYA_CHART_STATUS_FUTURE,
    OBEYA_CHART_STATUS_NON_WORKING, OBEYA_CHART_STATUS_MET, OBEYA_CHART_STATUS_AMBER,
    OBEYA_CHART_STATUS_MISSED,
  };
  cairo_t *cr = ctx->cr;
  g_autofree double *xy = g_new (double, 2 * MAX (self->n_points, 1));
  double spacing = fabs (x->p1 - x->p0) / MAX (1., x->d1 - x->d0) * half_spacing (self) * 2.;
  double radius = CLAMP (spacing * 0.4, MAX (1., ctx->stroke * 0.5), ctx->stroke * 2.);
  gboolean dense = spacing < ctx->stroke * 3.;
  gboolean open = FALSE;
  double bottom = plot->y + plot->height;
  gsize i, k;

  /* The line, broken at missing values. A dense zigzag is costly to
   * rasterise as one path (every scanline crosses most segments: 15 ms for
   * 1,100 points at 640 px): stroke it in short runs, with the coarser
   * antialiasing that looks the same there. */
  cairo_save (cr);
  if (dense)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  _obeya_chart_set_color_alpha (cr, &ctx->palette->line, dense ? 0.45 : 1.);
  cairo_set_line_width (cr, dense ? MAX (1., ctx->stroke * 0.4) : ctx->stroke * 0.75);
  for (i = 0, k = 0; i < self->n_points; i++)
    {
      const ObeyaChartPoint *p = &self->points[i];
      double px, py;

      if (!isfinite (p->value))
        {
          open = FALSE;
          continue;
        }
      px = _obeya_chart_scale_map (x, p->day);
      py = _obeya_chart_scale_map (y, p->value);
      if (open)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      open = TRUE;
      if (dense && ++k % 32 == 0)
        {
          cairo_stroke (cr);
          cairo_move_to (cr, px, py);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Missing days: a grey tick on the axis. */
  for (i = 0; i < self->n_points; i++)
    if (!isfinite (self->points[i].value))
      {
        double px = _obeya_chart_scale_map (x, self->points[i].day);

        cairo_move_to (cr, px, bottom);
        cairo_line_to (cr, px, bottom - ctx->gap * 1.2);
      }
  obeya_chart_set_color (cr, &ctx->palette->no_data);
  cairo_set_line_width (cr, MAX (1., MIN (ctx->stroke, spacing * 0.6)));
  cairo_stroke (cr);

  /* The points, one path per status, the misses on top. Dense dots
   * overlap anyway: the coarser antialiasing halves their cost. */
  cairo_save (cr);
  if (dense)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (k = 0; k < G_N_ELEMENTS (order); k++)
    {
      const ObeyaChartColor *color;
      guint n = 0;

      for (i = 0; i < self->n_points; i++)
        {
          const ObeyaChartPoint *p = &self->points[i];

          if (p->status != order[k] || !isfinite (p->value))
            continue;
          xy[2 * n] = _obeya_chart_scale_map (x, p->day);
          xy[2 * n + 1] = _obeya_chart_scale_map (y, p->value);
          n++;
        }
      color = order[k] == OBEYA_CHART_STATUS_NONE
              ? &ctx->palette->line
              : obeya_chart_palette_get_status_color (ctx->palette, order[k]);
      if (order[k] == OBEYA_CHART_STATUS_FUTURE)
        color = &ctx->palette->future_border;
      _obeya_chart_draw_markers (ctx, xy, n, radius, color, !dense);
    }
  cairo_restore (cr);
}

static void
obeya_run_chart_draw (ObeyaChart           *chart,
                      ObeyaChartContext    *ctx,
                      const ObeyaChartRect *area)
{
  ObeyaRunChart *self = OBEYA_RUN_CHART (chart);
  const ObeyaChartPalette *palette = ctx->palette;
  ObeyaChartAxis y_axis = { 0 };
  ObeyaChartAxis x_axis = { 0 };
  ObeyaChartRect plot;
  ObeyaChartScale x, y;
  double lo = INFINITY, hi = -INFINITY;
  double half = half_spacing (self);
  double ref = reference_value (self);
  guint32 first = self->points[0].day;
  guint32 last = self->points[self->n_points - 1].day;
  ObeyaChartSideLabel side[2] = { { 0 } };
  char *texts[3] = { NULL };
  guint n_side = 0;
  double side_w;
  gssize last_step;
  gsize i;

  x.d0 = first - half;
  x.d1 = last + half;

  for (i = 0; i < self->n_points; i++)
    include (&lo, &hi, self->points[i].value);
  for (i = 0; i < self->n_steps; i++)
    {
      double x0, x1;

      if (!step_span (self, i, x.d0, x.d1, &x0, &x1))
        continue;
      include (&lo, &hi, self->steps[i].target);
      include (&lo, &hi, self->steps[i].amber_low);
      include (&lo, &hi, self->steps[i].amber_high);
      include (&lo, &hi, self->steps[i].band_min);
      include (&lo, &hi, self->steps[i].band_max);
    }
  include (&lo, &hi, ref);
  include (&lo, &hi, self->span_min);
  include (&lo, &hi, self->span_max);
  /* Values near zero read best from a zero baseline. */
  if (lo >= 0. && lo <= hi * 0.5)
    lo = 0.;

  /* The labels of the target in force at the end and of the mean. */
  last_step = -1;
  for (i = 0; i < self->n_steps; i++)
    {
      double x0, x1;

      if (step_span (self, i, x.d0, x.d1, &x0, &x1) && isfinite (self->steps[i].target))
        last_step = i;
    }
  if (last_step >= 0)
    {
      g_autofree char *value = _obeya_chart_format_value (self->steps[last_step].target,
                                                          self->decimals, self->unit);

      /* Translators: the label of the target line of a run chart. */
      texts[n_side] = g_strdup_printf (_("Target %s"), value);
      side[n_side].text = texts[n_side];
      side[n_side++].color = &palette->target;
    }
  if (isfinite (ref))
    {
      g_autofree char *value = _obeya_chart_format_value (ref, self->decimals, self->unit);

      texts[n_side] = g_strdup_printf (self->reference == OBEYA_CHART_REFERENCE_MEAN
                                       /* Translators: the mean line of a chart. */
                                       ? _("Mean %s")
                                       /* Translators: the median line of a chart. */
                                       : _("Median %s"), value);
      side[n_side].text = texts[n_side];
      side[n_side++].color = &palette->reference;
    }
  side_w = _obeya_chart_side_labels_width (ctx, side, n_side, area->width * 0.25);

  _obeya_chart_layout_value_plot (ctx, area, lo, hi, self->decimals == 0, self->unit,
                                  _obeya_chart_x_label_band (ctx),
                                  n_side > 0 ? side_w + ctx->gap * 1.5 : ctx->gap,
                                  &plot, &y_axis, &y);
  x.p0 = plot.x;
  x.p1 = plot.x + plot.width;
  _obeya_chart_set_mapping (chart, &plot, &x, &y);

  _obeya_chart_draw_caption (ctx, area, self->unit);
  _obeya_chart_draw_y_axis (ctx, &y_axis, &plot, &y, FALSE, TRUE);
  draw_zones (self, ctx, &x, &y);

  _obeya_chart_axis_init_dates (ctx, &x_axis, first, last, &x, area);
  _obeya_chart_draw_x_axis (ctx, &x_axis, &plot, &x, area, FALSE);

  draw_target (self, ctx, &x, &y);

  if (isfinite (ref))
    {
      double py = _obeya_chart_scale_map (&y, ref);
      double dash[] = { ctx->stroke * 1.5, ctx->stroke * 1.5 };

      cairo_move_to (ctx->cr, plot.x, py);
      cairo_line_to (ctx->cr, plot.x + plot.width, py);
      cairo_set_dash (ctx->cr, dash, 2, 0.);
      obeya_chart_set_color (ctx->cr, &palette->reference);
      cairo_set_line_width (ctx->cr, MAX (1., ctx->stroke * 0.6));
      cairo_stroke (ctx->cr);
      cairo_set_dash (ctx->cr, NULL, 0, 0.);
    }

  draw_series (self, ctx, &plot, &x, &y);

  /* The labels of the target and the mean, right of the plot. */
  if (last_step >= 0)
    side[0].y = _obeya_chart_scale_map (&y, self->steps[last_step].target);
  if (isfinite (ref))
    side[n_side - 1].y = _obeya_chart_scale_map (&y, ref);
  _obeya_chart_draw_side_labels (ctx, side, n_side, plot.x + plot.width + ctx->gap,
                                 plot.y, plot.y + plot.height, side_w);

  _obeya_chart_axis_clear (&y_axis);
  _obeya_chart_axis_clear (&x_axis);
  g_free (texts[0]);
  g_free (texts[1]);
}

static void
obeya_run_chart_finalize (GObject *object)
{
  ObeyaRunChart *self = OBEYA_RUN_CHART (object);

  g_clear_pointer (&self->points, g_free);
  g_clear_pointer (&self->steps, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (obeya_run_chart_parent_class)->finalize (object);
}

static void
obeya_run_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ObeyaRunChart *self = OBEYA_RUN_CHART (object);

  switch (prop_id)
    {
    case PROP_REFERENCE:
      g_value_set_enum (value, self->reference);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_DECIMALS:
      g_value_set_int (value, self->decimals);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_run_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ObeyaRunChart *self = OBEYA_RUN_CHART (object);

  switch (prop_id)
    {
    case PROP_REFERENCE:
      obeya_run_chart_set_reference (self, g_value_get_enum (value));
      break;
    case PROP_UNIT:
      obeya_run_chart_set_unit (self, g_value_get_string (value));
      break;
    case PROP_DECIMALS:
      obeya_run_chart_set_decimals (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_run_chart_class_init (ObeyaRunChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->finalize = obeya_run_chart_finalize;
  object_class->get_property = obeya_run_chart_get_property;
  object_class->set_property = obeya_run_chart_set_property;

  chart_class->is_empty = obeya_run_chart_is_empty;
  chart_class->draw = obeya_run_chart_draw;

  properties[PROP_REFERENCE] =
    g_param_spec_enum ("reference", NULL, NULL,
                       OBEYA_TYPE_CHART_REFERENCE, OBEYA_CHART_REFERENCE_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIMALS] =
    g_param_spec_int ("decimals", NULL, NULL, 0, 10, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_run_chart_init (ObeyaRunChart *self)
{
  self->span_min = NAN;
  self->span_max = NAN;
}

ObeyaRunChart *
obeya_run_chart_new (void)
{
  return g_object_new (OBEYA_TYPE_RUN_CHART, NULL);
}

void
obeya_run_chart_set_points (ObeyaRunChart         *self,
                            const ObeyaChartPoint *points,
                            gsize                  n_points)
{
  g_return_if_fail (OBEYA_IS_RUN_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_clear_pointer (&self->points, g_free);
  self->points = n_points ? g_memdup2 (points, n_points * sizeof *points) : NULL;
  self->n_points = n_points;
  _obeya_chart_sort_points (self->points, n_points);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

static int
compare_steps (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const ObeyaChartTargetStep *p = a;
  const ObeyaChartTargetStep *q = b;

  return p->from_day < q->from_day ? -1 : p->from_day > q->from_day ? 1 : 0;
}

void
obeya_run_chart_set_targets (ObeyaRunChart              *self,
                             const ObeyaChartTargetStep *steps,
                             gsize                       n_steps)
{
  g_return_if_fail (OBEYA_IS_RUN_CHART (self));
  g_return_if_fail (steps != NULL || n_steps == 0);

  g_clear_pointer (&self->steps, g_free);
  self->steps = n_steps ? g_memdup2 (steps, n_steps * sizeof *steps) : NULL;
  self->n_steps = n_steps;
  if (n_steps > 1)
    g_qsort_with_data (self->steps, n_steps, sizeof *steps, compare_steps, NULL);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

ObeyaChartReference
obeya_run_chart_get_reference (ObeyaRunChart *self)
{
  g_return_val_if_fail (OBEYA_IS_RUN_CHART (self), OBEYA_CHART_REFERENCE_NONE);

  return self->reference;
}

void
obeya_run_chart_set_reference (ObeyaRunChart       *self,
                               ObeyaChartReference  reference)
{
  g_return_if_fail (OBEYA_IS_RUN_CHART (self));

  if (self->reference == reference)
    return;
  self->reference = reference;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_REFERENCE]);
}

const char *
obeya_run_chart_get_unit (ObeyaRunChart *self)
{
  g_return_val_if_fail (OBEYA_IS_RUN_CHART (self), NULL);

  return self->unit;
}

void
obeya_run_chart_set_unit (ObeyaRunChart *self,
                          const char    *unit)
{
  g_return_if_fail (OBEYA_IS_RUN_CHART (self));

  _obeya_chart_set_string (OBEYA_CHART (self), &self->unit, unit, properties[PROP_UNIT]);
}

int
obeya_run_chart_get_decimals (ObeyaRunChart *self)
{
  g_return_val_if_fail (OBEYA_IS_RUN_CHART (self), 0);

  return self->decimals;
}

void
obeya_run_chart_set_decimals (ObeyaRunChart *self,
                              int            decimals)
{
  g_return_if_fail (OBEYA_IS_RUN_CHART (self));

  decimals = CLAMP (decimals, 0, 10);
  if (self->decimals == decimals)
    return;
  self->decimals = decimals;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_DECIMALS]);
}

void
obeya_run_chart_set_value_span (ObeyaRunChart *self,
                                double        min,
                                double        max)
{
  g_return_if_fail (OBEYA_IS_RUN_CHART (self));

  _obeya_chart_set_span (OBEYA_CHART (self), &self->span_min, &self->span_max, min, max);
}
