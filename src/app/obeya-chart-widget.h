/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaChartWidget: shows any ObeyaChart (src/charts) in the app. It paints
 * through the chart's own cairo code (gtk_snapshot_append_cairo), the same
 * code that writes PNG, SVG and PDF, with the palette that follows the
 * desktop style (light, dark, high contrast), and redraws on the chart's
 * ::changed.
 *
 * When exportable (the default), a small menu button in the top right
 * corner (shown on hover and on keyboard focus), a right click, a long
 * press, Shift+F10 or the Menu key offer:
 *   chart.copy     a PNG of the chart on the clipboard
 *   chart.save-as  a file chooser; PNG, SVG or PDF by the name's extension
 *                  (or the chosen filter)
 * Exports always use the light palette (or the light high-contrast one):
 * they end up in documents, e-mails and print. Their size is the widget's,
 * scaled up to at least OBEYA_CHART_WIDGET_EXPORT_MIN on the longer side.
 * They carry a title: the chart's own, else the export name (so a view
 * that names the chart already can leave the chart's title unset).
 * Results are reported as a toast in the nearest AdwToastOverlay.
 *
 * Hit testing: the chart was drawn at (0, 0, width, height) of the widget,
 * so obeya_chart_map(), obeya_chart_get_plot_area() and chart helpers such
 * as obeya_letter_calendar_get_day_rect() give widget coordinates.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-charts.h"

G_BEGIN_DECLS

#define OBEYA_CHART_WIDGET_EXPORT_MIN 960

/* The font scale of the app's full charts (a metric's run chart and Pareto,
 * 5S trends and bars): the chart library sizes type for the drawing (2 %
 * of its smaller side, at least 10 px), which on a 250-pixel-high card is
 * smaller than the text around it. Exports scale with it too. */
#define OBEYA_CHART_WIDGET_FONT_SCALE 1.25

#define OBEYA_TYPE_CHART_WIDGET (obeya_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaChartWidget, obeya_chart_widget, OBEYA, CHART_WIDGET, GtkWidget)

GtkWidget               *obeya_chart_widget_new             (ObeyaChart       *chart);

ObeyaChart              *obeya_chart_widget_get_chart       (ObeyaChartWidget *self);
void                     obeya_chart_widget_set_chart       (ObeyaChartWidget *self,
                                                             ObeyaChart       *chart);

/* TRUE: the chart's background is not painted (a chart on a card or a
 * tile lets the CSS background show). Default FALSE. */
gboolean                 obeya_chart_widget_get_transparent (ObeyaChartWidget *self);
void                     obeya_chart_widget_set_transparent (ObeyaChartWidget *self,
                                                             gboolean          transparent);

/* Where the keyboard is inside the chart (a calendar's day): called right
 * after each draw, while the widget has the focus, so it can use the
 * chart's hit-test data of that draw (obeya_letter_calendar_get_day_rect());
 * returns FALSE for no ring, else fills @rect in widget coordinates, which
 * is ringed in the accent colour. The owner calls gtk_widget_queue_draw()
 * when its answer changes. NULL: no ring (the default). */
typedef gboolean (*ObeyaChartWidgetFocusFunc) (ObeyaChartWidget *self,
                                               graphene_rect_t  *rect,
                                               gpointer          user_data);

void                     obeya_chart_widget_set_focus_func  (ObeyaChartWidget          *self,
                                                             ObeyaChartWidgetFocusFunc  func,
                                                             gpointer                   user_data);

/* TRUE: the high-contrast palettes (light or dark, following the style)
 * even when the desktop does not ask for high contrast: the stand-up
 * mode's TV. Default FALSE. */
gboolean                 obeya_chart_widget_get_high_contrast (ObeyaChartWidget *self);
void                     obeya_chart_widget_set_high_contrast (ObeyaChartWidget *self,
                                                               gboolean          high_contrast);

/* TRUE (the default): Copy and Save As are offered. */
gboolean                 obeya_chart_widget_get_exportable  (ObeyaChartWidget *self);
void                     obeya_chart_widget_set_exportable  (ObeyaChartWidget *self,
                                                             gboolean          exportable);

/* The file name Save As suggests, without extension; NULL: the chart's
 * title, else "Chart". */
const char              *obeya_chart_widget_get_export_name (ObeyaChartWidget *self);
void                     obeya_chart_widget_set_export_name (ObeyaChartWidget *self,
                                                             const char       *name);

/* The palette the widget draws with now (owned by the widget). */
const ObeyaChartPalette *obeya_chart_widget_get_palette     (ObeyaChartWidget *self);
/* The palette exports use (static data). */
const ObeyaChartPalette *obeya_chart_widget_get_export_palette (ObeyaChartWidget *self);

/* The size of an export, in pixels (PNG) or points (SVG, PDF). */
void                     obeya_chart_widget_get_export_size (ObeyaChartWidget *self,
                                                             double           *width,
                                                             double           *height);

/* What Save As and Copy do, without the file chooser or the clipboard. */
gboolean                 obeya_chart_widget_save            (ObeyaChartWidget *self,
                                                             const char       *path,
                                                             ObeyaChartFormat  format,
                                                             GError          **error);
GdkTexture              *obeya_chart_widget_render_texture  (ObeyaChartWidget *self,
                                                             int               scale,
                                                             GError          **error);

G_END_DECLS
