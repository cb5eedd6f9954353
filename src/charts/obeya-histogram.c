/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <math.h>

#include "obeya-chart-private.h"
#include "obeya-histogram.h"

struct _ObeyaHistogram
{
  ObeyaChart     parent_instance;

  ObeyaChartBin *bins;
  gsize          n_bins;
  char          *unit;
};

G_DEFINE_FINAL_TYPE (ObeyaHistogram, obeya_histogram, OBEYA_TYPE_CHART)

enum {
  PROP_0,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
obeya_histogram_is_empty (ObeyaChart *chart)
{
  ObeyaHistogram *self = OBEYA_HISTOGRAM (chart);
  gsize i;

  for (i = 0; i < self->n_bins; i++)
    if (isfinite (self->bins[i].count) && self->bins[i].count > 0.)
      return FALSE;
  return TRUE;
}

static void
obeya_histogram_draw (ObeyaChart           *chart,
                      ObeyaChartContext    *ctx,
                      const ObeyaChartRect *area)
{
  ObeyaHistogram *self = OBEYA_HISTOGRAM (chart);
  cairo_t *cr = ctx->cr;
  ObeyaChartAxis y_axis = { 0 };
  ObeyaChartAxis x_axis = { 0 };
  ObeyaChartTicks x_ticks;
  ObeyaChartRect plot;
  ObeyaChartScale x, y;
  double lo = self->bins[0].low;
  double hi = self->bins[self->n_bins - 1].high;
  double max = 0.;
  gboolean integer = TRUE;
  gsize i;

  for (i = 0; i < self->n_bins; i++)
    {
      double c = isfinite (self->bins[i].count) ? self->bins[i].count : 0.;

      max = MAX (max, c);
      integer = integer && c == floor (c);
      lo = MIN (lo, self->bins[i].low);
      hi = MAX (hi, self->bins[i].high);
    }

  _obeya_chart_layout_value_plot (ctx, area, 0., max, integer, NULL,
                                  _obeya_chart_x_label_band (ctx), ctx->gap * 2., &plot, &y_axis, &y);
  /* The x ticks stay on the bins' range: no empty margins. */
  _obeya_chart_axis_init_horizontal (ctx, &x_axis, lo, hi, FALSE, self->unit, plot.width,
                                     &x_ticks);
  x.d0 = lo;
  x.d1 = hi;
  x.p0 = plot.x;
  x.p1 = plot.x + plot.width;
  {
    /* Drop ticks outside the bins. */
    guint k = 0;

    for (i = 0; i < x_axis.n; i++)
      if (x_axis.values[i] >= lo - 1e-9 && x_axis.values[i] <= hi + 1e-9)
        {
          char *label = x_axis.labels[i];

          x_axis.labels[i] = NULL;
          g_free (x_axis.labels[k]);
          x_axis.values[k] = x_axis.values[i];
          x_axis.labels[k] = label;
          k++;
        }
      else
        g_clear_pointer (&x_axis.labels[i], g_free);
    x_axis.n = k;
  }
  _obeya_chart_set_mapping (chart, &plot, &x, &y);

  _obeya_chart_draw_y_axis (ctx, &y_axis, &plot, &y, FALSE, TRUE);

  for (i = 0; i < self->n_bins; i++)
    {
      const ObeyaChartBin *b = &self->bins[i];
      double x0 = _obeya_chart_scale_map (&x, b->low);
      double x1 = _obeya_chart_scale_map (&x, b->high);
      double top;
      double inset = MIN (ctx->line_width, (x1 - x0) * 0.1);

      if (!isfinite (b->count) || b->count <= 0.)
        continue;
      top = _obeya_chart_scale_map (&y, b->count);
      cairo_rectangle (cr, x0 + inset, top, MAX (0.5, x1 - x0 - 2 * inset),
                       plot.y + plot.height - top);
    }
  obeya_chart_set_color (cr, &ctx->palette->accent);
  if (ctx->palette->high_contrast)
    {
      cairo_fill_preserve (cr);
      obeya_chart_set_color (cr, &ctx->palette->foreground);
      cairo_set_line_width (cr, ctx->line_width);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);

  /* Counts over the bars, when they fit. */
  for (i = 0; i < self->n_bins; i++)
    {
      const ObeyaChartBin *b = &self->bins[i];
      double x0 = _obeya_chart_scale_map (&x, b->low);
      double x1 = _obeya_chart_scale_map (&x, b->high);
      g_autofree char *text = NULL;
      double tw, th;

      if (!isfinite (b->count) || b->count <= 0.)
        continue;
      text = _obeya_chart_format_number (b->count, integer ? 0 : 1);
      _obeya_chart_text_size (ctx, text, OBEYA_CHART_TEXT_SMALL, FALSE, -1, &tw, &th);
      if (tw + ctx->gap > x1 - x0)
        continue;
      {
        double top = _obeya_chart_scale_map (&y, b->count);
        gboolean inside = top - th - ctx->gap * 0.3 < plot.y;

        _obeya_chart_draw_text (ctx, text, (x0 + x1) / 2.,
                                inside ? top + ctx->gap * 0.3 : top - ctx->gap * 0.3,
                                0.5, inside ? 0. : 1., OBEYA_CHART_TEXT_SMALL, FALSE,
                                inside ? _obeya_chart_ink_on (&ctx->palette->accent)
                                       : &ctx->palette->dim_foreground, -1, 0.);
      }
    }

  _obeya_chart_draw_x_axis (ctx, &x_axis, &plot, &x, area, FALSE);

  _obeya_chart_axis_clear (&y_axis);
  _obeya_chart_axis_clear (&x_axis);
}

static void
obeya_histogram_finalize (GObject *object)
{
  ObeyaHistogram *self = OBEYA_HISTOGRAM (object);

  g_clear_pointer (&self->bins, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (obeya_histogram_parent_class)->finalize (object);
}

static void
obeya_histogram_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ObeyaHistogram *self = OBEYA_HISTOGRAM (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_histogram_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ObeyaHistogram *self = OBEYA_HISTOGRAM (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      obeya_histogram_set_unit (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_histogram_class_init (ObeyaHistogramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObeyaChartClass *chart_class = OBEYA_CHART_CLASS (klass);

  object_class->finalize = obeya_histogram_finalize;
  object_class->get_property = obeya_histogram_get_property;
  object_class->set_property = obeya_histogram_set_property;

  chart_class->is_empty = obeya_histogram_is_empty;
  chart_class->draw = obeya_histogram_draw;

  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_histogram_init (ObeyaHistogram *self)
{
}

ObeyaHistogram *
obeya_histogram_new (void)
{
  return g_object_new (OBEYA_TYPE_HISTOGRAM, NULL);
}

static int
compare_bins (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const ObeyaChartBin *p = a;
  const ObeyaChartBin *q = b;

  return p->low < q->low ? -1 : p->low > q->low ? 1 : 0;
}

void
obeya_histogram_set_bins (ObeyaHistogram      *self,
                          const ObeyaChartBin *bins,
                          gsize                n_bins)
{
  gsize i, k = 0;

  g_return_if_fail (OBEYA_IS_HISTOGRAM (self));
  g_return_if_fail (bins != NULL || n_bins == 0);

  g_clear_pointer (&self->bins, g_free);
  self->bins = g_new (ObeyaChartBin, MAX (n_bins, 1));
  for (i = 0; i < n_bins; i++)
    if (isfinite (bins[i].low) && isfinite (bins[i].high) && bins[i].high > bins[i].low)
      self->bins[k++] = bins[i];
  self->n_bins = k;
  if (k > 1)
    g_qsort_with_data (self->bins, k, sizeof *self->bins, compare_bins, NULL);
  _obeya_chart_emit_changed (OBEYA_CHART (self));
}

void
obeya_histogram_set_values (ObeyaHistogram *self,
                            const double   *values,
                            gsize           n_values,
                            double          bin_width)
{
  g_autofree ObeyaChartBin *bins = NULL;
  double lo = INFINITY, hi = -INFINITY;
  double first;
  gsize n_bins, i;

  g_return_if_fail (OBEYA_IS_HISTOGRAM (self));
  g_return_if_fail (values != NULL || n_values == 0);

  for (i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
      }
  if (!isfinite (lo))
    {
      obeya_histogram_set_bins (self, NULL, 0);
      return;
    }
  if (!(bin_width > 0.) || !isfinite (bin_width))
    bin_width = _obeya_chart_nice_step (MAX (hi - lo, 1.), 10);

  first = floor (lo / bin_width) * bin_width;
  n_bins = (gsize) floor ((hi - first) / bin_width) + 1;
  n_bins = MIN (n_bins, 10000);
  bins = g_new0 (ObeyaChartBin, n_bins);
  for (i = 0; i < n_bins; i++)
    {
      bins[i].low = first + i * bin_width;
      bins[i].high = first + (i + 1) * bin_width;
    }
  for (i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      {
        gsize b = (gsize) floor ((values[i] - first) / bin_width);

        bins[MIN (b, n_bins - 1)].count += 1.;
      }
  obeya_histogram_set_bins (self, bins, n_bins);
}

const char *
obeya_histogram_get_unit (ObeyaHistogram *self)
{
  g_return_val_if_fail (OBEYA_IS_HISTOGRAM (self), NULL);

  return self->unit;
}

void
obeya_histogram_set_unit (ObeyaHistogram *self,
                          const char     *unit)
{
  g_return_if_fail (OBEYA_IS_HISTOGRAM (self));

  _obeya_chart_set_string (OBEYA_CHART (self), &self->unit, unit, properties[PROP_UNIT]);
}
