/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaChart: the abstract base of every chart. A chart holds plain data and
 * draws into ANY cairo_t at a given size: the app's widget, a PNG, SVG or
 * PDF export without a display, and the test images all use one code path.
 *
 * Type, line widths and padding are derived from the drawing size, so the
 * same chart reads at 320x200 in a sidebar and from four metres on a
 * 1920x1080 TV. When there is nothing to show, a chart draws a centred
 * "No data yet" and no axes.
 *
 * After a draw, obeya_chart_get_plot_area() and obeya_chart_map() tell where
 * the data went (for tooltips and hit testing in the app).
 */
#pragma once

#include <cairo.h>

#include "obeya-chart-types.h"
#include "obeya-chart-palette.h"

G_BEGIN_DECLS

#define OBEYA_CHART_ERROR (obeya_chart_error_quark ())

typedef enum
{
  OBEYA_CHART_ERROR_FORMAT,  /* unknown or missing file format */
  OBEYA_CHART_ERROR_SIZE,    /* width or height not usable */
  OBEYA_CHART_ERROR_RENDER,  /* cairo failed */
  OBEYA_CHART_ERROR_WRITE,   /* the file could not be written */
} ObeyaChartError;

#define OBEYA_TYPE_CHART (obeya_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (ObeyaChart, obeya_chart, OBEYA, CHART, GObject)

struct _ObeyaChartClass
{
  GObjectClass parent_class;

  /* TRUE when there is nothing to draw: the base class then draws the
   * empty state instead of calling draw(). */
  gboolean (*is_empty)   (ObeyaChart              *self);

  /* Draws the chart into @area (the drawing minus padding and title).
   * Helpers for text, axes and colours are in obeya-chart-private.h. */
  void     (*draw)       (ObeyaChart              *self,
                          ObeyaChartContext       *ctx,
                          const ObeyaChartRect    *area);

  /* Optional: the empty state (default: a centred message). */
  void     (*draw_empty) (ObeyaChart              *self,
                          ObeyaChartContext       *ctx,
                          const ObeyaChartRect    *area);

  /* TRUE for charts that use every pixel (sparklines): no outer padding
   * and no title. */
  gboolean tight;

  /*< private >*/
  gpointer padding[7];
};

GQuark           obeya_chart_error_quark          (void);

/* Draws into @cr at (0, 0, @width, @height) of its user space. Nothing is
 * drawn outside that rectangle. @palette NULL means the light palette. */
void             obeya_chart_draw                 (ObeyaChart               *self,
                                                   cairo_t                  *cr,
                                                   double                    width,
                                                   double                    height,
                                                   const ObeyaChartPalette  *palette);

/* Writes the chart to @path. PNG sizes are pixels, SVG and PDF sizes are
 * points (1/72 in). FORMAT_AUTO picks the format from the extension of
 * @path (.png, .svg, .pdf). The file is replaced atomically. */
gboolean         obeya_chart_export               (ObeyaChart               *self,
                                                   const char               *path,
                                                   ObeyaChartFormat          format,
                                                   double                    width,
                                                   double                    height,
                                                   const ObeyaChartPalette  *palette,
                                                   GError                  **error);

/* The bytes of the file obeya_chart_export() would write. @format must not
 * be AUTO. */
GBytes          *obeya_chart_render_bytes         (ObeyaChart               *self,
                                                   ObeyaChartFormat          format,
                                                   double                    width,
                                                   double                    height,
                                                   const ObeyaChartPalette  *palette,
                                                   GError                  **error);

/* A PNG of the chart, @width x @height logical pixels at @scale device
 * pixels each (2 for a HiDPI copy): what the app puts on the clipboard. */
GBytes          *obeya_chart_render_png_bytes     (ObeyaChart               *self,
                                                   int                       width,
                                                   int                       height,
                                                   int                       scale,
                                                   const ObeyaChartPalette  *palette,
                                                   GError                  **error);

/* Guesses the format from the extension of @path; AUTO when unknown. */
ObeyaChartFormat obeya_chart_format_from_path     (const char               *path);

const char      *obeya_chart_get_title            (ObeyaChart               *self);
void             obeya_chart_set_title            (ObeyaChart               *self,
                                                   const char               *title);

/* The message of the empty state; NULL restores "No data yet". */
const char      *obeya_chart_get_empty_message    (ObeyaChart               *self);
void             obeya_chart_set_empty_message    (ObeyaChart               *self,
                                                   const char               *message);

/* Multiplies the size-derived type size (1.0 = automatic). */
double           obeya_chart_get_font_scale       (ObeyaChart               *self);
void             obeya_chart_set_font_scale       (ObeyaChart               *self,
                                                   double                    font_scale);

/* A Pango family list; NULL means "Cantarell, Sans". */
const char      *obeya_chart_get_font_family      (ObeyaChart               *self);
void             obeya_chart_set_font_family      (ObeyaChart               *self,
                                                   const char               *font_family);

/* TRUE when the chart has nothing to show. */
gboolean         obeya_chart_is_empty             (ObeyaChart               *self);

/* Valid after a draw: the rectangle of the data (inside the axes) in the
 * user space of the last draw. FALSE before the first draw or when the
 * last draw was the empty state. */
gboolean         obeya_chart_get_plot_area        (ObeyaChart               *self,
                                                   ObeyaChartRect           *area);

/* Valid after a draw: where data coordinates (@x: a julian day, a category
 * index or a value, as the chart uses it; @y: a value) were drawn. */
gboolean         obeya_chart_map                  (ObeyaChart               *self,
                                                   double                    x,
                                                   double                    y,
                                                   double                   *px,
                                                   double                   *py);

/* Drawing helpers for pages drawn around charts (the PDF report): the
 * colour as the cairo source, and a rounded rectangle path (the radius is
 * clamped to half the shorter side; 0 is a plain rectangle). */
void             obeya_chart_set_color            (cairo_t                  *cr,
                                                   const ObeyaChartColor    *color);
void             obeya_chart_rounded_rect         (cairo_t                  *cr,
                                                   double                    x,
                                                   double                    y,
                                                   double                    width,
                                                   double                    height,
                                                   double                    radius);

G_END_DECLS
