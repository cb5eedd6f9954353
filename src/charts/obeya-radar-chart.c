/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <math.h>

#include "obeya-chart-private.h"
#include "obeya-radar-chart.h"

typedef struct
{
  char   *name;
  double *values;  /* n_axes, or NULL: no series */
} Series;

struct _ObeyaRadarChart
{
  ObeyaChart   parent_instance;

  char       **axes;
  gsize        n_axes;
  Series       series[OBEYA_RADAR_CHART_N_SERIES];
  double       max;
  char        *unit;

  /* The geometry of the last draw. */
  double       cx, cy, radius;
};

G_DEFINE_FINAL_TYPE (ObeyaRadarChart, obeya_radar_chart, OBEYA_TYPE_CHART)

enum {
  PROP_0,
  PROP_MAX,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
obeya_radar_chart_is_empty (ObeyaChart *chart)
{
  ObeyaRadarChart *self = OBEYA_RADAR_CHART (chart);
  guint s;
  gsize i;

  if (self->n_axes < 3)
    return TRUE;
  for (s = 0; s < OBEYA_RADAR_CHART_N_SERIES; s++)
    if (self->series[s].values)
      for (i = 0; i < self->n_axes; i++)
        if (isfinite (self->series[s].values[i]))
          return FALSE;
  return TRUE;
}

static double
axis_angle (ObeyaRadarChart *self,
            gsize            i)
{
  return -G_PI / 2. + 2. * G_PI * i / self->n_axes;
}

static void
point (ObeyaRadarChart *self,
       gsize            i,
       double           value,
       double          *x,
       double          *y)
{
  double r = self->radius * CLAMP (value, 0., self->max) / self->max;

  *x = self->cx + r * cos (axis_angle (self, i));
  *y = self->cy + r * sin (axis_angle (self, i));
}

static gboolean
has_value (const Series *s,
           gsize         i)
{
  return s->values != NULL && isfinite (s->values[i]);
}

static void
draw_series (ObeyaRadarChart       *self,
             ObeyaChartContext     *ctx,
             const Series          *s,
             const ObeyaChartColor *color,
             gboolean               current)
{
  cairo_t *cr = ctx->cr;
  g_autofree double *xy = g_new (double, 2 * self->n_axes);
  guint n = 0;
  gsize i;

  /* Wedges between neighbouring axes that both have a value: a missing
   * axis leaves a gap on both of its sides. */
  if (current)
    {
      for (i = 0; i < self->n_axes; i++)
        {
          gsize j = (i + 1) % self->n_axes;
          double x0, y0, x1, y1;

          if (!has_value (s, i) || !has_value (s, j))
            continue;
          point (self, i, s->values[i], &x0, &y0);
          point (self, j, s->values[j], &x1, &y1);
          cairo_move_to (cr, self->cx, self->cy);
          cairo_line_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          cairo_close_path (cr);
        }
      /* Wedges share edges: fill them as one path so seams do not show. */
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      _obeya_chart_set_color_alpha (cr, color, 0.25);
      cairo_fill (cr);
    }

  for (i = 0; i < self->n_axes; i++)
    {
      gsize j = (i + 1) % self->n_axes;
      double x0, y0, x1, y1;

      if (!has_value (s, i) || !has_value (s, j))
        continue;
      point (self, i, s->values[i], &x0, &y0);
      point (self, j, s->values[j], &x1, &y1);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
    }
  if (!current)
    {
      double dash[] = { ctx->stroke * 2., ctx->stroke * 1.5 };

      cairo_set_dash (cr, dash, 2, 0.);
    }
  obeya_chart_set_color (cr, color);
  cairo_set_line_width (cr, current ? ctx->stroke : ctx->stroke * 0.75);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.);

  for (i = 0; i < self->n_axes; i++)
    if (has_value (s, i))
      {
        point (self, i, s->values[i], &xy[2 * n], &xy[2 * n + 1]);
        n++;
      }
  _obeya_chart_draw_markers (ctx, xy, n, current ? ctx->stroke * 1.4 : ctx->stroke, color,
                             current);
}

static void
obeya_radar_chart_draw (ObeyaChart           *chart,
                        ObeyaChartContext    *ctx,
                        const ObeyaChartRect *area)
{
  ObeyaRadarChart *self = OBEYA_RADAR_CHART (chart);
  const ObeyaChartPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  ObeyaChartLegendItem legend[OBEYA_RADAR_CHART_N_SERIES];
  const Series *current = &self->series[0];
  guint n_legend = 0;
  double legend_h = 0., legend_w = 0.;
  double label_w = 0., label_h = 0.;
  double line = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL);
  double room_w, room_h;
  ObeyaChartRect plot;
  ObeyaChartScale xs, ys;
  guint ring;
  gsize i;

  if (self->series[0].values && self->series[1].values)
    {
      legend[n_legend++] = (ObeyaChartLegendItem) { self->series[0].name ? self->series[0].name : "",
                                                    &palette->accent, TRUE, FALSE };
      legend[n_legend++] = (ObeyaChartLegendItem) { self->series[1].name ? self->series[1].name : "",
                                                    &palette->previous, TRUE, TRUE };
      _obeya_chart_legend_size (ctx, legend, n_legend, area->width, FALSE, &legend_w, &legend_h);
    }
  if (current->values == NULL)
    current = &self->series[1];

  /* Labels: the axis name over its value. */
  for (i = 0; i < self->n_axes; i++)
    {
      double w;

      _obeya_chart_text_size (ctx, self->axes[i], OBEYA_CHART_TEXT_NORMAL, FALSE,
                              area->width * 0.3, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_h = line * 2.;

  room_w = area->width - 2. * (label_w + ctx->gap);
  room_h = area->height - (legend_h > 0. ? legend_h + ctx->gap * 2. : 0.) - 2. * (label_h + ctx->gap);
  self->radius = MAX (4., MIN (room_w, room_h) / 2.);
  self->cx = area->x + area->width / 2.;
  self->cy = area->y + label_h + ctx->gap + MAX (room_h, 8.) / 2.;

  plot = (ObeyaChartRect) { self->cx - self->radius, self->cy - self->radius,
                            2. * self->radius, 2. * self->radius };
  xs = (ObeyaChartScale) { -self->max, self->max, plot.x, plot.x + plot.width };
  ys = (ObeyaChartScale) { -self->max, self->max, plot.y + plot.height, plot.y };
  _obeya_chart_set_mapping (chart, &plot, &xs, &ys);

  /* Rings at every fifth of the scale, and the spokes. */
  for (ring = 1; ring <= 5; ring++)
    {
      for (i = 0; i < self->n_axes; i++)
        {
          double x, y;

          point (self, i, self->max * ring / 5., &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
  obeya_chart_set_color (cr, &palette->grid);
  cairo_set_line_width (cr, ctx->line_width);
  cairo_stroke (cr);

  for (i = 0; i < self->n_axes; i++)
    {
      gboolean any = has_value (&self->series[0], i) || has_value (&self->series[1], i);
      double x, y;

      point (self, i, self->max, &x, &y);
      cairo_move_to (cr, self->cx, self->cy);
      cairo_line_to (cr, x, y);
      if (!any)
        {
          double dash[] = { ctx->line_width * 3., ctx->line_width * 3. };

          cairo_set_dash (cr, dash, 2, 0.);
        }
      obeya_chart_set_color (cr, &palette->axis);
      cairo_set_line_width (cr, ctx->line_width);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.);
    }

  /* Ring values along the first spoke: half and full scale. */
  for (ring = 1; ring <= 2; ring++)
    {
      g_autofree char *text = _obeya_chart_format_number (self->max * ring / 2., 0);
      double x, y;

      point (self, 0, self->max * ring / 2., &x, &y);
      _obeya_chart_draw_text (ctx, text, x + ctx->gap * 0.5, y + ctx->gap * 0.3, 0., 0.,
                              OBEYA_CHART_TEXT_SMALL,
                              FALSE, &palette->dim_foreground, -1, 0.);
    }

  if (self->series[1].values && self->series[0].values)
    draw_series (self, ctx, &self->series[1], &palette->previous, FALSE);
  draw_series (self, ctx, current, current == &self->series[0] ? &palette->accent
                                                               : &palette->previous, TRUE);

  for (i = 0; i < self->n_axes; i++)
    {
      double a = axis_angle (self, i);
      double x = self->cx + (self->radius + ctx->gap) * cos (a);
      double y = self->cy + (self->radius + ctx->gap) * sin (a);
      double xalign = fabs (cos (a)) < 0.2 ? 0.5 : cos (a) > 0. ? 0. : 1.;
      double yalign = (1. - sin (a)) / 2.;
      double top = y - yalign * label_h;
      g_autofree char *value = has_value (current, i)
                               ? _obeya_chart_format_value (current->values[i], 0, self->unit)
                               : g_strdup ("—");
      double w;

      _obeya_chart_text_size (ctx, self->axes[i], OBEYA_CHART_TEXT_NORMAL, FALSE,
                              area->width * 0.3, &w, NULL);
      _obeya_chart_draw_text (ctx, self->axes[i], x, top, xalign, 0., OBEYA_CHART_TEXT_NORMAL,
                              FALSE, &palette->foreground, area->width * 0.3, 0.);
      _obeya_chart_draw_text (ctx, value, x, top + line, xalign, 0., OBEYA_CHART_TEXT_NORMAL,
                              TRUE, has_value (current, i) ? &palette->foreground
                                                           : &palette->dim_foreground, -1, 0.);
    }

  if (n_legend > 0)
    _obeya_chart_draw_legend (ctx, legend, n_legend,
                              &(ObeyaChartRect) { area->x + (area->width - legend_w) / 2.,
                                                  area->y + area->height - legend_h,
                                                  legend_w + 1., legend_h },
                              FALSE);
}

static void
clear_series (Series *s)
{
  g_clear_pointer (&s->name, g_free);
  g_clear_pointer (&s->values, g_free);
}

static void
obeya_radar_chart_finalize (GObject *object)
{
  ObeyaRadarChart *self = OBEYA_RADAR_CHART (object);
  guint s;

  g_clear_pointer (&self->axes, g_strfreev);
  for (s = 0; s < OBEYA_RADAR_CHART_N_SERIES; s++)
    clear_series (&self->series[s]);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (obeya_radar_chart_parent_class)->finalize (object);
}

static void
obeya_radar_chart_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ObeyaRadarChart *self = OBEYA_RADAR_CHART (object);

  switch (prop_id)
    {
    case PROP_MAX:
      g_value_set_double (value, self->max);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_radar_chart_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ObeyaRadarChart *self = OBEYA_RADAR_CHART (object);

  switch (prop_id)
    {
    case PROP_MAX:
      obeya_radar_chart_set_max (self, g_value_get_double (value));
      break;
    case PROP_UNIT:
      obeya_radar_chart_set_unit (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_radar_chart_class_init (ObeyaRadarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->finalize = obeya_radar_chart_finalize;
  object_class->get_property = obeya_radar_chart_get_property;
  object_class->set_property = obeya_radar_chart_set_property;

  chart_class->is_empty = obeya_radar_chart_is_empty;
  chart_class->draw = obeya_radar_chart_draw;

  properties[PROP_MAX] =
    g_param_spec_double ("max", NULL, NULL, 1e-9, G_MAXDOUBLE, 100.,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, "%",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_radar_chart_init (ObeyaRadarChart *self)
{
  self->max = 100.;
  self->unit = g_strdup ("%");
  self->axes = g_new0 (char *, 1);
}

ObeyaRadarChart *
obeya_radar_chart_new (void)
{
  return g_object_new (OBEYA_TYPE_RADAR_CHART, NULL);
}

void
obeya_radar_chart_set_axes (ObeyaRadarChart    *self,
                            const char * const *labels,
                            gsize               n)
{
  guint s;
  gsize i;

  g_return_if_fail (OBEYA_IS_RADAR_CHART (self));
  g_return_if_fail (labels != NULL || n == 0);

  g_strfreev (self->axes);
  self->axes = g_new0 (char *, n + 1);
  for (i = 0; i < n; i++)
    self->axes[i] = g_strdup (labels[i] ? labels[i] : "");
  self->n_axes = n;
  for (s = 0; s < OBEYA_RADAR_CHART_N_SERIES; s++)
    clear_series (&self->series[s]);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

void
obeya_radar_chart_set_series (ObeyaRadarChart *self,
                              guint            index,
                              const char      *name,
                              const double    *values)
{
  Series *s;

  g_return_if_fail (OBEYA_IS_RADAR_CHART (self));
  g_return_if_fail (index < OBEYA_RADAR_CHART_N_SERIES);

  s = &self->series[index];
  clear_series (s);
  if (values != NULL)
    {
      s->name = g_strdup (name);
      s->values = g_memdup2 (values, MAX (self->n_axes, 1) * sizeof (double));
    }
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

double
obeya_radar_chart_get_max (ObeyaRadarChart *self)
{
  g_return_val_if_fail (OBEYA_IS_RADAR_CHART (self), 100.);

  return self->max;
}

void
obeya_radar_chart_set_max (ObeyaRadarChart *self,
                           double           max)
{
  g_return_if_fail (OBEYA_IS_RADAR_CHART (self));
  g_return_if_fail (max > 0. && isfinite (max));

  if (self->max == max)
    return;
  self->max = max;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_MAX]);
}

const char *
obeya_radar_chart_get_unit (ObeyaRadarChart *self)
{
  g_return_val_if_fail (OBEYA_IS_RADAR_CHART (self), NULL);

  return self->unit;
}

void
obeya_radar_chart_set_unit (ObeyaRadarChart *self,
                            const char      *unit)
{
  g_return_if_fail (OBEYA_IS_RADAR_CHART (self));

  _obeya_chart_set_string (OBEYA_CHART (self), &self->unit, unit, properties[PROP_UNIT]);
}

gboolean
obeya_radar_chart_get_point (ObeyaRadarChart *self,
                             guint            axis,
                             double           value,
                             double          *x,
                             double          *y)
{
  double px, py;

  g_return_val_if_fail (OBEYA_IS_RADAR_CHART (self), FALSE);

  if (axis >= self->n_axes || !obeya_chart_get_plot_area (OBEYA_CHART (self), NULL))
    return FALSE;
  point (self, axis, value, &px, &py);
  if (x)
    *x = px;
  if (y)
    *y = py;
  return TRUE;
}
