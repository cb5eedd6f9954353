/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <math.h>

#include "obeya-bar-chart.h"
#include "obeya-chart-enums.h"
#include "obeya-chart-private.h"

struct _ObeyaBarChart
{
  ObeyaChart             parent_instance;

  ObeyaChartBar         *bars;
  char                 **labels;  /* owned copies, NULL-terminated */
  gsize                  n_bars;
  ObeyaChartRect        *rects;   /* where the last draw put each bar */
  ObeyaChartOrientation  orientation;
  double                 reference;
  char                  *reference_label;
  char                  *unit;
  int                    decimals;
  gboolean               show_values;
  double                 span_min;  /* NAN: none (see set_value_span) */
  double                 span_max;
};

G_DEFINE_FINAL_TYPE (ObeyaBarChart, obeya_bar_chart, OBEYA_TYPE_CHART)

enum {
  PROP_0,
  PROP_ORIENTATION,
  PROP_UNIT,
  PROP_DECIMALS,
  PROP_SHOW_VALUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
obeya_bar_chart_is_empty (ObeyaChart *chart)
{
  ObeyaBarChart *self = OBEYA_BAR_CHART (chart);
  gsize i;

  for (i = 0; i < self->n_bars; i++)
    if (isfinite (self->bars[i].value))
      return FALSE;
  return TRUE;
}

static const ObeyaChartColor *
bar_color (ObeyaBarChart     *self,
           ObeyaChartContext *ctx,
           gsize              i)
{
  const ObeyaChartBar *bar = &self->bars[i];

  if (bar->color.alpha > 0.)
    return &bar->color;
  return obeya_chart_palette_get_status_color (ctx->palette, bar->status);
}

static void
value_range (ObeyaBarChart *self,
             double        *lo,
             double        *hi)
{
  gsize i;

  *lo = 0.;
  *hi = 0.;
  for (i = 0; i < self->n_bars; i++)
    if (isfinite (self->bars[i].value))
      {
        *lo = MIN (*lo, self->bars[i].value);
        *hi = MAX (*hi, self->bars[i].value);
      }
  if (isfinite (self->reference))
    {
      *lo = MIN (*lo, self->reference);
      *hi = MAX (*hi, self->reference);
    }
  if (isfinite (self->span_min))
    *lo = MIN (*lo, self->span_min);
  if (isfinite (self->span_max))
    *hi = MAX (*hi, self->span_max);
}

static void
fill_bar (ObeyaChartContext     *ctx,
          const ObeyaChartRect  *r,
          const ObeyaChartColor *color)
{
  double radius = MIN (ctx->gap * 0.5, MIN (r->width, r->height) / 4.);

  obeya_chart_rounded_rect (ctx->cr, r->x, r->y, r->width, r->height, radius);
  obeya_chart_set_color (ctx->cr, color);
  if (ctx->palette->high_contrast)
    {
      cairo_fill_preserve (ctx->cr);
      obeya_chart_set_color (ctx->cr, &ctx->palette->foreground);
      cairo_set_line_width (ctx->cr, ctx->line_width);
      cairo_stroke (ctx->cr);
    }
  else
    cairo_fill (ctx->cr);
}

static char *
value_label (ObeyaBarChart *self,
             double         value)
{
  return _obeya_chart_format_value (value, self->decimals, self->unit);
}

static void
draw_vertical (ObeyaBarChart        *self,
               ObeyaChartContext    *ctx,
               const ObeyaChartRect *area)
{
  ObeyaChartAxis y_axis = { 0 };
  ObeyaChartCategoryFit fit;
  ObeyaChartRect plot;
  ObeyaChartScale x, y;
  double lo, hi;
  double line = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_SMALL);
  ObeyaChartSideLabel side = { NULL, 0., NULL };
  double right = 0.;
  gsize i;

  value_range (self, &lo, &hi);
  if (isfinite (self->reference) && self->reference_label && *self->reference_label)
    {
      side.text = self->reference_label;
      side.color = &ctx->palette->target;
      right = _obeya_chart_side_labels_width (ctx, &side, 1, area->width * 0.25) + ctx->gap * 1.5;
    }
  _obeya_chart_layout_value_plot (ctx, area, lo, hi, self->decimals == 0, self->unit,
                                  _obeya_chart_x_label_band (ctx), right, &plot, &y_axis, &y);
  _obeya_chart_fit_categories (ctx, (const char * const *) self->labels, self->n_bars,
                               plot.width / self->n_bars, area->height * 0.35, &fit);
  if (fit.band > _obeya_chart_x_label_band (ctx))
    _obeya_chart_layout_value_plot (ctx, area, lo, hi, self->decimals == 0, self->unit, fit.band,
                                    right, &plot, &y_axis, &y);

  /* Room for the values above the bars. */
  if (self->show_values && y.d1 > 0. && _obeya_chart_scale_map (&y, hi) - plot.y < line * 1.2)
    {
      plot.y += line;
      plot.height -= line;
      y.p1 = plot.y;
    }

  x.d0 = -0.5;
  x.d1 = self->n_bars - 0.5;
  x.p0 = plot.x;
  x.p1 = plot.x + plot.width;
  _obeya_chart_set_mapping (OBEYA_CHART (self), &plot, &x, &y);

  _obeya_chart_draw_caption (ctx, area, self->unit);
  _obeya_chart_draw_y_axis (ctx, &y_axis, &plot, &y, FALSE, TRUE);

  for (i = 0; i < self->n_bars; i++)
    {
      double v = self->bars[i].value;
      double slot = plot.width / self->n_bars;
      double w = MIN (slot * 0.7, slot - 2.);
      double cx = _obeya_chart_scale_map (&x, i);
      double y0 = _obeya_chart_scale_map (&y, 0.);
      ObeyaChartRect *r = &self->rects[i];

      if (!isfinite (v))
        {
          *r = (ObeyaChartRect) { cx - w / 2., y0, w, 0. };
          if (self->show_values)
            _obeya_chart_draw_text (ctx, "—", cx, y0 - ctx->gap * 0.5, 0.5, 1.,
                                    OBEYA_CHART_TEXT_SMALL, FALSE, &ctx->palette->dim_foreground,
                                    -1, 0.);
          continue;
        }
      r->x = cx - MAX (w, 1.) / 2.;
      r->width = MAX (w, 1.);
      r->y = MIN (y0, _obeya_chart_scale_map (&y, v));
      r->height = fabs (_obeya_chart_scale_map (&y, v) - y0);
      fill_bar (ctx, r, bar_color (self, ctx, i));

      if (self->show_values)
        {
          g_autofree char *text = value_label (self, v);
          double tw;

          _obeya_chart_text_size (ctx, text, OBEYA_CHART_TEXT_SMALL, TRUE, -1, &tw, NULL);
          if (tw <= slot)
            _obeya_chart_draw_text (ctx, text, cx,
                                    v >= 0. ? r->y - ctx->gap * 0.3 : r->y + r->height + ctx->gap * 0.3,
                                    0.5, v >= 0. ? 1. : 0., OBEYA_CHART_TEXT_SMALL, TRUE,
                                    &ctx->palette->foreground, -1, 0.);
        }
    }

  /* The zero line, then the category labels under the plot. */
  {
    double base = _obeya_chart_snap (ctx, _obeya_chart_scale_map (&y, 0.), ctx->line_width);

    cairo_move_to (ctx->cr, plot.x, base);
    cairo_line_to (ctx->cr, plot.x + plot.width, base);
    obeya_chart_set_color (ctx->cr, &ctx->palette->axis);
    cairo_set_line_width (ctx->cr, ctx->line_width);
    cairo_stroke (ctx->cr);
  }
  _obeya_chart_draw_categories (ctx, (const char * const *) self->labels, self->n_bars, &x,
                                plot.y + plot.height, &fit);

  if (isfinite (self->reference))
    {
      side.y = _obeya_chart_scale_map (&y, self->reference);
      _obeya_chart_draw_reference (ctx, &plot, side.y, NULL, &ctx->palette->target, TRUE);
      if (side.text)
        _obeya_chart_draw_side_labels (ctx, &side, 1, plot.x + plot.width + ctx->gap,
                                       plot.y, plot.y + plot.height, right - ctx->gap * 1.5);
    }

  _obeya_chart_axis_clear (&y_axis);
}

static void
draw_horizontal (ObeyaBarChart        *self,
                 ObeyaChartContext    *ctx,
                 const ObeyaChartRect *area)
{
  cairo_t *cr = ctx->cr;
  ObeyaChartAxis x_axis = { 0 };
  ObeyaChartTicks ticks;
  ObeyaChartRect plot;
  ObeyaChartScale x, y;
  double lo, hi;
  double label_width = 0., value_width = 0.;
  double line = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL);
  double top = self->unit && *self->unit ? _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_SMALL) + ctx->gap : 0.;
  double slot, thickness;
  gsize i;

  value_range (self, &lo, &hi);
  for (i = 0; i < self->n_bars; i++)
    {
      double w;

      _obeya_chart_text_size (ctx, self->labels[i], OBEYA_CHART_TEXT_NORMAL, FALSE, -1, &w, NULL);
      label_width = MAX (label_width, w);
      if (self->show_values)
        {
          g_autofree char *text = value_label (self, self->bars[i].value);

          _obeya_chart_text_size (ctx, text, OBEYA_CHART_TEXT_SMALL, TRUE, -1, &w, NULL);
          value_width = MAX (value_width, w);
        }
    }
  label_width = MIN (label_width, area->width * 0.4);

  plot.x = area->x + label_width + ctx->gap;
  plot.y = area->y + top;
  plot.width = MAX (1., area->x + area->width - plot.x - (value_width > 0. ? value_width + ctx->gap : ctx->gap));
  plot.height = MAX (1., area->height - top - _obeya_chart_x_label_band (ctx));

  _obeya_chart_axis_init_horizontal (ctx, &x_axis, lo, hi, FALSE, NULL, plot.width, &ticks);
  x.d0 = ticks.min;
  x.d1 = ticks.max;
  x.p0 = plot.x;
  x.p1 = plot.x + plot.width;
  y.d0 = -0.5;
  y.d1 = self->n_bars - 0.5;
  y.p0 = plot.y;
  y.p1 = plot.y + plot.height;
  _obeya_chart_set_mapping (OBEYA_CHART (self), &plot, &x, &y);

  _obeya_chart_draw_caption (ctx, &(ObeyaChartRect) { plot.x, area->y, plot.width, top },
                             self->unit);

  /* Vertical grid at the ticks, labels under the plot. */
  for (i = 0; i < x_axis.n; i++)
    {
      double px = _obeya_chart_snap (ctx, _obeya_chart_scale_map (&x, x_axis.values[i]),
                                     ctx->line_width);

      cairo_move_to (cr, px, plot.y);
      cairo_line_to (cr, px, plot.y + plot.height);
    }
  obeya_chart_set_color (cr, &ctx->palette->grid);
  cairo_set_line_width (cr, ctx->line_width);
  cairo_stroke (cr);
  for (i = 0; i < x_axis.n; i++)
    _obeya_chart_draw_text (ctx, x_axis.labels[i], _obeya_chart_scale_map (&x, x_axis.values[i]),
                            plot.y + plot.height + ctx->gap * 0.8, 0.5, 0.,
                            OBEYA_CHART_TEXT_NORMAL, FALSE, &ctx->palette->dim_foreground, -1, 0.);

  slot = plot.height / self->n_bars;
  thickness = MIN (slot * 0.7, MAX (line * 2.2, slot * 0.45));
  for (i = 0; i < self->n_bars; i++)
    {
      double v = self->bars[i].value;
      double cy = _obeya_chart_scale_map (&y, i);
      double x0 = _obeya_chart_scale_map (&x, 0.);
      ObeyaChartRect *r = &self->rects[i];
      g_autofree char *text = value_label (self, v);

      if (slot >= line * 0.9 || i % (guint) ceil (line * 0.9 / slot) == 0)
        _obeya_chart_draw_text (ctx, self->labels[i], plot.x - ctx->gap, cy, 1., 0.5,
                                OBEYA_CHART_TEXT_NORMAL, FALSE, &ctx->palette->foreground,
                                label_width, 0.);
      if (!isfinite (v))
        {
          *r = (ObeyaChartRect) { x0, cy - thickness / 2., 0., thickness };
          if (self->show_values)
            _obeya_chart_draw_text (ctx, text, x0 + ctx->gap, cy, 0., 0.5,
                                    OBEYA_CHART_TEXT_SMALL, FALSE, &ctx->palette->dim_foreground,
                                    -1, 0.);
          continue;
        }
      r->x = MIN (x0, _obeya_chart_scale_map (&x, v));
      r->width = fabs (_obeya_chart_scale_map (&x, v) - x0);
      r->y = cy - MAX (thickness, 1.) / 2.;
      r->height = MAX (thickness, 1.);
      fill_bar (ctx, r, bar_color (self, ctx, i));
      if (self->show_values && slot >= line * 0.9)
        _obeya_chart_draw_text (ctx, text,
                                v >= 0. ? r->x + r->width + ctx->gap * 0.5 : r->x - ctx->gap * 0.5,
                                cy, v >= 0. ? 0. : 1., 0.5, OBEYA_CHART_TEXT_SMALL, TRUE,
                                &ctx->palette->foreground, -1, 0.);
    }

  {
    double base = _obeya_chart_snap (ctx, _obeya_chart_scale_map (&x, 0.), ctx->line_width);

    cairo_move_to (cr, base, plot.y);
    cairo_line_to (cr, base, plot.y + plot.height);
    obeya_chart_set_color (cr, &ctx->palette->axis);
    cairo_set_line_width (cr, ctx->line_width);
    cairo_stroke (cr);
  }

  if (isfinite (self->reference))
    {
      double px = _obeya_chart_scale_map (&x, self->reference);
      double dash[] = { ctx->stroke * 2., ctx->stroke * 1.5 };

      cairo_move_to (cr, px, plot.y);
      cairo_line_to (cr, px, plot.y + plot.height);
      cairo_set_dash (cr, dash, 2, 0.);
      obeya_chart_set_color (cr, &ctx->palette->target);
      cairo_set_line_width (cr, MAX (1., ctx->stroke * 0.75));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.);
      if (self->reference_label)
        _obeya_chart_draw_label (ctx, self->reference_label, px, area->y, 0.5, 0.,
                                 OBEYA_CHART_TEXT_SMALL, TRUE, &ctx->palette->target);
    }

  _obeya_chart_axis_clear (&x_axis);
}

static void
obeya_bar_chart_draw (ObeyaChart           *chart,
                      ObeyaChartContext    *ctx,
                      const ObeyaChartRect *area)
{
  ObeyaBarChart *self = OBEYA_BAR_CHART (chart);

  if (self->orientation == OBEYA_CHART_ORIENTATION_HORIZONTAL)
    draw_horizontal (self, ctx, area);
  else
    draw_vertical (self, ctx, area);
}

static void
obeya_bar_chart_finalize (GObject *object)
{
  ObeyaBarChart *self = OBEYA_BAR_CHART (object);

  g_clear_pointer (&self->bars, g_free);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->rects, g_free);
  g_clear_pointer (&self->reference_label, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (obeya_bar_chart_parent_class)->finalize (object);
}

static void
obeya_bar_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ObeyaBarChart *self = OBEYA_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_DECIMALS:
      g_value_set_int (value, self->decimals);
      break;
    case PROP_SHOW_VALUES:
      g_value_set_boolean (value, self->show_values);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_bar_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ObeyaBarChart *self = OBEYA_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      obeya_bar_chart_set_orientation (self, g_value_get_enum (value));
      break;
    case PROP_UNIT:
      obeya_bar_chart_set_unit (self, g_value_get_string (value));
      break;
    case PROP_DECIMALS:
      obeya_bar_chart_set_decimals (self, g_value_get_int (value));
      break;
    case PROP_SHOW_VALUES:
      obeya_bar_chart_set_show_values (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_bar_chart_class_init (ObeyaBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->finalize = obeya_bar_chart_finalize;
  object_class->get_property = obeya_bar_chart_get_property;
  object_class->set_property = obeya_bar_chart_set_property;

  chart_class->is_empty = obeya_bar_chart_is_empty;
  chart_class->draw = obeya_bar_chart_draw;

  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL,
                       OBEYA_TYPE_CHART_ORIENTATION, OBEYA_CHART_ORIENTATION_VERTICAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIMALS] =
    g_param_spec_int ("decimals", NULL, NULL, 0, 10, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_VALUES] =
    g_param_spec_boolean ("show-values", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_bar_chart_init (ObeyaBarChart *self)
{
  self->reference = NAN;
  self->show_values = TRUE;
  self->span_min = NAN;
  self->span_max = NAN;
}

ObeyaBarChart *
obeya_bar_chart_new (void)
{
  return g_object_new (OBEYA_TYPE_BAR_CHART, NULL);
}

void
obeya_bar_chart_set_bars (ObeyaBarChart       *self,
                          const ObeyaChartBar *bars,
                          gsize                n_bars)
{
  gsize i;

  g_return_if_fail (OBEYA_IS_BAR_CHART (self));
  g_return_if_fail (bars != NULL || n_bars == 0);

  g_clear_pointer (&self->bars, g_free);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->rects, g_free);
  self->n_bars = n_bars;
  self->bars = g_memdup2 (bars, MAX (n_bars, 1) * sizeof *bars);
  self->rects = g_new0 (ObeyaChartRect, MAX (n_bars, 1));
  self->labels = g_new0 (char *, n_bars + 1);
  for (i = 0; i < n_bars; i++)
    {
      self->labels[i] = g_strdup (bars[i].label ? bars[i].label : "");
      self->bars[i].label = self->labels[i];
    }
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

gboolean
obeya_bar_chart_get_bar_rect (ObeyaBarChart  *self,
                              guint           index,
                              ObeyaChartRect *rect)
{
  g_return_val_if_fail (OBEYA_IS_BAR_CHART (self), FALSE);

  if (index >= self->n_bars || !obeya_chart_get_plot_area (OBEYA_CHART (self), NULL))
    return FALSE;
  if (rect)
    *rect = self->rects[index];
  return TRUE;
}

ObeyaChartOrientation
obeya_bar_chart_get_orientation (ObeyaBarChart *self)
{
  g_return_val_if_fail (OBEYA_IS_BAR_CHART (self), OBEYA_CHART_ORIENTATION_VERTICAL);

  return self->orientation;
}

void
obeya_bar_chart_set_orientation (ObeyaBarChart         *self,
                                 ObeyaChartOrientation  orientation)
{
  g_return_if_fail (OBEYA_IS_BAR_CHART (self));

  if (self->orientation == orientation)
    return;
  self->orientation = orientation;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_ORIENTATION]);
}

void
obeya_bar_chart_set_reference_line (ObeyaBarChart *self,
                                    double         value,
                                    const char    *label)
{
  g_return_if_fail (OBEYA_IS_BAR_CHART (self));

  self->reference = value;
  g_free (self->reference_label);
  self->reference_label = g_strdup (label);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

const char *
obeya_bar_chart_get_unit (ObeyaBarChart *self)
{
  g_return_val_if_fail (OBEYA_IS_BAR_CHART (self), NULL);

  return self->unit;
}

void
obeya_bar_chart_set_unit (ObeyaBarChart *self,
                          const char    *unit)
{
  g_return_if_fail (OBEYA_IS_BAR_CHART (self));

  _obeya_chart_set_string (OBEYA_CHART (self), &self->unit, unit, properties[PROP_UNIT]);
}

int
obeya_bar_chart_get_decimals (ObeyaBarChart *self)
{
  g_return_val_if_fail (OBEYA_IS_BAR_CHART (self), 0);

  return self->decimals;
}

void
obeya_bar_chart_set_decimals (ObeyaBarChart *self,
                              int            decimals)
{
  g_return_if_fail (OBEYA_IS_BAR_CHART (self));

  decimals = CLAMP (decimals, 0, 10);
  if (self->decimals == decimals)
    return;
  self->decimals = decimals;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_DECIMALS]);
}

gboolean
obeya_bar_chart_get_show_values (ObeyaBarChart *self)
{
  g_return_val_if_fail (OBEYA_IS_BAR_CHART (self), FALSE);

  return self->show_values;
}

void
obeya_bar_chart_set_show_values (ObeyaBarChart *self,
                                 gboolean       show_values)
{
  g_return_if_fail (OBEYA_IS_BAR_CHART (self));

  show_values = !!show_values;
  if (self->show_values == show_values)
    return;
  self->show_values = show_values;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_SHOW_VALUES]);
}

void
obeya_bar_chart_set_value_span (ObeyaBarChart *self,
                                double        min,
                                double        max)
{
  g_return_if_fail (OBEYA_IS_BAR_CHART (self));

  _obeya_chart_set_span (OBEYA_CHART (self), &self->span_min, &self->span_max, min, max);
}
