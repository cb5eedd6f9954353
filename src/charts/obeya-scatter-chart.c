/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "obeya-chart-private.h"
#include "obeya-scatter-chart.h"

struct _ObeyaScatterChart
{
  ObeyaChart       parent_instance;

  ObeyaChartPoint *points;
  gsize            n_points;
  double          *percents;
  double          *percentiles;
  gsize            n_percentiles;
  char            *unit;
  int              decimals;
};

G_DEFINE_FINAL_TYPE (ObeyaScatterChart, obeya_scatter_chart, OBEYA_TYPE_CHART)

enum {
  PROP_0,
  PROP_UNIT,
  PROP_DECIMALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
obeya_scatter_chart_is_empty (ObeyaChart *chart)
{
  ObeyaScatterChart *self = OBEYA_SCATTER_CHART (chart);
  gsize i;

  for (i = 0; i < self->n_points; i++)
    if (isfinite (self->points[i].value))
      return FALSE;
  return TRUE;
}

static char *
percentile_label (ObeyaScatterChart *self,
                  gsize              i)
{
  g_autofree char *percent = _obeya_chart_format_value (self->percents[i], 0, "%");
  g_autofree char *value = _obeya_chart_format_value (self->percentiles[i], self->decimals,
                                                      self->unit);

  /* Translators: a percentile line of the cycle-time scatter, "85 %: 12 d". */
  return g_strdup_printf (C_("percentile line", "%s: %s"), percent, value);
}

static void
obeya_scatter_chart_draw (ObeyaChart           *chart,
                          ObeyaChartContext    *ctx,
                          const ObeyaChartRect *area)
{
  ObeyaScatterChart *self = OBEYA_SCATTER_CHART (chart);
  const ObeyaChartPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  g_autofree double *xy = g_new (double, 2 * MAX (self->n_points, 1));
  g_autofree ObeyaChartSideLabel *side = g_new0 (ObeyaChartSideLabel, MAX (self->n_percentiles, 1));
  g_auto(GStrv) texts = g_new0 (char *, self->n_percentiles + 1);
  ObeyaChartAxis y_axis = { 0 };
  ObeyaChartAxis x_axis = { 0 };
  ObeyaChartRect plot;
  ObeyaChartScale x, y;
  guint32 first = G_MAXUINT32, last = 0;
  double hi = 0., labels_w = 0.;
  double radius;
  guint status;
  gsize i, j;

  for (i = 0; i < self->n_points; i++)
    if (isfinite (self->points[i].value))
      {
        first = MIN (first, self->points[i].day);
        last = MAX (last, self->points[i].day);
        hi = MAX (hi, self->points[i].value);
      }
  for (i = 0; i < self->n_percentiles; i++)
    {
      hi = MAX (hi, self->percentiles[i]);
      texts[i] = percentile_label (self, i);
      side[i].text = texts[i];
    }
  labels_w = _obeya_chart_side_labels_width (ctx, side, self->n_percentiles, area->width * 0.3);

  _obeya_chart_layout_value_plot (ctx, area, 0., hi, self->decimals == 0, self->unit,
                                  _obeya_chart_x_label_band (ctx),
                                  labels_w > 0. ? labels_w + ctx->gap : ctx->gap,
                                  &plot, &y_axis, &y);
  x = (ObeyaChartScale) { first - 0.5, last + 0.5, plot.x, plot.x + plot.width };
  _obeya_chart_set_mapping (chart, &plot, &x, &y);

  _obeya_chart_draw_caption (ctx, area, self->unit);
  _obeya_chart_draw_y_axis (ctx, &y_axis, &plot, &y, FALSE, TRUE);
  _obeya_chart_axis_init_dates (ctx, &x_axis, first, last, &x, area);
  _obeya_chart_draw_x_axis (ctx, &x_axis, &plot, &x, area, FALSE);

  /* Dots, translucent so piles show. */
  radius = CLAMP (plot.width / MAX (1., (double) self->n_points) * 0.8, ctx->stroke * 0.8,
                  ctx->stroke * 1.6);
  for (status = OBEYA_CHART_STATUS_NONE; status <= OBEYA_CHART_STATUS_NON_WORKING; status++)
    {
      guint n = 0;

      for (i = 0; i < self->n_points; i++)
        if (self->points[i].status == status && isfinite (self->points[i].value))
          {
            xy[2 * n] = _obeya_chart_scale_map (&x, self->points[i].day);
            xy[2 * n + 1] = _obeya_chart_scale_map (&y, self->points[i].value);
            n++;
          }
      for (j = 0; j < n; j++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, xy[2 * j], xy[2 * j + 1], radius, 0., 2 * G_PI);
        }
      _obeya_chart_set_color_alpha (cr, obeya_chart_palette_get_status_color (palette, status),
                                    0.65);
      cairo_fill (cr);
    }

  /* Percentile lines, labels in the right column. */
  for (i = 0; i < self->n_percentiles; i++)
    {
      double py = _obeya_chart_scale_map (&y, self->percentiles[i]);
      double dash[] = { ctx->stroke * 2., ctx->stroke * 1.5 };

      cairo_move_to (cr, plot.x, py);
      cairo_line_to (cr, plot.x + plot.width, py);
      cairo_set_dash (cr, dash, 2, 0.);
      obeya_chart_set_color (cr, &palette->reference);
      cairo_set_line_width (cr, MAX (1., ctx->stroke * 0.6));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.);
      side[i].text = texts[i];
      side[i].y = py;
      side[i].color = &palette->reference;
    }
  _obeya_chart_draw_side_labels (ctx, side, self->n_percentiles, plot.x + plot.width + ctx->gap,
                                 plot.y, plot.y + plot.height, labels_w);

  _obeya_chart_axis_clear (&y_axis);
  _obeya_chart_axis_clear (&x_axis);
}

static void
obeya_scatter_chart_finalize (GObject *object)
{
  ObeyaScatterChart *self = OBEYA_SCATTER_CHART (object);

  g_clear_pointer (&self->points, g_free);
  g_clear_pointer (&self->percents, g_free);
  g_clear_pointer (&self->percentiles, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (obeya_scatter_chart_parent_class)->finalize (object);
}

static void
obeya_scatter_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ObeyaScatterChart *self = OBEYA_SCATTER_CHART (object);

  switch (prop_id)
    {
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
obeya_scatter_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ObeyaScatterChart *self = OBEYA_SCATTER_CHART (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      obeya_scatter_chart_set_unit (self, g_value_get_string (value));
      break;
    case PROP_DECIMALS:
      obeya_scatter_chart_set_decimals (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_scatter_chart_class_init (ObeyaScatterChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->finalize = obeya_scatter_chart_finalize;
  object_class->get_property = obeya_scatter_chart_get_property;
  object_class->set_property = obeya_scatter_chart_set_property;

  chart_class->is_empty = obeya_scatter_chart_is_empty;
  chart_class->draw = obeya_scatter_chart_draw;

  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIMALS] =
    g_param_spec_int ("decimals", NULL, NULL, 0, 10, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_scatter_chart_init (ObeyaScatterChart *self)
{
}

ObeyaScatterChart *
obeya_scatter_chart_new (void)
{
  return g_object_new (OBEYA_TYPE_SCATTER_CHART, NULL);
}

void
obeya_scatter_chart_set_points (ObeyaScatterChart     *self,
                                const ObeyaChartPoint *points,
                                gsize                  n_points)
{
  g_return_if_fail (OBEYA_IS_SCATTER_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_clear_pointer (&self->points, g_free);
  self->points = n_points ? g_memdup2 (points, n_points * sizeof *points) : NULL;
  self->n_points = n_points;
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

void
obeya_scatter_chart_set_percentiles (ObeyaScatterChart *self,
                                     const double      *percents,
                                     const double      *values,
                                     gsize              n)
{
  gsize i, k = 0;

  g_return_if_fail (OBEYA_IS_SCATTER_CHART (self));
  g_return_if_fail (n == 0 || (percents != NULL && values != NULL));

  g_clear_pointer (&self->percents, g_free);
  g_clear_pointer (&self->percentiles, g_free);
  self->percents = g_new (double, MAX (n, 1));
  self->percentiles = g_new (double, MAX (n, 1));
  for (i = 0; i < n; i++)
    if (isfinite (percents[i]) && isfinite (values[i]))
      {
        self->percents[k] = percents[i];
        self->percentiles[k] = values[i];
        k++;
      }
  self->n_percentiles = k;
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

const char *
obeya_scatter_chart_get_unit (ObeyaScatterChart *self)
{
  g_return_val_if_fail (OBEYA_IS_SCATTER_CHART (self), NULL);

  return self->unit;
}

void
obeya_scatter_chart_set_unit (ObeyaScatterChart *self,
                              const char        *unit)
{
  g_return_if_fail (OBEYA_IS_SCATTER_CHART (self));

  _obeya_chart_set_string (OBEYA_CHART (self), &self->unit, unit, properties[PROP_UNIT]);
}

int
obeya_scatter_chart_get_decimals (ObeyaScatterChart *self)
{
  g_return_val_if_fail (OBEYA_IS_SCATTER_CHART (self), 0);

  return self->decimals;
}

void
obeya_scatter_chart_set_decimals (ObeyaScatterChart *self,
                                  int                decimals)
{
  g_return_if_fail (OBEYA_IS_SCATTER_CHART (self));

  decimals = CLAMP (decimals, 0, 10);
  if (self->decimals == decimals)
    return;
  self->decimals = decimals;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_DECIMALS]);
}
