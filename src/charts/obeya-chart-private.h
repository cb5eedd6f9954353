/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal API of src/charts: the drawing context every chart draws with,
 * text and axis helpers, tick steps, label thinning and number and date
 * formatting. Not for use outside src/charts (tests excepted).
 */
#pragma once

#include <pango/pangocairo.h>

#include "obeya-chart.h"

G_BEGIN_DECLS

/* One draw: what every helper needs. Sizes are in user-space units. */
struct _ObeyaChartContext
{
  cairo_t                 *cr;
  const ObeyaChartPalette *palette;
  double                   width;
  double                   height;
  double                   font_size;  /* tick labels; the base of all type */
  double                   line_width; /* hairlines: grid, axes, ticks */
  double                   stroke;     /* data lines */
  double                   pad;        /* outer padding */
  double                   gap;        /* between a label and what it labels */
  PangoLayout             *layout;
  PangoFontDescription    *font;
};

/* Type sizes, as multiples of ctx->font_size. */
#define OBEYA_CHART_TEXT_SMALL  0.85
#define OBEYA_CHART_TEXT_NORMAL 1.0
#define OBEYA_CHART_TEXT_TITLE  1.3
#define OBEYA_CHART_TEXT_EMPTY  1.2

/* A linear map from data to user space. */
typedef struct
{
  double d0, d1;   /* data */
  double p0, p1;   /* user space */
} ObeyaChartScale;

static inline double
_obeya_chart_scale_map (const ObeyaChartScale *scale,
                        double                 value)
{
  if (scale->d1 == scale->d0)
    return (scale->p0 + scale->p1) / 2.;
  return scale->p0 + (value - scale->d0) * (scale->p1 - scale->p0) / (scale->d1 - scale->d0);
}

/* Numeric ticks: min, min + step, ..., max (n values). */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n;
  int    decimals;  /* decimals needed to tell the ticks apart */
} ObeyaChartTicks;

typedef enum
{
  OBEYA_CHART_DATE_UNIT_DAY,
  OBEYA_CHART_DATE_UNIT_WEEK,
  OBEYA_CHART_DATE_UNIT_MONTH,
  OBEYA_CHART_DATE_UNIT_YEAR,
} ObeyaChartDateUnit;

/* An axis of labelled ticks (numeric, date or category). */
typedef struct
{
  guint    n;
  double  *values;      /* data coordinate of each tick */
  char   **labels;      /* NULL-terminated, n labels */
  double   max_width;   /* widest label */
  double   max_height;  /* tallest label */
  guint    stride;      /* draw every stride-th label (1 = all) */
} ObeyaChartAxis;

typedef struct
{
  const char            *label;
  const ObeyaChartColor *color;
  gboolean               line;   /* a line sample instead of a swatch */
  gboolean               dashed;
} ObeyaChartLegendItem;

/* obeya-chart.c */
void     _obeya_chart_emit_changed      (ObeyaChart              *self);
/* Notifies @pspec (when not NULL) and emits ::changed. */
void     _obeya_chart_notify            (ObeyaChart              *self,
                                         GParamSpec              *pspec);
/* Sets a value span (*@min_field, *@max_field; NAN is none) and emits
 * ::changed when it differs. */
void     _obeya_chart_set_span          (ObeyaChart              *self,
                                         double                  *min_field,
                                         double                  *max_field,
                                         double                   min,
                                         double                   max);
/* Replaces *@field with a copy of @value and notifies; FALSE when equal. */
gboolean _obeya_chart_set_string        (ObeyaChart              *self,
                                         char                   **field,
                                         const char              *value,
                                         GParamSpec              *pspec);
void     _obeya_chart_set_mapping       (ObeyaChart              *self,
                                         const ObeyaChartRect    *plot,
                                         const ObeyaChartScale   *x,
                                         const ObeyaChartScale   *y);

/* obeya-chart-context.c */
ObeyaChartContext *_obeya_chart_context_new  (cairo_t                 *cr,
                                              double                   width,
                                              double                   height,
                                              const ObeyaChartPalette *palette,
                                              double                   font_scale,
                                              const char              *font_family);
void     _obeya_chart_context_free      (ObeyaChartContext       *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObeyaChartContext, _obeya_chart_context_free)

void     _obeya_chart_set_color_alpha   (cairo_t                 *cr,
                                         const ObeyaChartColor   *color,
                                         double                   alpha);
/* Black or white ink, whichever reads better on @fill. */
const ObeyaChartColor *_obeya_chart_ink_on (const ObeyaChartColor *fill);
/* An automatic colour (alpha 0) becomes @fallback. */
const ObeyaChartColor *_obeya_chart_resolve_color (const ObeyaChartColor *color,
                                                   const ObeyaChartColor *fallback);

/* Pixel snapping for crisp hairlines. */
double   _obeya_chart_snap              (ObeyaChartContext       *ctx,
                                         double                   coordinate,
                                         double                   line_width);

/* Text. @size is a multiple of ctx->font_size. @max_width > 0 ellipsizes. */
void     _obeya_chart_text_size         (ObeyaChartContext       *ctx,
                                         const char              *text,
                                         double                   size,
                                         gboolean                 bold,
                                         double                   max_width,
                                         double                  *width,
                                         double                  *height);
/* Draws @text so that the point (@xalign, @yalign) of its box (0 = left or
 * top, 1 = right or bottom) lands on (@x, @y), rotated by @angle radians
 * about that point. */
void     _obeya_chart_draw_text         (ObeyaChartContext       *ctx,
                                         const char              *text,
                                         double                   x,
                                         double                   y,
                                         double                   xalign,
                                         double                   yalign,
                                         double                   size,
                                         gboolean                 bold,
                                         const ObeyaChartColor   *color,
                                         double                   max_width,
                                         double                   angle);
/* Like _obeya_chart_draw_text() with a background-coloured halo behind the
 * text so it reads over lines and points. */
void     _obeya_chart_draw_label        (ObeyaChartContext       *ctx,
                                         const char              *text,
                                         double                   x,
                                         double                   y,
                                         double                   xalign,
                                         double                   yalign,
                                         double                   size,
                                         gboolean                 bold,
                                         const ObeyaChartColor   *color);
/* Wrapped text, centred, in at most @lines lines of @max_width; the size
 * functions returns FALSE when the text had to be ellipsized. */
gboolean _obeya_chart_text_size_wrapped (ObeyaChartContext       *ctx,
                                         const char              *text,
                                         double                   size,
                                         double                   max_width,
                                         int                      lines,
                                         double                  *width,
                                         double                  *height);
/* Draws it with the top centre of its box at (@x, @y). */
void     _obeya_chart_draw_text_wrapped (ObeyaChartContext       *ctx,
                                         const char              *text,
                                         double                   x,
                                         double                   y,
                                         double                   size,
                                         const ObeyaChartColor   *color,
                                         double                   max_width,
                                         int                      lines);
double   _obeya_chart_line_height       (ObeyaChartContext       *ctx,
                                         double                   size);

void     _obeya_chart_draw_message      (ObeyaChartContext       *ctx,
                                         const ObeyaChartRect    *area,
                                         const char              *message);

/* Diagonal hatching over the current path (which it consumes). */
void     _obeya_chart_hatch_path        (ObeyaChartContext       *ctx,
                                         const ObeyaChartRect    *bounds,
                                         const ObeyaChartColor   *color,
                                         double                   spacing);

/* Axes. */
void     _obeya_chart_axis_init_numeric (ObeyaChartContext       *ctx,
                                         ObeyaChartAxis          *axis,
                                         const ObeyaChartTicks   *ticks,
                                         const char              *suffix);
void     _obeya_chart_axis_init_labels  (ObeyaChartContext       *ctx,
                                         ObeyaChartAxis          *axis,
                                         const double            *values,
                                         const char * const      *labels,
                                         guint                    n);
void     _obeya_chart_axis_clear        (ObeyaChartAxis          *axis);
/* Numeric ticks whose labels fit a vertical axis of @length. */
void     _obeya_chart_vertical_ticks    (ObeyaChartContext       *ctx,
                                         double                   lo,
                                         double                   hi,
                                         double                   length,
                                         gboolean                 integer,
                                         ObeyaChartTicks         *ticks);
/* Date ticks whose labels fit a horizontal axis (@x maps days). */
void     _obeya_chart_axis_init_dates   (ObeyaChartContext       *ctx,
                                         ObeyaChartAxis          *axis,
                                         guint32                  first_day,
                                         guint32                  last_day,
                                         const ObeyaChartScale   *x,
                                         const ObeyaChartRect    *bounds);
/* Numeric ticks whose labels fit a horizontal axis (@x maps values). */
void     _obeya_chart_axis_init_horizontal (ObeyaChartContext    *ctx,
                                            ObeyaChartAxis       *axis,
                                            double                lo,
                                            double                hi,
                                            gboolean              integer,
                                            const char           *suffix,
                                            double                length,
                                            ObeyaChartTicks      *ticks);
/* Gridlines and labels of a value axis on the left or right of @plot. */
void     _obeya_chart_draw_y_axis       (ObeyaChartContext       *ctx,
                                         const ObeyaChartAxis    *axis,
                                         const ObeyaChartRect    *plot,
                                         const ObeyaChartScale   *y,
                                         gboolean                 right,
                                         gboolean                 grid);
/* The baseline, tick marks and labels under @plot, labels kept inside
 * @bounds. */
void     _obeya_chart_draw_x_axis       (ObeyaChartContext       *ctx,
                                         const ObeyaChartAxis    *axis,
                                         const ObeyaChartRect    *plot,
                                         const ObeyaChartScale   *x,
                                         const ObeyaChartRect    *bounds,
                                         gboolean                 grid);
/* The centre x of each label of a horizontal axis, moved inside
 * [@left, @right] so no label is cut at the edges. */
void     _obeya_chart_axis_label_spans  (ObeyaChartContext       *ctx,
                                         const ObeyaChartAxis    *axis,
                                         const ObeyaChartScale   *x,
                                         double                   left,
                                         double                   right,
                                         double                  *starts,
                                         double                  *ends);

/* A plot with a value axis on the left: the plot rectangle inside @area
 * leaving room for the tick labels, a caption line for @unit at the top
 * (or half a line so the top label is not cut), @bottom below (use
 * _obeya_chart_x_label_band() for one row of labels) and @right on the
 * right. Fills @axis with the tick labels and @y with the value scale. */
void     _obeya_chart_layout_value_plot (ObeyaChartContext       *ctx,
                                         const ObeyaChartRect    *area,
                                         double                   lo,
                                         double                   hi,
                                         gboolean                 integer,
                                         const char              *unit,
                                         double                   bottom,
                                         double                   right,
                                         ObeyaChartRect          *plot,
                                         ObeyaChartAxis          *axis,
                                         ObeyaChartScale         *y);
/* The height one row of x-axis labels takes below a plot. */
double   _obeya_chart_x_label_band      (ObeyaChartContext       *ctx);
/* The unit of the value axis, above its labels at the top left of @area. */
void     _obeya_chart_draw_caption      (ObeyaChartContext       *ctx,
                                         const ObeyaChartRect    *area,
                                         const char              *caption);
/* Marks @n points (x, y pairs) with discs of @radius in @color. */
void     _obeya_chart_draw_markers      (ObeyaChartContext       *ctx,
                                         const double            *xy,
                                         guint                    n,
                                         double                   radius,
                                         const ObeyaChartColor   *color,
                                         gboolean                 ring);

/* Category labels under vertical bars: level when they fit their slot
 * (wrapped in two lines when that is enough), else turned to read
 * upwards, ellipsized to @max_band, thinned when even that overlaps. */
typedef struct
{
  gboolean rotated;
  double   length;  /* ellipsize labels to this (along the text) */
  double   band;    /* the height they take below the plot */
  guint    stride;
  int      lines;   /* level labels wrap in this many lines */
} ObeyaChartCategoryFit;

void     _obeya_chart_fit_categories    (ObeyaChartContext       *ctx,
                                         const char * const      *labels,
                                         guint                    n,
                                         double                   slot,
                                         double                   max_band,
                                         ObeyaChartCategoryFit   *fit);
void     _obeya_chart_draw_categories   (ObeyaChartContext       *ctx,
                                         const char * const      *labels,
                                         guint                    n,
                                         const ObeyaChartScale   *x,
                                         double                   top,
                                         const ObeyaChartCategoryFit *fit);
/* A horizontal dashed reference line across @plot at @py, labelled at its
 * right end (above it when there is room). */
void     _obeya_chart_draw_reference    (ObeyaChartContext       *ctx,
                                         const ObeyaChartRect    *plot,
                                         double                   py,
                                         const char              *label,
                                         const ObeyaChartColor   *color,
                                         gboolean                 dashed);

/* Labels of horizontal lines in a column right of the plot, each at its
 * line's height, pushed apart so none overlaps and kept between @top and
 * @bottom. */
typedef struct
{
  const char            *text;
  double                 y;
  const ObeyaChartColor *color;
} ObeyaChartSideLabel;

double   _obeya_chart_side_labels_width (ObeyaChartContext       *ctx,
                                         const ObeyaChartSideLabel *labels,
                                         guint                    n,
                                         double                   max_width);
void     _obeya_chart_draw_side_labels  (ObeyaChartContext       *ctx,
                                         const ObeyaChartSideLabel *labels,
                                         guint                    n,
                                         double                   x,
                                         double                   top,
                                         double                   bottom,
                                         double                   max_width);

/* Legends. */
void     _obeya_chart_legend_size       (ObeyaChartContext       *ctx,
                                         const ObeyaChartLegendItem *items,
                                         guint                    n,
                                         double                   max_width,
                                         gboolean                 vertical,
                                         double                  *width,
                                         double                  *height);
void     _obeya_chart_draw_legend       (ObeyaChartContext       *ctx,
                                         const ObeyaChartLegendItem *items,
                                         guint                    n,
                                         const ObeyaChartRect    *rect,
                                         gboolean                 vertical);

/* obeya-chart-scale.c: pure helpers, unit-tested. */
double   _obeya_chart_nice_step         (double                   span,
                                         guint                    max_intervals);
void     _obeya_chart_nice_ticks        (double                   lo,
                                         double                   hi,
                                         guint                    max_intervals,
                                         gboolean                 integer,
                                         ObeyaChartTicks         *ticks);
guint    _obeya_chart_thin_stride       (const double            *starts,
                                         const double            *ends,
                                         guint                    n,
                                         double                   min_gap);
/* Date ticks (julian days) between @first_day and @last_day, at most
 * @max_ticks of them, on the finest unit that fits: 1 or 2 days, 1 or 2
 * weeks (Mondays), 1, 3 (quarters) or 6 months, 1, 2, 5, 10... years. */
GArray  *_obeya_chart_date_ticks        (guint32                  first_day,
                                         guint32                  last_day,
                                         guint                    max_ticks,
                                         ObeyaChartDateUnit      *unit,
                                         guint                   *step);
char    *_obeya_chart_format_date       (guint32                  day,
                                         ObeyaChartDateUnit       unit,
                                         gboolean                 with_year);
char    *_obeya_chart_format_number     (double                   value,
                                         int                      decimals);
char    *_obeya_chart_format_number_full (double                  value,
                                          int                     decimals,
                                          const char             *decimal_point,
                                          const char             *thousands_sep,
                                          const char             *grouping);
/* A number followed by @unit ("12 d", "95 %"); @unit NULL or "" gives the
 * number alone. */
char    *_obeya_chart_format_value      (double                   value,
                                         int                      decimals,
                                         const char              *unit);
int      _obeya_chart_decimals_for_step (double                   step);
/* Sorts @points by day (stable). */
void     _obeya_chart_sort_points       (ObeyaChartPoint         *points,
                                         gsize                    n);
/* Mean and median of the finite values of @values; NAN when none. */
double   _obeya_chart_mean              (const double            *values,
                                         gsize                    n);
double   _obeya_chart_median            (const double            *values,
                                         gsize                    n);

/* PNG bytes of an ARGB32 image surface (obeya-png.c). */
GBytes *_obeya_png_encode (cairo_surface_t  *image,
                           GError          **error);

G_END_DECLS
