/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing context of one chart draw, and the helpers every chart shares:
 * colours, text measured with Pango, axes, legends and the empty state.
 */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include <math.h>

#include "obeya-chart-private.h"

#define DEFAULT_FONT_FAMILY "Cantarell, Sans"

ObeyaChartContext *
_obeya_chart_context_new (cairo_t                 *cr,
                          double                   width,
                          double                   height,
                          const ObeyaChartPalette *palette,
                          double                   font_scale,
                          const char              *font_family)
{
  ObeyaChartContext *ctx = g_new0 (ObeyaChartContext, 1);
  cairo_font_options_t *options;
  PangoAttrList *attrs;
  double base;

  ctx->cr = cr;
  ctx->palette = palette;
  ctx->width = width;
  ctx->height = height;

  /* Type follows the drawing: 2 % of the smaller of the width and 1.6
   * times the height, so 640x400 gets 12.8 px and a 1920x1080 TV 35 px,
   * never below 10 px. */
  base = 0.02 * MIN (width, height * 1.6);
  ctx->font_size = MAX (10., base) * (font_scale > 0. ? font_scale : 1.);
  ctx->line_width = MAX (1., round (ctx->font_size / 12.));
  ctx->stroke = MAX (1.5, ctx->font_size / 6.);
  if (palette->high_contrast)
    ctx->stroke *= 1.25;
  ctx->pad = round (ctx->font_size * 0.75);
  ctx->gap = ctx->font_size * 0.4;

  ctx->layout = pango_cairo_create_layout (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (ctx->layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (ctx->layout);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (ctx->layout, attrs);
  pango_attr_list_unref (attrs);

  ctx->font = pango_font_description_from_string (font_family && *font_family
                                                  ? font_family : DEFAULT_FONT_FAMILY);
  return ctx;
}

void
_obeya_chart_context_free (ObeyaChartContext *ctx)
{
  if (ctx == NULL)
    return;
  g_clear_object (&ctx->layout);
  g_clear_pointer (&ctx->font, pango_font_description_free);
  g_free (ctx);
}

void
obeya_chart_set_color (cairo_t               *cr,
                       const ObeyaChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
_obeya_chart_set_color_alpha (cairo_t               *cr,
                              const ObeyaChartColor *color,
                              double                 alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static double
linear (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

const ObeyaChartColor *
_obeya_chart_ink_on (const ObeyaChartColor *fill)
{
  static const ObeyaChartColor black = { 0., 0., 0., 0.87 };
  static const ObeyaChartColor white = { 1., 1., 1., 1. };
  double l = 0.2126 * linear (fill->red) + 0.7152 * linear (fill->green)
             + 0.0722 * linear (fill->blue);

  /* Contrast against white (1.05 / (l + 0.05)) vs black ((l + 0.05) / 0.05),
   * nudged towards white text, which reads better on saturated fills. */
  return (1.05 / (l + 0.05)) * 1.4 >= (l + 0.05) / 0.05 ? &white : &black;
}

const ObeyaChartColor *
_obeya_chart_resolve_color (const ObeyaChartColor *color,
                            const ObeyaChartColor *fallback)
{
  return color != NULL && color->alpha > 0. ? color : fallback;
}

double
_obeya_chart_snap (ObeyaChartContext *ctx,
                   double             coordinate,
                   double             line_width)
{
  double dx = 1., dy = 0.;
  long w = lround (line_width);

  /* Only snap when one user unit is one device pixel. */
  cairo_user_to_device_distance (ctx->cr, &dx, &dy);
  if (fabs (dx - 1.) > 1e-6 || fabs (dy) > 1e-6 || fabs (line_width - w) > 1e-6)
    return coordinate;
  return w % 2 ? floor (coordinate) + 0.5 : round (coordinate);
}

/* @lines > 1 wraps the text, centred, in at most that many lines. */
static void
prepare_layout (ObeyaChartContext *ctx,
                const char        *text,
                double             size,
                gboolean           bold,
                double             max_width,
                int                lines)
{
  gboolean wrap = lines > 1 && max_width > 0.;

  pango_font_description_set_absolute_size (ctx->font, size * ctx->font_size * PANGO_SCALE);
  pango_font_description_set_weight (ctx->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (ctx->layout, ctx->font);
  if (max_width > 0.)
    {
      pango_layout_set_width (ctx->layout, MAX (1, (int) (max_width * PANGO_SCALE)));
      pango_layout_set_ellipsize (ctx->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (ctx->layout, -1);
      pango_layout_set_ellipsize (ctx->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_single_paragraph_mode (ctx->layout, !wrap);
  pango_layout_set_wrap (ctx->layout, PANGO_WRAP_WORD);
  pango_layout_set_height (ctx->layout, wrap ? -lines : -1);
  pango_layout_set_alignment (ctx->layout, wrap ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (ctx->layout, text ? text : "", -1);
}

/* The logical rectangle is the text's, even when a width is set for
 * ellipsizing or wrapping (its x is then the offset of the text). */
static void
layout_logical (ObeyaChartContext *ctx,
                PangoRectangle    *logical)
{
  pango_layout_get_extents (ctx->layout, NULL, logical);
}

/* Measures @text laid out as prepare_layout() does; FALSE when it did not
 * fit @max_width whole. */
static gboolean
measure (ObeyaChartContext *ctx,
         const char        *text,
         double             size,
         gboolean           bold,
         double             max_width,
         int                lines,
         double            *width,
         double            *height)
{
  PangoRectangle logical;

  prepare_layout (ctx, text, size, bold, max_width, lines);
  layout_logical (ctx, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
  /* A word longer than the width overflows it rather than breaking. */
  return !pango_layout_is_ellipsized (ctx->layout) &&
         (max_width <= 0. || logical.width <= max_width * PANGO_SCALE);
}

void
_obeya_chart_text_size (ObeyaChartContext *ctx,
                        const char        *text,
                        double             size,
                        gboolean           bold,
                        double             max_width,
                        double            *width,
                        double            *height)
{
  measure (ctx, text, size, bold, max_width, 1, width, height);
}

double
_obeya_chart_line_height (ObeyaChartContext *ctx,
                          double             size)
{
  double h;

  _obeya_chart_text_size (ctx, "0Ag", size, FALSE, -1, NULL, &h);
  return h;
}

static void
draw_layout (ObeyaChartContext     *ctx,
             double                 x,
             double                 y,
             double                 xalign,
             double                 yalign,
             const ObeyaChartColor *color,
             double                 angle)
{
  PangoRectangle logical;
  cairo_t *cr = ctx->cr;

  layout_logical (ctx, &logical);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (angle != 0.)
    cairo_rotate (cr, angle);
  cairo_move_to (cr,
                 -xalign * logical.width / PANGO_SCALE - (double) logical.x / PANGO_SCALE,
                 -yalign * logical.height / PANGO_SCALE - (double) logical.y / PANGO_SCALE);
  obeya_chart_set_color (cr, color);
  pango_cairo_show_layout (cr, ctx->layout);
  cairo_restore (cr);
}

void
_obeya_chart_draw_text (ObeyaChartContext     *ctx,
                        const char            *text,
                        double                 x,
                        double                 y,
                        double                 xalign,
                        double                 yalign,
                        double                 size,
                        gboolean               bold,
                        const ObeyaChartColor *color,
                        double                 max_width,
                        double                 angle)
{
  if (text == NULL || *text == '\0')
    return;

  prepare_layout (ctx, text, size, bold, max_width, 1);
  draw_layout (ctx, x, y, xalign, yalign, color, angle);
}

gboolean
_obeya_chart_text_size_wrapped (ObeyaChartContext *ctx,
                                const char        *text,
                                double             size,
                                double             max_width,
                                int                lines,
                                double            *width,
                                double            *height)
{
  return measure (ctx, text, size, FALSE, max_width, lines, width, height);
}

void
_obeya_chart_draw_text_wrapped (ObeyaChartContext     *ctx,
                                const char            *text,
                                double                 x,
                                double                 y,
                                double                 size,
                                const ObeyaChartColor *color,
                                double                 max_width,
                                int                    lines)
{
  if (text == NULL || *text == '\0')
    return;

  prepare_layout (ctx, text, size, FALSE, max_width, lines);
  draw_layout (ctx, x, y, 0.5, 0., color, 0.);
}

void
_obeya_chart_draw_label (ObeyaChartContext     *ctx,
                         const char            *text,
                         double                 x,
                         double                 y,
                         double                 xalign,
                         double                 yalign,
                         double                 size,
                         gboolean               bold,
                         const ObeyaChartColor *color)
{
  const ObeyaChartColor *bg = &ctx->palette->background;
  double w, h;
  double m = ctx->gap * 0.5;

  _obeya_chart_text_size (ctx, text, size, bold, -1, &w, &h);
  if (bg->alpha > 0.)
    {
      obeya_chart_rounded_rect (ctx->cr, x - xalign * w - m, y - yalign * h,
                                w + 2 * m, h, m);
      _obeya_chart_set_color_alpha (ctx->cr, bg, 0.85);
      cairo_fill (ctx->cr);
    }
  _obeya_chart_draw_text (ctx, text, x, y, xalign, yalign, size, bold, color, -1, 0.);
}

void
_obeya_chart_draw_message (ObeyaChartContext    *ctx,
                           const ObeyaChartRect *area,
                           const char           *message)
{
  _obeya_chart_draw_text (ctx, message,
                          area->x + area->width / 2., area->y + area->height / 2.,
                          0.5, 0.5, OBEYA_CHART_TEXT_EMPTY, FALSE,
                          &ctx->palette->dim_foreground, area->width, 0.);
}

void
obeya_chart_rounded_rect (cairo_t *cr,
                          double   x,
                          double   y,
                          double   width,
                          double   height,
                          double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.);
  if (radius <= 0.)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2., 0.);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0., G_PI / 2.);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2., G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
}

void
_obeya_chart_hatch_path (ObeyaChartContext     *ctx,
                         const ObeyaChartRect  *bounds,
                         const ObeyaChartColor *color,
                         double                 spacing)
{
  cairo_t *cr = ctx->cr;
  double d;

  cairo_save (cr);
  cairo_clip (cr);
  cairo_new_path (cr);
  for (d = -bounds->height; d < bounds->width; d += spacing)
    {
      cairo_move_to (cr, bounds->x + d, bounds->y + bounds->height);
      cairo_line_to (cr, bounds->x + d + bounds->height, bounds->y);
    }
  obeya_chart_set_color (cr, color);
  cairo_set_line_width (cr, MAX (1., spacing / 4.));
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Axes */

static void
axis_measure (ObeyaChartContext *ctx,
              ObeyaChartAxis    *axis)
{
  guint i;

  axis->max_width = 0.;
  axis->max_height = 0.;
  for (i = 0; i < axis->n; i++)
    {
      double w, h;

      _obeya_chart_text_size (ctx, axis->labels[i], OBEYA_CHART_TEXT_NORMAL, FALSE, -1, &w, &h);
      axis->max_width = MAX (axis->max_width, w);
      axis->max_height = MAX (axis->max_height, h);
    }
  axis->stride = 1;
}

void
_obeya_chart_axis_clear (ObeyaChartAxis *axis)
{
  g_clear_pointer (&axis->values, g_free);
  g_clear_pointer (&axis->labels, g_strfreev);
  axis->n = 0;
  axis->max_width = axis->max_height = 0.;
  axis->stride = 1;
}

void
_obeya_chart_axis_init_numeric (ObeyaChartContext     *ctx,
                                ObeyaChartAxis        *axis,
                                const ObeyaChartTicks *ticks,
                                const char            *suffix)
{
  guint i;

  _obeya_chart_axis_clear (axis);
  axis->n = ticks->n;
  axis->values = g_new0 (double, ticks->n);
  axis->labels = g_new0 (char *, ticks->n + 1);
  for (i = 0; i < ticks->n; i++)
    {
      double v = ticks->min + i * ticks->step;

      if (fabs (v) < ticks->step * 1e-9)
        v = 0.;
      axis->values[i] = v;
      axis->labels[i] = _obeya_chart_format_value (v, ticks->decimals, suffix);
    }
  axis_measure (ctx, axis);
}

void
_obeya_chart_axis_init_labels (ObeyaChartContext  *ctx,
                               ObeyaChartAxis     *axis,
                               const double       *values,
                               const char * const *labels,
                               guint               n)
{
  guint i;

  _obeya_chart_axis_clear (axis);
  axis->n = n;
  axis->values = g_memdup2 (values, n * sizeof (double));
  axis->labels = g_new0 (char *, n + 1);
  for (i = 0; i < n; i++)
    axis->labels[i] = g_strdup (labels[i] ? labels[i] : "");
  axis_measure (ctx, axis);
}

void
_obeya_chart_vertical_ticks (ObeyaChartContext *ctx,
                             double             lo,
                             double             hi,
                             double             length,
                             gboolean           integer,
                             ObeyaChartTicks   *ticks)
{
  double spacing = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL) * 2.2;
  guint max_intervals = (guint) CLAMP (floor (length / spacing), 1., 10.);

  _obeya_chart_nice_ticks (lo, hi, max_intervals, integer, ticks);
}

void
_obeya_chart_axis_label_spans (ObeyaChartContext     *ctx,
                               const ObeyaChartAxis  *axis,
                               const ObeyaChartScale *x,
                               double                 left,
                               double                 right,
                               double                *starts,
                               double                *ends)
{
  guint i;

  for (i = 0; i < axis->n; i++)
    {
      double w;
      double cx = _obeya_chart_scale_map (x, axis->values[i]);
      double s;

      _obeya_chart_text_size (ctx, axis->labels[i], OBEYA_CHART_TEXT_NORMAL, FALSE, -1, &w, NULL);
      s = cx - w / 2.;
      if (s + w > right)
        s = right - w;
      if (s < left)
        s = left;
      starts[i] = s;
      ends[i] = s + w;
    }
}

static void
axis_thin (ObeyaChartContext     *ctx,
           ObeyaChartAxis        *axis,
           const ObeyaChartScale *x,
           const ObeyaChartRect  *bounds)
{
  g_autofree double *starts = g_new (double, MAX (axis->n, 1));
  g_autofree double *ends = g_new (double, MAX (axis->n, 1));

  _obeya_chart_axis_label_spans (ctx, axis, x, bounds->x, bounds->x + bounds->width,
                                 starts, ends);
  axis->stride = _obeya_chart_thin_stride (starts, ends, axis->n, ctx->gap * 2.5);
}

void
_obeya_chart_axis_init_dates (ObeyaChartContext     *ctx,
                              ObeyaChartAxis        *axis,
                              guint32                first_day,
                              guint32                last_day,
                              const ObeyaChartScale *x,
                              const ObeyaChartRect  *bounds)
{
  double sample_width;
  double length = fabs (x->p1 - x->p0);
  guint max_ticks;
  guint attempt;

  _obeya_chart_text_size (ctx, "28 Sep", OBEYA_CHART_TEXT_NORMAL, FALSE, -1, &sample_width, NULL);
  max_ticks = (guint) MAX (1., floor (length / (sample_width + ctx->gap * 3.)) + 1.);

  for (attempt = 0; attempt < 8; attempt++)
    {
      ObeyaChartDateUnit unit;
      guint step;
      g_autoptr(GArray) days = _obeya_chart_date_ticks (first_day, last_day, max_ticks,
                                                        &unit, &step);
      GDateYear last_year = 0;
      guint i;

      _obeya_chart_axis_clear (axis);
      axis->n = days->len;
      axis->values = g_new0 (double, MAX (days->len, 1));
      axis->labels = g_new0 (char *, days->len + 1);
      for (i = 0; i < days->len; i++)
        {
          guint32 day = g_array_index (days, guint32, i);
          GDate date;
          gboolean with_year = FALSE;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, day);
          if (unit == OBEYA_CHART_DATE_UNIT_MONTH)
            with_year = i == 0 || g_date_get_year (&date) != last_year;
          else if (unit != OBEYA_CHART_DATE_UNIT_YEAR && last_year != 0)
            with_year = g_date_get_year (&date) != last_year;
          last_year = g_date_get_year (&date);

          axis->values[i] = day;
          axis->labels[i] = _obeya_chart_format_date (day, unit, with_year);
        }
      axis_measure (ctx, axis);
      axis_thin (ctx, axis, x, bounds);
      if (axis->stride == 1 || days->len <= 1)
        return;
      max_ticks = MAX (1, (days->len + axis->stride - 1) / axis->stride);
    }
}

void
_obeya_chart_axis_init_horizontal (ObeyaChartContext *ctx,
                                   ObeyaChartAxis    *axis,
                                   double             lo,
                                   double             hi,
                                   gboolean           integer,
                                   const char        *suffix,
                                   double             length,
                                   ObeyaChartTicks   *ticks)
{
  guint max_intervals = 10;
  guint attempt;

  for (attempt = 0; attempt < 10; attempt++)
    {
      double needed;

      _obeya_chart_nice_ticks (lo, hi, max_intervals, integer, ticks);
      _obeya_chart_axis_init_numeric (ctx, axis, ticks, suffix);
      needed = ticks->n * (axis->max_width + ctx->gap * 3.);
      if (needed <= length || max_intervals == 1)
        return;
      max_intervals = (guint) CLAMP (floor (length / (axis->max_width + ctx->gap * 3.)) - 1., 1.,
                                     (double) max_intervals - 1.);
    }
}

void
_obeya_chart_draw_y_axis (ObeyaChartContext     *ctx,
                          const ObeyaChartAxis  *axis,
                          const ObeyaChartRect  *plot,
                          const ObeyaChartScale *y,
                          gboolean               right,
                          gboolean               grid)
{
  cairo_t *cr = ctx->cr;
  guint i;

  if (grid)
    {
      for (i = 0; i < axis->n; i++)
        {
          double py = _obeya_chart_snap (ctx, _obeya_chart_scale_map (y, axis->values[i]),
                                         ctx->line_width);

          cairo_move_to (cr, plot->x, py);
          cairo_line_to (cr, plot->x + plot->width, py);
        }
      obeya_chart_set_color (cr, &ctx->palette->grid);
      cairo_set_line_width (cr, ctx->line_width);
      cairo_stroke (cr);
    }

  for (i = 0; i < axis->n; i += axis->stride)
    {
      double py = _obeya_chart_scale_map (y, axis->values[i]);

      if (right)
        _obeya_chart_draw_text (ctx, axis->labels[i], plot->x + plot->width + ctx->gap, py,
                                0., 0.5, OBEYA_CHART_TEXT_NORMAL, FALSE,
                                &ctx->palette->dim_foreground, -1, 0.);
      else
        _obeya_chart_draw_text (ctx, axis->labels[i], plot->x - ctx->gap, py,
                                1., 0.5, OBEYA_CHART_TEXT_NORMAL, FALSE,
                                &ctx->palette->dim_foreground, -1, 0.);
    }
}

void
_obeya_chart_draw_x_axis (ObeyaChartContext     *ctx,
                          const ObeyaChartAxis  *axis,
                          const ObeyaChartRect  *plot,
                          const ObeyaChartScale *x,
                          const ObeyaChartRect  *bounds,
                          gboolean               grid)
{
  cairo_t *cr = ctx->cr;
  double bottom = plot->y + plot->height;
  double tick = ctx->gap * 0.8;
  double base = _obeya_chart_snap (ctx, bottom, ctx->line_width);
  g_autofree double *starts = g_new (double, MAX (axis->n, 1));
  g_autofree double *ends = g_new (double, MAX (axis->n, 1));
  guint i;

  if (grid)
    {
      for (i = 0; i < axis->n; i += axis->stride)
        {
          double px = _obeya_chart_snap (ctx, _obeya_chart_scale_map (x, axis->values[i]),
                                         ctx->line_width);

          cairo_move_to (cr, px, plot->y);
          cairo_line_to (cr, px, bottom);
        }
      obeya_chart_set_color (cr, &ctx->palette->grid);
      cairo_set_line_width (cr, ctx->line_width);
      cairo_stroke (cr);
    }

  cairo_move_to (cr, plot->x, base);
  cairo_line_to (cr, plot->x + plot->width, base);
  for (i = 0; i < axis->n; i += axis->stride)
    {
      double px = _obeya_chart_snap (ctx, _obeya_chart_scale_map (x, axis->values[i]),
                                     ctx->line_width);

      cairo_move_to (cr, px, base);
      cairo_line_to (cr, px, base + tick);
    }
  obeya_chart_set_color (cr, &ctx->palette->axis);
  cairo_set_line_width (cr, ctx->line_width);
  cairo_stroke (cr);

  _obeya_chart_axis_label_spans (ctx, axis, x, bounds->x, bounds->x + bounds->width,
                                 starts, ends);
  for (i = 0; i < axis->n; i += axis->stride)
    _obeya_chart_draw_text (ctx, axis->labels[i], starts[i], bottom + tick + ctx->gap * 0.5,
                            0., 0., OBEYA_CHART_TEXT_NORMAL, FALSE,
                            &ctx->palette->dim_foreground, -1, 0.);
}

/* Legends */

static double
legend_swatch (ObeyaChartContext *ctx)
{
  return round (_obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL) * 0.7);
}

void
_obeya_chart_legend_size (ObeyaChartContext          *ctx,
                          const ObeyaChartLegendItem *items,
                          guint                       n,
                          double                      max_width,
                          gboolean                    vertical,
                          double                     *width,
                          double                     *height)
{
  double line = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL);
  double swatch = legend_swatch (ctx);
  double x = 0., w = 0., h = n > 0 ? line : 0.;
  guint i;

  for (i = 0; i < n; i++)
    {
      double tw;
      double sample = items[i].line ? swatch * 1.6 : swatch;
      double item;

      _obeya_chart_text_size (ctx, items[i].label, OBEYA_CHART_TEXT_NORMAL, FALSE,
                              MAX (1., max_width - sample - ctx->gap), &tw, NULL);
      item = sample + ctx->gap + tw;
      if (vertical)
        {
          w = MAX (w, item);
          if (i > 0)
            h += line + ctx->gap * 0.5;
        }
      else
        {
          if (x > 0. && x + ctx->gap * 3. + item > max_width)
            {
              h += line + ctx->gap * 0.5;
              x = 0.;
            }
          x += (x > 0. ? ctx->gap * 3. : 0.) + item;
          w = MAX (w, x);
        }
    }
  if (width)
    *width = w;
  if (height)
    *height = h;
}

void
_obeya_chart_draw_legend (ObeyaChartContext          *ctx,
                          const ObeyaChartLegendItem *items,
                          guint                       n,
                          const ObeyaChartRect       *rect,
                          gboolean                    vertical)
{
  cairo_t *cr = ctx->cr;
  double line = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL);
  double swatch = legend_swatch (ctx);
  double x = rect->x, y = rect->y;
  guint i;

  for (i = 0; i < n; i++)
    {
      double sample = items[i].line ? swatch * 1.6 : swatch;
      double max_text = MAX (1., rect->width - sample - ctx->gap);
      double tw;
      double item;
      double cy;

      _obeya_chart_text_size (ctx, items[i].label, OBEYA_CHART_TEXT_NORMAL, FALSE, max_text,
                              &tw, NULL);
      item = sample + ctx->gap + tw;
      if (!vertical && x > rect->x && x + item > rect->x + rect->width)
        {
          x = rect->x;
          y += line + ctx->gap * 0.5;
        }

      cy = y + line / 2.;
      if (items[i].line)
        {
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + sample, cy);
          if (items[i].dashed)
            {
              double dash[] = { ctx->stroke * 2., ctx->stroke * 1.5 };
              cairo_set_dash (cr, dash, 2, 0.);
            }
          obeya_chart_set_color (cr, items[i].color);
          cairo_set_line_width (cr, ctx->stroke);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0.);
        }
      else
        {
          obeya_chart_rounded_rect (cr, x, cy - swatch / 2., swatch, swatch, swatch * 0.2);
          obeya_chart_set_color (cr, items[i].color);
          cairo_fill (cr);
        }
      _obeya_chart_draw_text (ctx, items[i].label, x + sample + ctx->gap, cy, 0., 0.5,
                              OBEYA_CHART_TEXT_NORMAL, FALSE, &ctx->palette->foreground,
                              max_text, 0.);
      if (vertical)
        y += line + ctx->gap * 0.5;
      else
        x += item + ctx->gap * 3.;
    }
}

/* Plot layouts */

double
_obeya_chart_x_label_band (ObeyaChartContext *ctx)
{
  return _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL) + ctx->gap * 1.3;
}

void
_obeya_chart_layout_value_plot (ObeyaChartContext    *ctx,
                                const ObeyaChartRect *area,
                                double                lo,
                                double                hi,
                                gboolean              integer,
                                const char           *unit,
                                double                bottom,
                                double                right,
                                ObeyaChartRect       *plot,
                                ObeyaChartAxis       *axis,
                                ObeyaChartScale      *y)
{
  double line = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL);
  double top = unit && *unit ? _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_SMALL) + ctx->gap
                             : line / 2.;
  ObeyaChartTicks ticks;

  plot->y = area->y + top;
  plot->height = MAX (1., area->height - top - bottom);
  _obeya_chart_vertical_ticks (ctx, lo, hi, plot->height, integer, &ticks);
  _obeya_chart_axis_init_numeric (ctx, axis, &ticks, NULL);

  plot->x = area->x + axis->max_width + ctx->gap;
  plot->width = MAX (1., area->x + area->width - right - plot->x);

  y->d0 = ticks.min;
  y->d1 = ticks.max;
  y->p0 = plot->y + plot->height;
  y->p1 = plot->y;
}

void
_obeya_chart_draw_caption (ObeyaChartContext    *ctx,
                           const ObeyaChartRect *area,
                           const char           *caption)
{
  if (caption == NULL || *caption == '\0')
    return;
  _obeya_chart_draw_text (ctx, caption, area->x, area->y, 0., 0., OBEYA_CHART_TEXT_SMALL, FALSE,
                          &ctx->palette->dim_foreground, area->width, 0.);
}

void
_obeya_chart_draw_markers (ObeyaChartContext     *ctx,
                           const double          *xy,
                           guint                  n,
                           double                 radius,
                           const ObeyaChartColor *color,
                           gboolean               ring)
{
  cairo_t *cr = ctx->cr;
  guint i;

  if (n == 0)
    return;
  for (i = 0; i < n; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, xy[2 * i], xy[2 * i + 1], radius, 0., 2 * G_PI);
    }
  if (ring && ctx->palette->background.alpha > 0.)
    {
      obeya_chart_set_color (cr, &ctx->palette->background);
      cairo_set_line_width (cr, MAX (1., radius * 0.5));
      cairo_stroke_preserve (cr);
    }
  obeya_chart_set_color (cr, color);
  cairo_fill (cr);
}

/* Categories */

void
_obeya_chart_fit_categories (ObeyaChartContext     *ctx,
                             const char * const    *labels,
                             guint                  n,
                             double                 slot,
                             double                 max_band,
                             ObeyaChartCategoryFit *fit)
{
  double line = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_NORMAL);
  double widest = 0.;
  guint i;

  for (i = 0; i < n; i++)
    {
      double w;

      _obeya_chart_text_size (ctx, labels[i], OBEYA_CHART_TEXT_NORMAL, FALSE, -1, &w, NULL);
      widest = MAX (widest, w);
    }

  fit->stride = 1;
  fit->lines = 1;
  if (widest <= slot - ctx->gap || widest <= line * 2.)
    {
      fit->rotated = FALSE;
      fit->length = MAX (1., slot - ctx->gap * 0.5);
      fit->band = line + ctx->gap * 1.3;
      return;
    }

  /* Two or three lines under each bar, when every label fits in them
   * whole, words unbroken, within the band. */
  for (fit->lines = 2; fit->lines <= 3 && slot - ctx->gap >= line * 3.; fit->lines++)
    {
      gboolean fits = TRUE;
      double tallest = 0.;

      for (i = 0; i < n && fits; i++)
        {
          double h;

          fits = _obeya_chart_text_size_wrapped (ctx, labels[i], OBEYA_CHART_TEXT_NORMAL,
                                                 slot - ctx->gap, fit->lines, NULL, &h);
          tallest = MAX (tallest, h);
        }
      if (fits && tallest + ctx->gap * 1.3 <= max_band)
        {
          fit->rotated = FALSE;
          fit->length = slot - ctx->gap;
          fit->band = tallest + ctx->gap * 1.3;
          return;
        }
    }
  fit->lines = 1;

  fit->rotated = TRUE;
  fit->length = MAX (line, MIN (widest, max_band - ctx->gap * 1.3));
  fit->band = fit->length + ctx->gap * 1.3;
  if (slot < line * 1.1)
    fit->stride = (guint) ceil (line * 1.1 / MAX (slot, 0.1));
}

void
_obeya_chart_draw_categories (ObeyaChartContext           *ctx,
                              const char * const          *labels,
                              guint                        n,
                              const ObeyaChartScale       *x,
                              double                       top,
                              const ObeyaChartCategoryFit *fit)
{
  guint i;

  for (i = 0; i < n; i += fit->stride)
    {
      double cx = _obeya_chart_scale_map (x, i);

      if (fit->rotated)
        _obeya_chart_draw_text (ctx, labels[i], cx, top + ctx->gap, 1., 0.5,
                                OBEYA_CHART_TEXT_NORMAL, FALSE, &ctx->palette->dim_foreground,
                                fit->length, -G_PI / 2.);
      else if (fit->lines > 1)
        _obeya_chart_draw_text_wrapped (ctx, labels[i], cx, top + ctx->gap,
                                        OBEYA_CHART_TEXT_NORMAL, &ctx->palette->dim_foreground,
                                        fit->length, fit->lines);
      else
        {
          double w;

          _obeya_chart_text_size (ctx, labels[i], OBEYA_CHART_TEXT_NORMAL, FALSE, fit->length,
                                  &w, NULL);
          _obeya_chart_draw_text (ctx, labels[i], cx - w / 2., top + ctx->gap, 0., 0.,
                                  OBEYA_CHART_TEXT_NORMAL, FALSE, &ctx->palette->dim_foreground,
                                  fit->length, 0.);
        }
    }
}

void
_obeya_chart_draw_reference (ObeyaChartContext     *ctx,
                             const ObeyaChartRect  *plot,
                             double                 py,
                             const char            *label,
                             const ObeyaChartColor *color,
                             gboolean               dashed)
{
  cairo_t *cr = ctx->cr;
  double lh = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_SMALL);
  gboolean above = py - lh - ctx->gap * 0.5 >= plot->y;

  cairo_move_to (cr, plot->x, py);
  cairo_line_to (cr, plot->x + plot->width, py);
  if (dashed)
    {
      double dash[] = { ctx->stroke * 2., ctx->stroke * 1.5 };

      cairo_set_dash (cr, dash, 2, 0.);
    }
  obeya_chart_set_color (cr, color);
  cairo_set_line_width (cr, MAX (1., ctx->stroke * 0.75));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.);

  if (label && *label)
    _obeya_chart_draw_label (ctx, label, plot->x + plot->width - ctx->gap,
                             above ? py - ctx->stroke * 0.5 : py + ctx->stroke * 0.5,
                             1., above ? 1. : 0., OBEYA_CHART_TEXT_SMALL, TRUE, color);
}

/* Side labels */

double
_obeya_chart_side_labels_width (ObeyaChartContext         *ctx,
                                const ObeyaChartSideLabel *labels,
                                guint                      n,
                                double                     max_width)
{
  double widest = 0.;
  guint i;

  for (i = 0; i < n; i++)
    {
      double w;

      _obeya_chart_text_size (ctx, labels[i].text, OBEYA_CHART_TEXT_SMALL, TRUE, -1, &w, NULL);
      widest = MAX (widest, w);
    }
  return MIN (widest, max_width);
}

void
_obeya_chart_draw_side_labels (ObeyaChartContext         *ctx,
                               const ObeyaChartSideLabel *labels,
                               guint                      n,
                               double                     x,
                               double                     top,
                               double                     bottom,
                               double                     max_width)
{
  double line = _obeya_chart_line_height (ctx, OBEYA_CHART_TEXT_SMALL);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree double *placed = g_new (double, MAX (n, 1));
  guint i, j;

  /* Top to bottom by the height of their lines. */
  for (i = 0; i < n; i++)
    order[i] = i;
  for (i = 1; i < n; i++)
    for (j = i; j > 0 && labels[order[j]].y < labels[order[j - 1]].y; j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  /* Push down past the one above, then back up from the bottom. */
  for (i = 0; i < n; i++)
    {
      placed[i] = MAX (labels[order[i]].y, top + line / 2.);
      if (i > 0 && placed[i] < placed[i - 1] + line)
        placed[i] = placed[i - 1] + line;
    }
  for (i = n; i-- > 0;)
    {
      double limit = i + 1 < n ? placed[i + 1] - line : bottom - line / 2.;

      placed[i] = MIN (placed[i], limit);
    }

  for (i = 0; i < n; i++)
    _obeya_chart_draw_text (ctx, labels[order[i]].text, x, placed[i], 0., 0.5,
                            OBEYA_CHART_TEXT_SMALL, TRUE, labels[order[i]].color, max_width, 0.);
}
