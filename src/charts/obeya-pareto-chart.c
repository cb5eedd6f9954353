/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "obeya-chart-private.h"
#include "obeya-pareto-chart.h"

typedef struct
{
  char   *label;
  double  count;
  guint   order;
} Category;

struct _ObeyaParetoChart
{
  ObeyaChart  parent_instance;

  GArray     *categories;  /* Category, as given */
  guint       max_categories;
  double     *line_xy;     /* the cumulative points of the last draw */
  guint       n_line;
};

G_DEFINE_FINAL_TYPE (ObeyaParetoChart, obeya_pareto_chart, OBEYA_TYPE_CHART)

enum {
  PROP_0,
  PROP_MAX_CATEGORIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_category (gpointer data)
{
  g_free (((Category *) data)->label);
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const Category *p = a;
  const Category *q = b;

  if (p->count != q->count)
    return p->count > q->count ? -1 : 1;
  return p->order < q->order ? -1 : p->order > q->order ? 1 : 0;
}

/* The bars to draw: sorted, the tail folded into "Other". Labels are
 * borrowed from self->categories (or static). */
static GArray *
sorted_bars (ObeyaParetoChart *self,
             double           *total)
{
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Category));
  guint i;

  *total = 0.;
  for (i = 0; i < self->categories->len; i++)
    {
      Category c = g_array_index (self->categories, Category, i);

      if (isfinite (c.count) && c.count > 0.)
        {
          g_array_append_val (bars, c);
          *total += c.count;
        }
    }
  g_array_sort (bars, compare_categories);

  if (self->max_categories > 1 && bars->len > self->max_categories)
    {
      Category other = { (char *) _("Other"), 0., G_MAXUINT };

      for (i = self->max_categories - 1; i < bars->len; i++)
        other.count += g_array_index (bars, Category, i).count;
      g_array_set_size (bars, self->max_categories - 1);
      g_array_append_val (bars, other);
    }
  return bars;
}

static gboolean
obeya_pareto_chart_is_empty (ObeyaChart *chart)
{
  ObeyaParetoChart *self = OBEYA_PARETO_CHART (chart);
  guint i;

  for (i = 0; i < self->categories->len; i++)
    {
      double c = g_array_index (self->categories, Category, i).count;

      if (isfinite (c) && c > 0.)
        return FALSE;
    }
  return TRUE;
}

static void
obeya_pareto_chart_draw (ObeyaChart           *chart,
                         ObeyaChartContext    *ctx,
                         const ObeyaChartRect *area)
{
  ObeyaParetoChart *self = OBEYA_PARETO_CHART (chart);
  const ObeyaChartPalette *palette = ctx->palette;
  cairo_t *cr = ctx->cr;
  double total;
  g_autoptr(GArray) bars = sorted_bars (self, &total);
  g_autofree const char **labels = g_new0 (const char *, bars->len + 1);
  ObeyaChartAxis y_axis = { 0 };
  ObeyaChartAxis pct_axis = { 0 };
  ObeyaChartTicks pct_ticks = { 0., 100., 20., 6, 0 };
  ObeyaChartCategoryFit fit;
  ObeyaChartRect plot;
  ObeyaChartScale x, y, pct;
  gboolean integer = TRUE;
  double max = 0., cumulative = 0.;
  double radius = ctx->stroke * 1.3;
  guint i;

  for (i = 0; i < bars->len; i++)
    {
      Category *c = &g_array_index (bars, Category, i);

      labels[i] = c->label;
      max = MAX (max, c->count);
      integer = integer && c->count == floor (c->count);
    }

  _obeya_chart_axis_init_numeric (ctx, &pct_axis, &pct_ticks, "%");
  _obeya_chart_layout_value_plot (ctx, area, 0., max, integer, NULL,
                                  _obeya_chart_x_label_band (ctx),
                                  pct_axis.max_width + ctx->gap, &plot, &y_axis, &y);
  _obeya_chart_fit_categories (ctx, labels, bars->len, plot.width / bars->len,
                               area->height * 0.35, &fit);
  if (fit.band > _obeya_chart_x_label_band (ctx))
    _obeya_chart_layout_value_plot (ctx, area, 0., max, integer, NULL, fit.band,
                                    pct_axis.max_width + ctx->gap, &plot, &y_axis, &y);

  x.d0 = -0.5;
  x.d1 = bars->len - 0.5;
  x.p0 = plot.x;
  x.p1 = plot.x + plot.width;
  pct.d0 = 0.;
  pct.d1 = 100.;
  pct.p0 = plot.y + plot.height;
  pct.p1 = plot.y;
  _obeya_chart_set_mapping (chart, &plot, &x, &y);

  _obeya_chart_draw_y_axis (ctx, &y_axis, &plot, &y, FALSE, TRUE);
  _obeya_chart_draw_y_axis (ctx, &pct_axis, &plot, &pct, TRUE, FALSE);

  for (i = 0; i < bars->len; i++)
    {
      double slot = plot.width / bars->len;
      double w = MIN (slot * 0.7, slot - 2.);
      double cx = _obeya_chart_scale_map (&x, i);
      double top = _obeya_chart_scale_map (&y, g_array_index (bars, Category, i).count);

      obeya_chart_rounded_rect (cr, cx - MAX (w, 1.) / 2., top, MAX (w, 1.),
                                plot.y + plot.height - top, MIN (ctx->gap * 0.5, w / 4.));
    }
  obeya_chart_set_color (cr, &palette->accent);
  cairo_fill (cr);

  /* The 80 % guide. */
  {
    double py = _obeya_chart_snap (ctx, _obeya_chart_scale_map (&pct, 80.), ctx->line_width);
    double dash[] = { ctx->line_width * 3., ctx->line_width * 3. };

    cairo_move_to (cr, plot.x, py);
    cairo_line_to (cr, plot.x + plot.width, py);
    cairo_set_dash (cr, dash, 2, 0.);
    obeya_chart_set_color (cr, &palette->axis);
    cairo_set_line_width (cr, ctx->line_width);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0.);
  }

  /* The cumulative line. */
  g_clear_pointer (&self->line_xy, g_free);
  self->line_xy = g_new (double, 2 * bars->len);
  self->n_line = bars->len;
  for (i = 0; i < bars->len; i++)
    {
      cumulative += g_array_index (bars, Category, i).count;
      self->line_xy[2 * i] = _obeya_chart_scale_map (&x, i);
      /* The last point is 100 % exactly, whatever the rounding. */
      self->line_xy[2 * i + 1] = _obeya_chart_scale_map (&pct, i + 1 == bars->len
                                                         ? 100. : 100. * cumulative / total);
      if (i == 0)
        cairo_move_to (cr, self->line_xy[0], self->line_xy[1]);
      else
        cairo_line_to (cr, self->line_xy[2 * i], self->line_xy[2 * i + 1]);
    }
  obeya_chart_set_color (cr, &palette->secondary);
  cairo_set_line_width (cr, ctx->stroke);
  cairo_stroke (cr);
  _obeya_chart_draw_markers (ctx, self->line_xy, bars->len, radius, &palette->secondary, TRUE);

  {
    double base = _obeya_chart_snap (ctx, plot.y + plot.height, ctx->line_width);

    cairo_move_to (cr, plot.x, base);
    cairo_line_to (cr, plot.x + plot.width, base);
    obeya_chart_set_color (cr, &palette->axis);
    cairo_set_line_width (cr, ctx->line_width);
    cairo_stroke (cr);
  }
  _obeya_chart_draw_categories (ctx, labels, bars->len, &x, plot.y + plot.height, &fit);

  _obeya_chart_axis_clear (&y_axis);
  _obeya_chart_axis_clear (&pct_axis);
}

static void
obeya_pareto_chart_finalize (GObject *object)
{
  ObeyaParetoChart *self = OBEYA_PARETO_CHART (object);

  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->line_xy, g_free);

  G_OBJECT_CLASS (obeya_pareto_chart_parent_class)->finalize (object);
}

static void
obeya_pareto_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ObeyaParetoChart *self = OBEYA_PARETO_CHART (object);

  switch (prop_id)
    {
    case PROP_MAX_CATEGORIES:
      g_value_set_uint (value, self->max_categories);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_pareto_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ObeyaParetoChart *self = OBEYA_PARETO_CHART (object);

  switch (prop_id)
    {
    case PROP_MAX_CATEGORIES:
      obeya_pareto_chart_set_max_categories (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_pareto_chart_class_init (ObeyaParetoChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->finalize = obeya_pareto_chart_finalize;
  object_class->get_property = obeya_pareto_chart_get_property;
  object_class->set_property = obeya_pareto_chart_set_property;

  chart_class->is_empty = obeya_pareto_chart_is_empty;
  chart_class->draw = obeya_pareto_chart_draw;

  properties[PROP_MAX_CATEGORIES] =
    g_param_spec_uint ("max-categories", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_pareto_chart_init (ObeyaParetoChart *self)
{
  self->categories = g_array_new (FALSE, FALSE, sizeof (Category));
  g_array_set_clear_func (self->categories, clear_category);
}

ObeyaParetoChart *
obeya_pareto_chart_new (void)
{
  return g_object_new (OBEYA_TYPE_PARETO_CHART, NULL);
}

void
obeya_pareto_chart_set_categories (ObeyaParetoChart   *self,
                                   const char * const *labels,
                                   const double       *counts,
                                   gsize               n)
{
  gsize i;

  g_return_if_fail (OBEYA_IS_PARETO_CHART (self));
  g_return_if_fail (n == 0 || (labels != NULL && counts != NULL));

  g_array_set_size (self->categories, 0);
  for (i = 0; i < n; i++)
    {
      Category c = { g_strdup (labels[i] ? labels[i] : ""), counts[i], (guint) i };

      g_array_append_val (self->categories, c);
    }
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

guint
obeya_pareto_chart_get_max_categories (ObeyaParetoChart *self)
{
  g_return_val_if_fail (OBEYA_IS_PARETO_CHART (self), 0);

  return self->max_categories;
}

void
obeya_pareto_chart_set_max_categories (ObeyaParetoChart *self,
                                       guint             max_categories)
{
  g_return_if_fail (OBEYA_IS_PARETO_CHART (self));

  if (self->max_categories == max_categories)
    return;
  self->max_categories = max_categories;
  _obeya_chart_notify (OBEYA_CHART (self), properties[PROP_MAX_CATEGORIES]);
}

gboolean
obeya_pareto_chart_get_cumulative_point (ObeyaParetoChart *self,
                                         guint             index,
                                         double           *x,
                                         double           *y)
{
  g_return_val_if_fail (OBEYA_IS_PARETO_CHART (self), FALSE);

  if (!obeya_chart_get_plot_area (OBEYA_CHART (self), NULL) || index >= self->n_line)
    return FALSE;
  if (x)
    *x = self->line_xy[2 * index];
  if (y)
    *y = self->line_xy[2 * index + 1];
  return TRUE;
}
