/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart tests: the pure axis helpers, then every chart drawn into cairo
 * image surfaces with its pixels checked where the data must be, then the
 * PNG/SVG/PDF exports.
 */
#define G_LOG_DOMAIN "obeya-test"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "obeya-charts.h"
#include "obeya-chart-private.h"

/* Helpers */

static guint32
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static cairo_surface_t *
render (ObeyaChart      *chart,
        int              width,
        int              height,
        ObeyaChartStyle  style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  obeya_chart_draw (chart, cr, width, height, obeya_chart_palette_get (style));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Unpremultiplied 0..255 components of the pixel at (x, y). */
static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double          *r,
          double          *g,
          double          *b,
          double          *a)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;
  double alpha;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  p = *(const guint32 *) (data + y * stride + x * 4);
  alpha = (p >> 24) & 0xff;
  *a = alpha;
  if (alpha == 0)
    {
      *r = *g = *b = 0;
      return;
    }
  *r = ((p >> 16) & 0xff) * 255. / alpha;
  *g = ((p >> 8) & 0xff) * 255. / alpha;
  *b = (p & 0xff) * 255. / alpha;
}

static gboolean
pixel_is (cairo_surface_t       *surface,
          int                    x,
          int                    y,
          const ObeyaChartColor *color,
          double                 tolerance)
{
  double r, g, b, a;

  pixel_at (surface, x, y, &r, &g, &b, &a);
  return a > 0 &&
         fabs (r - color->red * 255.) <= tolerance &&
         fabs (g - color->green * 255.) <= tolerance &&
         fabs (b - color->blue * 255.) <= tolerance;
}

/* TRUE when a pixel of @color is within @radius of (x, y). */
static gboolean
color_near (cairo_surface_t       *surface,
            double                 x,
            double                 y,
            int                    radius,
            const ObeyaChartColor *color)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int i, j;

  for (j = (int) y - radius; j <= (int) y + radius; j++)
    for (i = (int) x - radius; i <= (int) x + radius; i++)
      if (i >= 0 && j >= 0 && i < w && j < h && pixel_is (surface, i, j, color, 24))
        return TRUE;
  return FALSE;
}


/* TRUE when the pixel is @color blended over @background by at least 30 %:
 * what an antialiased thin line leaves. */
static gboolean
pixel_blends (cairo_surface_t       *surface,
              int                    x,
              int                    y,
              const ObeyaChartColor *color,
              const ObeyaChartColor *background)
{
  double r, g, b, a;
  double d[3], v[3], t, len2, dist2 = 0.;
  int i;

  pixel_at (surface, x, y, &r, &g, &b, &a);
  d[0] = color->red * 255. - background->red * 255.;
  d[1] = color->green * 255. - background->green * 255.;
  d[2] = color->blue * 255. - background->blue * 255.;
  v[0] = r - background->red * 255.;
  v[1] = g - background->green * 255.;
  v[2] = b - background->blue * 255.;
  len2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  t = (v[0] * d[0] + v[1] * d[1] + v[2] * d[2]) / len2;
  for (i = 0; i < 3; i++)
    dist2 += (v[i] - t * d[i]) * (v[i] - t * d[i]);
  return t > 0.3 && t < 1.1 && dist2 < 20. * 20.;
}

/* How many columns of [x0, x1) show @color within a row of @y. */
static int
row_hits (cairo_surface_t       *surface,
          double                 x0,
          double                 x1,
          double                 y,
          const ObeyaChartColor *color,
          const ObeyaChartColor *background)
{
  int x, dy, hits = 0;

  for (x = (int) x0; x < (int) x1; x++)
    for (dy = -1; dy <= 1; dy++)
      if (pixel_blends (surface, x, (int) y + dy, color, background))
        {
          hits++;
          break;
        }
  return hits;
}

/* The number of pixels that differ from the background. */
static guint
count_ink (cairo_surface_t       *surface,
           const ObeyaChartColor *background)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint n = 0;
  int i, j;

  for (j = 0; j < h; j++)
    for (i = 0; i < w; i++)
      if (!pixel_is (surface, i, j, background, 8))
        n++;
  return n;
}

/* The longest horizontal or vertical run of non-background pixels: an axis
 * or a grid line makes a long one, text does not. */
static int
longest_run (cairo_surface_t       *surface,
             const ObeyaChartColor *background)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int best = 0;
  int i, j, run;

  for (j = 0; j < h; j++)
    for (i = 0, run = 0; i < w; i++)
      {
        run = pixel_is (surface, i, j, background, 8) ? 0 : run + 1;
        best = MAX (best, run);
      }
  for (i = 0; i < w; i++)
    for (j = 0, run = 0; j < h; j++)
      {
        run = pixel_is (surface, i, j, background, 8) ? 0 : run + 1;
        best = MAX (best, run);
      }
  return best;
}

static const ObeyaChartPalette *
light (void)
{
  return obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT);
}

/* Tick steps, thinning, formatting */

static void
test_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (_obeya_chart_nice_step (10., 5), 2., 1e-12);
  g_assert_cmpfloat_with_epsilon (_obeya_chart_nice_step (97., 10), 10., 1e-12);
  g_assert_cmpfloat_with_epsilon (_obeya_chart_nice_step (1., 4), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (_obeya_chart_nice_step (0.07, 5), 0.02, 1e-12);
  g_assert_cmpfloat_with_epsilon (_obeya_chart_nice_step (3000., 6), 500., 1e-9);
  g_assert_cmpfloat_with_epsilon (_obeya_chart_nice_step (0., 6), 1., 1e-12);
}

static void
test_nice_ticks (void)
{
  ObeyaChartTicks t;

  _obeya_chart_nice_ticks (0., 97., 5, FALSE, &t);
  g_assert_cmpfloat (t.min, ==, 0.);
  g_assert_cmpfloat (t.max, ==, 100.);
  g_assert_cmpfloat (t.step, ==, 20.);
  g_assert_cmpuint (t.n, ==, 6);
  g_assert_cmpint (t.decimals, ==, 0);

  _obeya_chart_nice_ticks (0.13, 0.87, 5, FALSE, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (t.min, 0., 1e-12);
  g_assert_cmpfloat_with_epsilon (t.max, 1., 1e-12);
  g_assert_cmpint (t.decimals, ==, 1);

  /* Never more intervals than asked, even when alignment adds one. */
  _obeya_chart_nice_ticks (-3., 19., 4, FALSE, &t);
  g_assert_cmpuint (t.n - 1, <=, 4);
  g_assert_cmpfloat (t.min, <=, -3.);
  g_assert_cmpfloat (t.max, >=, 19.);

  /* Counts: integer steps. */
  _obeya_chart_nice_ticks (0., 3., 10, TRUE, &t);
  g_assert_cmpfloat (t.step, ==, 1.);
  g_assert_cmpuint (t.n, ==, 4);

  /* One value: a range around it, never a zero-width scale. */
  _obeya_chart_nice_ticks (42., 42., 5, FALSE, &t);
  g_assert_cmpfloat (t.min, <, 42.);
  g_assert_cmpfloat (t.max, >, 42.);
  _obeya_chart_nice_ticks (0., 0., 5, FALSE, &t);
  g_assert_cmpfloat (t.min, ==, 0.);
  g_assert_cmpfloat (t.max, >, 0.);

  g_assert_cmpint (_obeya_chart_decimals_for_step (0.05), ==, 2);
  g_assert_cmpint (_obeya_chart_decimals_for_step (0.5), ==, 1);
  g_assert_cmpint (_obeya_chart_decimals_for_step (5.), ==, 0);
}

static void
test_thin_stride (void)
{
  /* Labels 30 wide, every 20: every other one fits with a gap of 5. */
  double starts[6], ends[6];
  guint i;

  for (i = 0; i < 6; i++)
    {
      starts[i] = i * 20.;
      ends[i] = starts[i] + 30.;
    }
  g_assert_cmpuint (_obeya_chart_thin_stride (starts, ends, 6, 5.), ==, 2);
  g_assert_cmpuint (_obeya_chart_thin_stride (starts, ends, 6, 15.), ==, 3);
  /* Plenty of room: all of them. */
  g_assert_cmpuint (_obeya_chart_thin_stride (starts, ends, 6, -20.), ==, 1);
  /* One label, or none. */
  g_assert_cmpuint (_obeya_chart_thin_stride (starts, ends, 1, 5.), ==, 1);
  g_assert_cmpuint (_obeya_chart_thin_stride (NULL, NULL, 0, 5.), ==, 1);
}

static void
test_date_ticks (void)
{
  ObeyaChartDateUnit unit;
  guint step, i;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) quarters = NULL;
  g_autoptr(GArray) years = NULL;

  /* Ten days, room for ten labels: every day. */
  days = _obeya_chart_date_ticks (julian (2025, 3, 1), julian (2025, 3, 10), 10, &unit, &step);
  g_assert_cmpint (unit, ==, OBEYA_CHART_DATE_UNIT_DAY);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpuint (days->len, ==, 10);

  /* Two months, room for ten: Mondays. */
  weeks = _obeya_chart_date_ticks (julian (2025, 3, 1), julian (2025, 4, 30), 10, &unit, &step);
  g_assert_cmpint (unit, ==, OBEYA_CHART_DATE_UNIT_WEEK);
  for (i = 0; i < weeks->len; i++)
    {
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, g_array_index (weeks, guint32, i));
      g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_MONDAY);
    }

  /* A year: months, on the first. */
  months = _obeya_chart_date_ticks (julian (2025, 1, 1), julian (2025, 12, 31), 12, &unit, &step);
  g_assert_cmpint (unit, ==, OBEYA_CHART_DATE_UNIT_MONTH);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpuint (g_array_index (months, guint32, 3), ==, julian (2025, 4, 1));

  /* Three years, room for 13: quarters. */
  quarters = _obeya_chart_date_ticks (julian (2023, 1, 1), julian (2025, 12, 31), 13, &unit, &step);
  g_assert_cmpint (unit, ==, OBEYA_CHART_DATE_UNIT_MONTH);
  g_assert_cmpuint (step, ==, 3);
  g_assert_cmpuint (g_array_index (quarters, guint32, 1), ==, julian (2023, 4, 1));

  /* Three years, room for 4: years. */
  years = _obeya_chart_date_ticks (julian (2023, 1, 1), julian (2025, 12, 31), 4, &unit, &step);
  g_assert_cmpint (unit, ==, OBEYA_CHART_DATE_UNIT_YEAR);
  g_assert_cmpuint (years->len, ==, 3);
}

static void
test_format (void)
{
  g_autofree char *de = _obeya_chart_format_number_full (1234567.891, 2, ",", ".", "\3\3");
  g_autofree char *en = _obeya_chart_format_number_full (-1234.5, 1, ".", ",", "\3");
  g_autofree char *small = _obeya_chart_format_number_full (999., 0, ".", ",", "\3");
  g_autofree char *negzero = _obeya_chart_format_number_full (-0.001, 1, ".", ",", "\3");
  g_autofree char *plain = _obeya_chart_format_number (1234.5, 1);
  g_autofree char *value = _obeya_chart_format_value (12., 0, "d");
  g_autofree char *nan = _obeya_chart_format_value (NAN, 0, "d");
  g_autofree char *month = _obeya_chart_format_date (julian (2025, 3, 3), OBEYA_CHART_DATE_UNIT_MONTH, TRUE);
  g_autofree char *day = _obeya_chart_format_date (julian (2025, 3, 3), OBEYA_CHART_DATE_UNIT_DAY, FALSE);
  g_autofree char *year = _obeya_chart_format_date (julian (2025, 3, 3), OBEYA_CHART_DATE_UNIT_YEAR, FALSE);

  g_assert_cmpstr (de, ==, "1.234.567,89");
  g_assert_cmpstr (en, ==, "−1,234.5");
  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (negzero, ==, "0.0");
  /* The tests run in the C locale: no grouping, a point. */
  g_assert_cmpstr (plain, ==, "1234.5");
  g_assert_cmpstr (value, ==, "12\u00a0d");
  g_assert_cmpstr (nan, ==, "—");
  g_assert_cmpstr (month, ==, "Mar 2025");
  g_assert_cmpstr (day, ==, "3 Mar");
  g_assert_cmpstr (year, ==, "2025");
}

static void
test_palette (void)
{
  const ObeyaChartPalette *l = obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT);
  const ObeyaChartPalette *d = obeya_chart_palette_get (OBEYA_CHART_STYLE_DARK);
  g_autoptr(ObeyaChartPalette) copy = obeya_chart_palette_copy (l);
  ObeyaChartColor c = { 0 };
  guint s;

  g_assert_true (obeya_chart_color_parse (&c, "#26a269"));
  g_assert_cmpfloat_with_epsilon (l->met.red, c.red, 1e-9);
  g_assert_cmpfloat_with_epsilon (l->met.green, c.green, 1e-9);
  g_assert_true (obeya_chart_color_parse (&c, "#33d17a"));
  g_assert_cmpfloat_with_epsilon (d->met.green, c.green, 1e-9);
  g_assert_true (obeya_chart_color_parse (&c, "#fff"));
  g_assert_cmpfloat (c.red, ==, 1.);
  g_assert_true (obeya_chart_color_parse (&c, "#00000080"));
  g_assert_cmpfloat_with_epsilon (c.alpha, 128 / 255., 1e-9);
  g_assert_false (obeya_chart_color_parse (&c, "red"));
  g_assert_false (obeya_chart_color_parse (&c, "#12345"));
  g_assert_false (obeya_chart_color_parse (&c, "#gggggg"));

  g_assert_false (d->background.red == l->background.red);
  g_assert_true (memcmp (copy, l, sizeof *l) == 0);

  /* No data is grey in every palette: never green. */
  for (s = OBEYA_CHART_STYLE_LIGHT; s <= OBEYA_CHART_STYLE_HIGH_CONTRAST_DARK; s++)
    {
      const ObeyaChartColor *grey = &obeya_chart_palette_get (s)->no_data;

      g_assert_cmpfloat (fabs (grey->red - grey->green), <, 0.05);
      g_assert_cmpfloat (fabs (grey->green - grey->blue), <, 0.05);
    }
}

/* Run chart */

static ObeyaRunChart *
make_run_chart (void)
{
  ObeyaRunChart *chart = obeya_run_chart_new ();
  ObeyaChartPoint points[10];
  guint32 start = julian (2025, 3, 3);
  guint i;

  for (i = 0; i < 10; i++)
    {
      points[i].day = start + i;
      points[i].value = 23.;
      points[i].status = OBEYA_CHART_STATUS_MET;
    }
  points[4].value = 45.;
  points[4].status = OBEYA_CHART_STATUS_MISSED;
  points[7].value = NAN;
  points[7].status = OBEYA_CHART_STATUS_NO_DATA;
  obeya_run_chart_set_points (chart, points, 10);
  return chart;
}

static void
test_run_points (void)
{
  g_autoptr(ObeyaRunChart) chart = make_run_chart ();
  const ObeyaChartPalette *p = light ();
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  guint32 start = julian (2025, 3, 3);
  double x, y;

  /* The missed day is red where it belongs, a met one green. */
  g_assert_true (obeya_chart_map (OBEYA_CHART (chart), start + 4, 45., &x, &y));
  g_assert_true (pixel_is (surface, (int) x, (int) y, &p->missed, 24));
  g_assert_true (obeya_chart_map (OBEYA_CHART (chart), start + 2, 23., &x, &y));
  g_assert_true (pixel_is (surface, (int) x, (int) y, &p->met, 24));
  g_assert_false (color_near (surface, x, y, 3, &p->missed));

  /* Points go left to right by day. */
  {
    double x0, x9;

    obeya_chart_map (OBEYA_CHART (chart), start, 0., &x0, NULL);
    obeya_chart_map (OBEYA_CHART (chart), start + 9, 0., &x9, NULL);
    g_assert_cmpfloat (x0, <, x9);
  }

  /* The line breaks at the missing day: nothing between days 6 and 8 at
   * their value, while days 1 and 2 are joined. */
  obeya_chart_map (OBEYA_CHART (chart), start + 6.5, 23., &x, &y);
  g_assert_true (pixel_is (surface, (int) x, (int) y, &p->background, 8));
  obeya_chart_map (OBEYA_CHART (chart), start + 1.5, 23., &x, &y);
  g_assert_true (color_near (surface, x, y, 1, &p->line));

  /* The missing day is marked grey at the bottom of the plot. */
  {
    ObeyaChartRect plot;

    g_assert_true (obeya_chart_get_plot_area (OBEYA_CHART (chart), &plot));
    obeya_chart_map (OBEYA_CHART (chart), start + 7, 0., &x, NULL);
    g_assert_true (color_near (surface, x, plot.y + plot.height - 3, 2, &p->no_data));
  }

  cairo_surface_destroy (surface);
}

/* A value span keeps percentages on their whole scale: 60 to 75 % drawn on
 * 0 to 100, not stretched over the plot; values outside still widen it. */
static void
test_value_span (void)
{
  g_autoptr(ObeyaRunChart) run = obeya_run_chart_new ();
  g_autoptr(ObeyaBarChart) bars = obeya_bar_chart_new ();
  guint32 start = julian (2025, 3, 3);
  ObeyaChartPoint points[] = {
    { start, 60., OBEYA_CHART_STATUS_NONE },
    { start + 30, 68., OBEYA_CHART_STATUS_NONE },
    { start + 60, 75., OBEYA_CHART_STATUS_NONE },
  };
  ObeyaChartBar bar_data[] = {
    { "Sort", 40., OBEYA_CHART_STATUS_NONE, },
    { "Shine", 55., OBEYA_CHART_STATUS_NONE, },
  };
  ObeyaChartRect plot, rect;
  cairo_surface_t *surface;
  double x, y_top, y_bottom, y_low;

  obeya_run_chart_set_points (run, points, G_N_ELEMENTS (points));
  surface = render (OBEYA_CHART (run), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  g_assert_true (obeya_chart_get_plot_area (OBEYA_CHART (run), &plot));
  obeya_chart_map (OBEYA_CHART (run), start, 0., &x, &y_bottom);
  g_assert_cmpfloat (y_bottom, >, plot.y + plot.height + 1); /* 0 is off the automatic scale */
  cairo_surface_destroy (surface);

  obeya_run_chart_set_value_span (run, 0., 100.);
  surface = render (OBEYA_CHART (run), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  g_assert_true (obeya_chart_get_plot_area (OBEYA_CHART (run), &plot));
  obeya_chart_map (OBEYA_CHART (run), start, 100., &x, &y_top);
  obeya_chart_map (OBEYA_CHART (run), start, 0., &x, &y_bottom);
  g_assert_cmpfloat (y_top, >=, plot.y - 0.5);
  g_assert_cmpfloat (y_bottom, <=, plot.y + plot.height + 0.5);
  g_assert_cmpfloat (y_bottom - y_top, >=, plot.height * 0.9);
  cairo_surface_destroy (surface);

  /* A value beyond the span still fits. */
  points[0].value = -20.;
  obeya_run_chart_set_points (run, points, G_N_ELEMENTS (points));
  surface = render (OBEYA_CHART (run), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  g_assert_true (obeya_chart_get_plot_area (OBEYA_CHART (run), &plot));
  obeya_chart_map (OBEYA_CHART (run), start, -20., &x, &y_low);
  g_assert_cmpfloat (y_low, <=, plot.y + plot.height + 0.5);
  cairo_surface_destroy (surface);

  /* Bars: 55 % is about half the length of the plot, not all of it. */
  obeya_bar_chart_set_bars (bars, bar_data, G_N_ELEMENTS (bar_data));
  obeya_bar_chart_set_orientation (bars, OBEYA_CHART_ORIENTATION_HORIZONTAL);
  obeya_bar_chart_set_value_span (bars, 0., 100.);
  surface = render (OBEYA_CHART (bars), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  g_assert_true (obeya_chart_get_plot_area (OBEYA_CHART (bars), &plot));
  g_assert_true (obeya_bar_chart_get_bar_rect (bars, 1, &rect));
  g_assert_cmpfloat (rect.width, <, plot.width * 0.6);
  g_assert_cmpfloat (rect.width, >, plot.width * 0.45);
  cairo_surface_destroy (surface);
}

static void
test_run_target_steps (void)
{
  g_autoptr(ObeyaRunChart) chart = make_run_chart ();
  const ObeyaChartPalette *p = light ();
  guint32 start = julian (2025, 3, 3);
  ObeyaChartTargetStep steps[] = {
    /* Given out of order on purpose. */
    { start + 5, 90., NAN, NAN, NAN, NAN },
    { start, 60., 50., 60., NAN, NAN },
  };
  cairo_surface_t *surface;
  double boundary, y60, y90, y55;

  obeya_run_chart_set_targets (chart, steps, G_N_ELEMENTS (steps));
  surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);

  /* The line steps half way between day 4 and day 5. */
  obeya_chart_map (OBEYA_CHART (chart), start + 4.5, 60., &boundary, &y60);
  obeya_chart_map (OBEYA_CHART (chart), start + 4.5, 90., NULL, &y90);
  obeya_chart_map (OBEYA_CHART (chart), start + 4.5, 55., NULL, &y55);
  g_assert_true (color_near (surface, boundary - 12, y60, 1, &p->target));
  g_assert_false (color_near (surface, boundary - 12, y90, 2, &p->target));
  g_assert_true (color_near (surface, boundary + 12, y90, 1, &p->target));
  g_assert_false (color_near (surface, boundary + 12, y60, 2, &p->target));
  /* The vertical step itself, at the boundary. */
  g_assert_true (color_near (surface, boundary, (y60 + y90) / 2., 1, &p->target));
  g_assert_false (color_near (surface, boundary - 12, (y60 + y90) / 2., 2, &p->target));

  /* The amber zone of the first step is shaded; not after the step. */
  g_assert_false (pixel_is (surface, (int) boundary - 12, (int) y55, &p->background, 4));
  g_assert_true (pixel_is (surface, (int) boundary + 12, (int) y55, &p->background, 4));

  cairo_surface_destroy (surface);
}

/* A band with amber margins: green-ish inside, amber just outside, plain
 * beyond the margins. */
static void
test_run_band_margins (void)
{
  g_autoptr(ObeyaRunChart) chart = make_run_chart ();
  const ObeyaChartPalette *p = light ();
  guint32 start = julian (2025, 3, 3);
  ObeyaChartTargetStep step = { start, NAN, 10., 40., 15., 35. };
  cairo_surface_t *surface;
  double x, y_in, y_low, y_high, y_out;

  obeya_run_chart_set_targets (chart, &step, 1);
  surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  obeya_chart_map (OBEYA_CHART (chart), start + 6.5, 27., &x, &y_in);
  obeya_chart_map (OBEYA_CHART (chart), start + 6.5, 13., NULL, &y_low);
  obeya_chart_map (OBEYA_CHART (chart), start + 6.5, 37., NULL, &y_high);
  obeya_chart_map (OBEYA_CHART (chart), start + 6.5, 7., NULL, &y_out);
  g_assert_false (pixel_is (surface, (int) x, (int) y_low, &p->background, 4));
  g_assert_false (pixel_is (surface, (int) x, (int) y_high, &p->background, 4));
  g_assert_false (pixel_is (surface, (int) x, (int) y_in, &p->background, 4));
  g_assert_true (pixel_is (surface, (int) x, (int) y_out, &p->background, 4));
  {
    /* The margins share one colour, which the band does not have. */
    guint32 *data = (guint32 *) cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface) / 4;
    guint32 low = data[(int) y_low * stride + (int) x];
    guint32 high = data[(int) y_high * stride + (int) x];
    guint32 in = data[(int) y_in * stride + (int) x];

    g_assert_cmphex (low, ==, high);
    g_assert_cmphex (low, !=, in);

    /* The band itself is not tinted amber: the same as without margins. */
    step.amber_low = step.amber_high = NAN;
    obeya_run_chart_set_targets (chart, &step, 1);
    cairo_surface_destroy (surface);
    surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
    obeya_chart_map (OBEYA_CHART (chart), start + 6.5, 27., &x, &y_in);
    data = (guint32 *) cairo_image_surface_get_data (surface);
    g_assert_cmphex (data[(int) y_in * stride + (int) x], ==, in);
  }
  cairo_surface_destroy (surface);
}

static void
test_run_reference (void)
{
  g_autoptr(ObeyaRunChart) chart = make_run_chart ();
  const ObeyaChartPalette *p = light ();
  cairo_surface_t *surface;
  ObeyaChartRect plot;
  double y, y_other;
  int x, hits = 0;

  /* Nine values: eight of 23 and one of 45, so the mean is 229 / 9. */
  obeya_run_chart_set_reference (chart, OBEYA_CHART_REFERENCE_MEAN);
  surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  obeya_chart_get_plot_area (OBEYA_CHART (chart), &plot);
  obeya_chart_map (OBEYA_CHART (chart), 0, 229. / 9., NULL, &y);
  obeya_chart_map (OBEYA_CHART (chart), 0, 35., NULL, &y_other);
  for (x = (int) (plot.x + plot.width / 2); x < plot.x + plot.width; x++)
    if (color_near (surface, x, y, 1, &p->reference))
      hits++;
  /* Dashed: about half of the pixels. */
  g_assert_cmpint (hits, >, plot.width / 8);
  for (x = (int) (plot.x + plot.width / 2), hits = 0; x < plot.x + plot.width; x++)
    if (color_near (surface, x, y_other, 1, &p->reference))
      hits++;
  g_assert_cmpint (hits, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_empty_state (void)
{
  g_autoptr(ObeyaRunChart) chart = obeya_run_chart_new ();
  const ObeyaChartPalette *p = light ();
  cairo_surface_t *surface;
  ObeyaChartPoint missing = { julian (2025, 1, 1), NAN, OBEYA_CHART_STATUS_NO_DATA };

  g_assert_true (obeya_chart_is_empty (OBEYA_CHART (chart)));
  surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  /* Some text, no axis or grid line. */
  g_assert_cmpuint (count_ink (surface, &p->background), >, 200);
  g_assert_cmpint (longest_run (surface, &p->background), <, 60);
  g_assert_false (obeya_chart_get_plot_area (OBEYA_CHART (chart), NULL));
  cairo_surface_destroy (surface);

  /* Only missing values is still nothing to show. */
  obeya_run_chart_set_points (chart, &missing, 1);
  g_assert_true (obeya_chart_is_empty (OBEYA_CHART (chart)));
}

static void
changed_cb (ObeyaChart *chart,
            guint      *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(ObeyaRunChart) chart = obeya_run_chart_new ();
  guint count = 0;

  g_signal_connect (chart, "changed", G_CALLBACK (changed_cb), &count);
  obeya_run_chart_set_unit (chart, "%");
  g_assert_cmpuint (count, ==, 1);
  obeya_run_chart_set_unit (chart, "%");
  g_assert_cmpuint (count, ==, 1);
  obeya_chart_set_title (OBEYA_CHART (chart), "OTD");
  g_assert_cmpuint (count, ==, 2);
  obeya_run_chart_set_points (chart, NULL, 0);
  g_assert_cmpuint (count, ==, 3);
  g_object_set (chart, "reference", OBEYA_CHART_REFERENCE_MEDIAN, NULL);
  g_assert_cmpint (obeya_run_chart_get_reference (chart), ==, OBEYA_CHART_REFERENCE_MEDIAN);
  g_assert_cmpuint (count, ==, 4);
}


/* Bar chart */

static ObeyaBarChart *
make_bar_chart (ObeyaChartOrientation orientation)
{
  ObeyaBarChart *chart = obeya_bar_chart_new ();
  ObeyaChartBar bars[] = {
    { "Sort", 80., OBEYA_CHART_STATUS_MET, { 0 } },
    { "Set in order", 40., OBEYA_CHART_STATUS_MISSED, { 0 } },
    { "Shine", NAN, OBEYA_CHART_STATUS_NO_DATA, { 0 } },
    { "A very long area name that cannot fit under its bar at all", 60., OBEYA_CHART_STATUS_NONE,
      { 0.5, 0.25, 0.75, 1. } },
    { "Sustain and shared drive standards", 20., OBEYA_CHART_STATUS_NONE, { 0 } },
  };

  obeya_bar_chart_set_bars (chart, bars, G_N_ELEMENTS (bars));
  obeya_bar_chart_set_orientation (chart, orientation);
  obeya_bar_chart_set_reference_line (chart, 70., "Target");
  return chart;
}

static void
check_bars (ObeyaBarChart   *chart,
            cairo_surface_t *surface,
            gboolean         vertical)
{
  const ObeyaChartPalette *p = light ();
  ObeyaChartColor custom = { 0.5, 0.25, 0.75, 1. };
  ObeyaChartRect r[5], plot;
  guint i;

  g_assert_true (obeya_chart_get_plot_area (OBEYA_CHART (chart), &plot));
  for (i = 0; i < 5; i++)
    g_assert_true (obeya_bar_chart_get_bar_rect (chart, i, &r[i]));
  g_assert_false (obeya_bar_chart_get_bar_rect (chart, 5, NULL));

  /* Each bar in its colour: status, custom, accent. */
  g_assert_true (pixel_is (surface, r[0].x + r[0].width / 2, r[0].y + r[0].height / 2, &p->met, 8));
  g_assert_true (pixel_is (surface, r[1].x + r[1].width / 2, r[1].y + r[1].height / 2, &p->missed, 8));
  g_assert_true (pixel_is (surface, r[3].x + r[3].width / 2, r[3].y + r[3].height / 2, &custom, 8));
  g_assert_true (pixel_is (surface, r[4].x + r[4].width / 2, r[4].y + r[4].height / 2, &p->accent, 8));

  /* Lengths follow the values; no value, no bar. */
  if (vertical)
    {
      g_assert_cmpfloat_with_epsilon (r[0].height, 2. * r[1].height, 1.);
      g_assert_cmpfloat (r[2].height, ==, 0.);
      g_assert_cmpfloat (r[0].x, <, r[1].x);
      g_assert_cmpfloat (r[0].y + r[0].height, <=, plot.y + plot.height + 0.5);
    }
  else
    {
      g_assert_cmpfloat_with_epsilon (r[0].width, 2. * r[1].width, 1.);
      g_assert_cmpfloat (r[2].width, ==, 0.);
      /* First bar on top. */
      g_assert_cmpfloat (r[0].y, <, r[1].y);
      g_assert_cmpfloat (r[0].x + r[0].width, <=, plot.x + plot.width + 0.5);
    }
}

static void
test_bar_vertical (void)
{
  g_autoptr(ObeyaBarChart) chart = make_bar_chart (OBEYA_CHART_ORIENTATION_VERTICAL);
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  ObeyaChartRect plot;
  double y70, y50;

  check_bars (chart, surface, TRUE);
  /* The dashed target line at 70 crosses the plot; nothing like it at 50. */
  obeya_chart_get_plot_area (OBEYA_CHART (chart), &plot);
  obeya_chart_map (OBEYA_CHART (chart), 0, 70., NULL, &y70);
  obeya_chart_map (OBEYA_CHART (chart), 0, 50., NULL, &y50);
  g_assert_cmpint (row_hits (surface, plot.x, plot.x + plot.width, y70, &light ()->target,
                             &light ()->background), >, plot.width / 4);
  g_assert_cmpint (row_hits (surface, plot.x, plot.x + plot.width, y50, &light ()->target,
                             &light ()->background), <, 5);
  cairo_surface_destroy (surface);
}

static void
test_bar_horizontal (void)
{
  g_autoptr(ObeyaBarChart) chart = make_bar_chart (OBEYA_CHART_ORIENTATION_HORIZONTAL);
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  ObeyaChartRect plot;

  check_bars (chart, surface, FALSE);
  /* The long name is ellipsized: the plot keeps most of the width. */
  obeya_chart_get_plot_area (OBEYA_CHART (chart), &plot);
  g_assert_cmpfloat (plot.width, >, 640 * 0.45);
  cairo_surface_destroy (surface);
}

/* Pareto */

static ObeyaParetoChart *
make_pareto (void)
{
  ObeyaParetoChart *chart = obeya_pareto_chart_new ();
  static const char *labels[] = { "Printer", "Approval", "Missing data", "System", "Absence", "Zero" };
  static const double counts[] = { 2., 20., 10., 5., 3., 0. };

  obeya_pareto_chart_set_categories (chart, labels, counts, G_N_ELEMENTS (labels));
  return chart;
}

static void
test_pareto (void)
{
  g_autoptr(ObeyaParetoChart) chart = make_pareto ();
  const ObeyaChartPalette *p = light ();
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  ObeyaChartRect plot;
  double x, y, prev_y = -1.;
  guint i;

  g_assert_true (obeya_chart_get_plot_area (OBEYA_CHART (chart), &plot));

  /* Sorted: the first bar holds 20, the second 10, the third 5. */
  obeya_chart_map (OBEYA_CHART (chart), 0, 19., &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->accent, 8));
  obeya_chart_map (OBEYA_CHART (chart), 1, 9., &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->accent, 8));
  obeya_chart_map (OBEYA_CHART (chart), 1, 11., &x, &y);
  g_assert_false (pixel_is (surface, x, y, &p->accent, 8));
  obeya_chart_map (OBEYA_CHART (chart), 2, 4., &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->accent, 8));

  /* The cumulative line rises and ends at 100 %: the top of the plot, on
   * the right axis. A zero count is no bar. */
  for (i = 0; i < 5; i++)
    {
      g_assert_true (obeya_pareto_chart_get_cumulative_point (chart, i, &x, &y));
      if (i > 0)
        g_assert_cmpfloat (y, <, prev_y);
      prev_y = y;
    }
  g_assert_false (obeya_pareto_chart_get_cumulative_point (chart, 5, NULL, NULL));
  g_assert_true (obeya_pareto_chart_get_cumulative_point (chart, 4, &x, &y));
  g_assert_cmpfloat_with_epsilon (y, plot.y, 0.01);
  g_assert_true (color_near (surface, x, y, 1, &p->secondary));
  /* The first point is at 20 / 40 = 50 %. */
  g_assert_true (obeya_pareto_chart_get_cumulative_point (chart, 0, &x, &y));
  g_assert_cmpfloat_with_epsilon (y, plot.y + plot.height / 2., 0.01);
  cairo_surface_destroy (surface);

  /* At most three bars: the two largest and "Other" (5 + 3 + 2 = 10). */
  obeya_pareto_chart_set_max_categories (chart, 3);
  surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  g_assert_true (obeya_pareto_chart_get_cumulative_point (chart, 2, NULL, NULL));
  g_assert_false (obeya_pareto_chart_get_cumulative_point (chart, 3, NULL, NULL));
  obeya_chart_map (OBEYA_CHART (chart), 2, 9.5, &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->accent, 8));
  cairo_surface_destroy (surface);
}

/* Histogram */

static ObeyaHistogram *
make_histogram (void)
{
  ObeyaHistogram *chart = obeya_histogram_new ();
  static const double values[] = { 1, 2, 2, 3, 3, 3, 3, 4, 4, 7, 9, 9.5, NAN };

  obeya_histogram_set_values (chart, values, G_N_ELEMENTS (values), 2.);
  obeya_histogram_set_unit (chart, "d");
  return chart;
}

static void
test_histogram (void)
{
  g_autoptr(ObeyaHistogram) chart = make_histogram ();
  const ObeyaChartPalette *p = light ();
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  double x, y;

  /* Bins of 2 from 0: [0,2) holds 1, [2,4) holds 6, [4,6) 2, [6,8) 1,
   * [8,10) 2. */
  obeya_chart_map (OBEYA_CHART (chart), 3., 5.5, &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->accent, 8));
  obeya_chart_map (OBEYA_CHART (chart), 5., 1.5, &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->accent, 8));
  obeya_chart_map (OBEYA_CHART (chart), 5., 2.5, &x, &y);
  g_assert_false (pixel_is (surface, x, y, &p->accent, 8));
  obeya_chart_map (OBEYA_CHART (chart), 1., 0.5, &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->accent, 8));
  obeya_chart_map (OBEYA_CHART (chart), 1., 1.5, &x, &y);
  g_assert_false (pixel_is (surface, x, y, &p->accent, 8));
  obeya_chart_map (OBEYA_CHART (chart), 9., 1.5, &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->accent, 8));
  cairo_surface_destroy (surface);

  /* Explicit bins, and none at all. */
  {
    ObeyaChartBin bins[] = { { 10., 20., 4. }, { 0., 10., 1. }, { 5., 5., 3. } };

    obeya_histogram_set_bins (chart, bins, G_N_ELEMENTS (bins));
    surface = render (OBEYA_CHART (chart), 320, 200, OBEYA_CHART_STYLE_LIGHT);
    obeya_chart_map (OBEYA_CHART (chart), 15., 3.5, &x, &y);
    g_assert_true (pixel_is (surface, x, y, &p->accent, 8));
    obeya_chart_map (OBEYA_CHART (chart), 5., 1.5, &x, &y);
    g_assert_false (pixel_is (surface, x, y, &p->accent, 8));
    cairo_surface_destroy (surface);
    obeya_histogram_set_values (chart, NULL, 0, 0.);
    g_assert_true (obeya_chart_is_empty (OBEYA_CHART (chart)));
  }
}

/* Letter calendar */

static ObeyaLetterCalendar *
make_calendar (ObeyaChartLetter letter)
{
  ObeyaLetterCalendar *chart = obeya_letter_calendar_new ();
  ObeyaChartStatus days[31];
  guint d;

  for (d = 0; d < 31; d++)
    days[d] = OBEYA_CHART_STATUS_MET;
  days[4] = OBEYA_CHART_STATUS_MISSED;         /* the 5th */
  days[5] = OBEYA_CHART_STATUS_NONE;           /* the 6th: no data */
  days[6] = OBEYA_CHART_STATUS_AMBER;          /* the 7th */
  days[7] = OBEYA_CHART_STATUS_NON_WORKING;    /* the 8th */
  for (d = 20; d < 31; d++)
    days[d] = OBEYA_CHART_STATUS_FUTURE;
  obeya_letter_calendar_set_month (chart, 2025, G_DATE_MARCH);
  obeya_letter_calendar_set_days (chart, days, 31);
  obeya_letter_calendar_set_letter (chart, letter);
  obeya_letter_calendar_set_today (chart, julian (2025, 3, 20));
  return chart;
}

/* The colour of a cell, away from its number and its rounded corners. */
static gboolean
cell_is (cairo_surface_t       *surface,
         const ObeyaChartRect  *r,
         const ObeyaChartColor *color)
{
  return pixel_is (surface, r->x + r->width * 0.25, r->y + r->height * 0.5, color, 8);
}

static void
test_calendar_letters (void)
{
  ObeyaChartLetter letter;

  g_assert_cmpint (obeya_chart_letter_from_char ('q'), ==, OBEYA_CHART_LETTER_Q);
  g_assert_cmpint (obeya_chart_letter_from_char ('X'), ==, OBEYA_CHART_LETTER_GRID);
  g_assert_cmpuint (obeya_chart_letter_get_n_cells (OBEYA_CHART_LETTER_GRID), ==, 0);

  for (letter = OBEYA_CHART_LETTER_GRID; letter <= OBEYA_CHART_LETTER_P; letter++)
    {
      static const int sizes[][2] = { { 200, 240 }, { 1920, 1080 } };
      guint s;

      if (letter != OBEYA_CHART_LETTER_GRID)
        g_assert_cmpuint (obeya_chart_letter_get_n_cells (letter), >=, 31);

      for (s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(ObeyaLetterCalendar) chart = make_calendar (letter);
          const ObeyaChartPalette *p = light ();
          cairo_surface_t *surface = render (OBEYA_CHART (chart), sizes[s][0], sizes[s][1],
                                             OBEYA_CHART_STYLE_LIGHT);
          ObeyaChartRect r, prev = { 0 };
          guint day;

          for (day = 1; day <= 31; day++)
            {
              g_assert_true (obeya_letter_calendar_get_day_rect (chart, day, &r));
              g_assert_cmpfloat (r.x, >=, 0.);
              g_assert_cmpfloat (r.y, >=, 0.);
              g_assert_cmpfloat (r.x + r.width, <=, sizes[s][0]);
              g_assert_cmpfloat (r.y + r.height, <=, sizes[s][1]);
              /* Cells big enough to read a number, even at 200x240. */
              g_assert_cmpfloat (r.width, >=, 20.);
              /* Reading order: right on the same row, or a lower row. */
              if (day > 1 && letter != OBEYA_CHART_LETTER_GRID)
                g_assert_true ((r.y == prev.y && r.x > prev.x) || r.y > prev.y);
              prev = r;
            }
          g_assert_false (obeya_letter_calendar_get_day_rect (chart, 32, NULL));

          obeya_letter_calendar_get_day_rect (chart, 1, &r);
          g_assert_true (cell_is (surface, &r, &p->met));
          obeya_letter_calendar_get_day_rect (chart, 5, &r);
          g_assert_true (cell_is (surface, &r, &p->missed));
          obeya_letter_calendar_get_day_rect (chart, 6, &r);
          g_assert_true (cell_is (surface, &r, &p->no_data));
          obeya_letter_calendar_get_day_rect (chart, 7, &r);
          g_assert_true (cell_is (surface, &r, &p->amber));
          obeya_letter_calendar_get_day_rect (chart, 25, &r);
          g_assert_true (cell_is (surface, &r, &p->future));
          /* Non-working: hatched, so some pixels of the hatch and some of
           * the fill, and never a status colour. */
          obeya_letter_calendar_get_day_rect (chart, 8, &r);
          g_assert_false (cell_is (surface, &r, &p->met));
          g_assert_true (color_near (surface, r.x + r.width / 2, r.y + r.height * 0.8, (int) (r.width / 4),
                                     &p->non_working_hatch));
          /* Today (the 20th) is outlined at its edge; the 19th is not. */
          obeya_letter_calendar_get_day_rect (chart, 20, &r);
          g_assert_true (pixel_is (surface, r.x + r.width / 2, r.y + 1, &p->today, 40));
          obeya_letter_calendar_get_day_rect (chart, 19, &r);
          g_assert_false (pixel_is (surface, r.x + r.width / 2, r.y + 1, &p->today, 40));

          cairo_surface_destroy (surface);
        }
    }
}

static void
test_calendar_month (void)
{
  g_autoptr(ObeyaLetterCalendar) chart = make_calendar (OBEYA_CHART_LETTER_GRID);
  cairo_surface_t *surface;
  ObeyaChartRect sat, mon, sun;

  /* 1 March 2025 is a Saturday: with Monday first, the 1st is in the
   * sixth column and the 3rd (a Monday) starts the next row. */
  surface = render (OBEYA_CHART (chart), 400, 400, OBEYA_CHART_STYLE_LIGHT);
  obeya_letter_calendar_get_day_rect (chart, 1, &sat);
  obeya_letter_calendar_get_day_rect (chart, 2, &sun);
  obeya_letter_calendar_get_day_rect (chart, 3, &mon);
  g_assert_cmpfloat (sat.y, ==, sun.y);
  g_assert_cmpfloat (mon.y, >, sat.y);
  g_assert_cmpfloat_with_epsilon (sat.x - mon.x, 5 * sat.width, 0.5);
  cairo_surface_destroy (surface);

  /* Sunday first: the 2nd starts a row with the 3rd beside it. */
  obeya_letter_calendar_set_first_weekday (chart, G_DATE_SUNDAY);
  surface = render (OBEYA_CHART (chart), 400, 400, OBEYA_CHART_STYLE_LIGHT);
  obeya_letter_calendar_get_day_rect (chart, 2, &sun);
  obeya_letter_calendar_get_day_rect (chart, 3, &mon);
  g_assert_cmpfloat (sun.y, ==, mon.y);
  g_assert_cmpfloat (mon.x, >, sun.x);
  cairo_surface_destroy (surface);

  /* February has no 29th; its letter keeps the unused cells faint. */
  obeya_letter_calendar_set_letter (chart, OBEYA_CHART_LETTER_S);
  obeya_letter_calendar_set_month (chart, 2025, G_DATE_FEBRUARY);
  surface = render (OBEYA_CHART (chart), 200, 240, OBEYA_CHART_STYLE_LIGHT);
  g_assert_true (obeya_letter_calendar_get_day_rect (chart, 28, NULL));
  g_assert_false (obeya_letter_calendar_get_day_rect (chart, 29, NULL));
  cairo_surface_destroy (surface);

  /* No month: the empty state. */
  {
    g_autoptr(ObeyaLetterCalendar) empty = obeya_letter_calendar_new ();

    g_assert_true (obeya_chart_is_empty (OBEYA_CHART (empty)));
  }
}

/* Radar */

static ObeyaRadarChart *
make_radar (void)
{
  ObeyaRadarChart *chart = obeya_radar_chart_new ();
  static const char *axes[] = { "Sort", "Set in order", "Shine", "Standardize", "Sustain" };
  double current[] = { 80., 80., NAN, 80., 80. };
  double previous[] = { 40., 40., 40., 40., 40. };

  obeya_radar_chart_set_axes (chart, axes, 5);
  obeya_radar_chart_set_series (chart, 0, "Now", current);
  obeya_radar_chart_set_series (chart, 1, "Before", previous);
  return chart;
}

static void
test_radar (void)
{
  g_autoptr(ObeyaRadarChart) chart = make_radar ();
  const ObeyaChartPalette *p = light ();
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 640, 480, OBEYA_CHART_STYLE_LIGHT);
  double cx, cy, x0, y0, x1, y1, x2, y2, x4, y4;

  g_assert_true (obeya_radar_chart_get_point (chart, 0, 0., &cx, &cy));
  g_assert_true (obeya_radar_chart_get_point (chart, 0, 80., &x0, &y0));
  g_assert_true (obeya_radar_chart_get_point (chart, 1, 80., &x1, &y1));
  g_assert_true (obeya_radar_chart_get_point (chart, 2, 80., &x2, &y2));
  g_assert_true (obeya_radar_chart_get_point (chart, 4, 80., &x4, &y4));
  g_assert_false (obeya_radar_chart_get_point (chart, 5, 80., NULL, NULL));

  /* The first axis points up, the next one clockwise. */
  g_assert_cmpfloat_with_epsilon (x0, cx, 0.01);
  g_assert_cmpfloat (y0, <, cy);
  g_assert_cmpfloat (x1, >, cx);

  /* Points of the current audit where they belong. */
  g_assert_true (color_near (surface, x0, y0, 1, &p->accent));
  g_assert_true (color_near (surface, x1, y1, 1, &p->accent));

  /* Between Sort and Set in order (both 80) the shape is filled, inside
   * the previous audit's ring of 40 too. */
  g_assert_false (pixel_is (surface, (cx + x0 + x1) / 3., (cy + y0 + y1) / 3., &p->background, 4));
  g_assert_false (pixel_is (surface, cx + (x0 + x1 - 2 * cx) * 0.45, cy + (y0 + y1 - 2 * cy) * 0.45,
                            &p->background, 4));

  /* Shine has no value: a gap on both sides of it, at 60 % (outside the
   * previous ring of 40), and no line drawn along the Set-in-order spoke
   * towards the centre as a 0 would. */
  {
    double mx = cx + ((x1 + x2) / 2. - cx) * 0.68;
    double my = cy + ((y1 + y2) / 2. - cy) * 0.68;
    double sx = (cx + x1) / 2.;
    double sy = (cy + y1) / 2.;
    double ax, ay;

    g_assert_true (pixel_is (surface, mx, my, &p->background, 4));
    g_assert_false (color_near (surface, sx, sy, 1, &p->accent));
    /* Between Shine and Standardize too. */
    obeya_radar_chart_get_point (chart, 3, 80., &ax, &ay);
    g_assert_true (pixel_is (surface, cx + ((x2 + ax) / 2. - cx) * 0.68,
                             cy + ((y2 + ay) / 2. - cy) * 0.68, &p->background, 4));
  }
  cairo_surface_destroy (surface);
}

/* Sparkline */

static ObeyaSparkline *
make_sparkline (void)
{
  ObeyaSparkline *chart = obeya_sparkline_new ();
  ObeyaChartPoint points[] = {
    { julian (2025, 3, 1), 10., OBEYA_CHART_STATUS_MET },
    { julian (2025, 3, 2), 12., OBEYA_CHART_STATUS_MET },
    { julian (2025, 3, 3), NAN, OBEYA_CHART_STATUS_NO_DATA },
    { julian (2025, 3, 5), 8., OBEYA_CHART_STATUS_MISSED },
    { julian (2025, 3, 4), 11., OBEYA_CHART_STATUS_MET },
  };

  obeya_sparkline_set_points (chart, points, G_N_ELEMENTS (points));
  obeya_sparkline_set_target (chart, 9.);
  return chart;
}

static void
test_sparkline (void)
{
  g_autoptr(ObeyaSparkline) chart = make_sparkline ();
  const ObeyaChartPalette *p = light ();
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 160, 40, OBEYA_CHART_STYLE_LIGHT);
  double x, y;

  /* The last day (given out of order) is marked in its status colour at
   * the right end, inside the drawing. */
  g_assert_true (obeya_chart_map (OBEYA_CHART (chart), julian (2025, 3, 5), 8., &x, &y));
  g_assert_true (pixel_is (surface, x, y, &p->missed, 8));
  g_assert_cmpfloat (x, >, 140.);
  g_assert_cmpfloat (x, <, 159.);
  /* No axes: the left edge is background. */
  g_assert_true (pixel_is (surface, 0, 5, &p->background, 4));
  cairo_surface_destroy (surface);

  /* Empty: a grey dashed line, no text. */
  obeya_sparkline_set_points (chart, NULL, 0);
  surface = render (OBEYA_CHART (chart), 160, 40, OBEYA_CHART_STYLE_LIGHT);
  g_assert_true (color_near (surface, 80, 20, 4, &p->no_data));
  cairo_surface_destroy (surface);
}

/* Stacked area */

static ObeyaStackedAreaChart *
make_flow (void)
{
  ObeyaStackedAreaChart *chart = obeya_stacked_area_chart_new ();
  guint32 days[10];
  double done[10], doing[10], todo[10];
  ObeyaChartColor red = { 1., 0., 0., 1. };
  guint i;

  for (i = 0; i < 10; i++)
    {
      days[i] = julian (2025, 3, 1) + i;
      done[i] = 2. * i;
      doing[i] = 10.;
      todo[i] = 20.;
    }
  obeya_stacked_area_chart_set_days (chart, days, 10);
  obeya_stacked_area_chart_add_series (chart, "Done", NULL, done);
  obeya_stacked_area_chart_add_series (chart, "Doing", &red, doing);
  obeya_stacked_area_chart_add_series (chart, "To do", NULL, todo);
  return chart;
}

static void
test_stacked_area (void)
{
  g_autoptr(ObeyaStackedAreaChart) chart = make_flow ();
  const ObeyaChartPalette *p = light ();
  ObeyaChartColor red = { 1., 0., 0., 1. };
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  guint32 day = julian (2025, 3, 6);
  double x, y;

  /* On the 6th: done 10 at the bottom, doing 10 above it, to do 20 on top,
   * in the given order, in their colours. */
  obeya_chart_map (OBEYA_CHART (chart), day, 5., &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->series[0], 8));
  obeya_chart_map (OBEYA_CHART (chart), day, 15., &x, &y);
  g_assert_true (pixel_is (surface, x, y, &red, 8));
  obeya_chart_map (OBEYA_CHART (chart), day, 30., &x, &y);
  g_assert_true (pixel_is (surface, x, y, &p->series[2], 8));
  obeya_chart_map (OBEYA_CHART (chart), day, 41., &x, &y);
  g_assert_false (pixel_is (surface, x, y, &p->series[2], 8));
  cairo_surface_destroy (surface);

  /* New days drop the series. */
  obeya_stacked_area_chart_set_days (chart, &day, 1);
  g_assert_true (obeya_chart_is_empty (OBEYA_CHART (chart)));
}

/* Scatter */

static ObeyaScatterChart *
make_scatter (void)
{
  ObeyaScatterChart *chart = obeya_scatter_chart_new ();
  ObeyaChartPoint points[40];
  double percents[] = { 50., 85., 95. };
  double values[] = { 5., 9., 14. };
  guint i;

  for (i = 0; i < 40; i++)
    {
      points[i].day = julian (2025, 1, 1) + i * 2;
      points[i].value = 1 + (i * 7) % 15;
      points[i].status = OBEYA_CHART_STATUS_NONE;
    }
  points[10].value = 18.;
  points[10].status = OBEYA_CHART_STATUS_MISSED;
  obeya_scatter_chart_set_points (chart, points, 40);
  obeya_scatter_chart_set_percentiles (chart, percents, values, 3);
  obeya_scatter_chart_set_unit (chart, "d");
  return chart;
}

static void
test_scatter (void)
{
  g_autoptr(ObeyaScatterChart) chart = make_scatter ();
  const ObeyaChartPalette *p = light ();
  cairo_surface_t *surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  ObeyaChartColor missed_blend, accent_blend;
  ObeyaChartRect plot;
  double x, y, y85, y_off;
  int hits, off_hits;

  /* Dots are 65 % opaque over the background. */
  missed_blend = (ObeyaChartColor) { 0.65 * p->missed.red + 0.35, 0.65 * p->missed.green + 0.35,
                                     0.65 * p->missed.blue + 0.35, 1. };
  accent_blend = (ObeyaChartColor) { 0.65 * p->accent.red + 0.35, 0.65 * p->accent.green + 0.35,
                                     0.65 * p->accent.blue + 0.35, 1. };
  obeya_chart_map (OBEYA_CHART (chart), julian (2025, 1, 21), 18., &x, &y);
  g_assert_true (pixel_is (surface, x, y, &missed_blend, 10));
  obeya_chart_map (OBEYA_CHART (chart), julian (2025, 1, 1), 1., &x, &y);
  g_assert_true (pixel_is (surface, x, y, &accent_blend, 10));

  /* The 85 % line at 9 d, across the plot; the labels sit to its right. */
  obeya_chart_get_plot_area (OBEYA_CHART (chart), &plot);
  obeya_chart_map (OBEYA_CHART (chart), 0, 9., NULL, &y85);
  obeya_chart_map (OBEYA_CHART (chart), 0, 10.5, NULL, &y_off);
  hits = row_hits (surface, plot.x, plot.x + plot.width, y85, &p->reference, &p->background);
  off_hits = row_hits (surface, plot.x, plot.x + plot.width, y_off, &p->reference, &p->background);
  g_assert_cmpint (hits, >, plot.width / 4);
  g_assert_cmpint (off_hits, ==, 0);
  g_assert_cmpfloat (plot.x + plot.width, <, 640 - 60);
  cairo_surface_destroy (surface);
}

/* Every chart type, for the tests that apply to all of them. */

typedef ObeyaChart *(*ChartFactory) (void);

static ObeyaChart *
factory_run (void)
{
  return OBEYA_CHART (make_run_chart ());
}

static ObeyaChart *factory_bar (void) { return OBEYA_CHART (make_bar_chart (OBEYA_CHART_ORIENTATION_VERTICAL)); }
static ObeyaChart *factory_hbar (void) { return OBEYA_CHART (make_bar_chart (OBEYA_CHART_ORIENTATION_HORIZONTAL)); }
static ObeyaChart *factory_pareto (void) { return OBEYA_CHART (make_pareto ()); }
static ObeyaChart *factory_histogram (void) { return OBEYA_CHART (make_histogram ()); }
static ObeyaChart *factory_calendar (void) { return OBEYA_CHART (make_calendar (OBEYA_CHART_LETTER_Q)); }
static ObeyaChart *factory_grid (void) { return OBEYA_CHART (make_calendar (OBEYA_CHART_LETTER_GRID)); }
static ObeyaChart *factory_radar (void) { return OBEYA_CHART (make_radar ()); }
static ObeyaChart *factory_sparkline (void) { return OBEYA_CHART (make_sparkline ()); }
static ObeyaChart *factory_flow (void) { return OBEYA_CHART (make_flow ()); }
static ObeyaChart *factory_scatter (void) { return OBEYA_CHART (make_scatter ()); }

static const ChartFactory factories[] = {
  factory_run, factory_bar, factory_hbar, factory_pareto, factory_histogram, factory_calendar,
  factory_grid, factory_radar, factory_sparkline, factory_flow, factory_scatter,
};

/* Every type, with no data. */
static ObeyaChart *
empty_chart (guint i)
{
  switch (i)
    {
    case 0: return OBEYA_CHART (obeya_run_chart_new ());
    case 1: return OBEYA_CHART (obeya_bar_chart_new ());
    case 2: return OBEYA_CHART (obeya_pareto_chart_new ());
    case 3: return OBEYA_CHART (obeya_histogram_new ());
    case 4: return OBEYA_CHART (obeya_letter_calendar_new ());
    case 5: return OBEYA_CHART (obeya_radar_chart_new ());
    case 6: return OBEYA_CHART (obeya_stacked_area_chart_new ());
    case 7: return OBEYA_CHART (obeya_scatter_chart_new ());
    default: return NULL;
    }
}

static void
test_all_empty (void)
{
  const ObeyaChartPalette *p = light ();
  guint i;

  for (i = 0; i < 8; i++)
    {
      g_autoptr(ObeyaChart) chart = empty_chart (i);
      cairo_surface_t *surface;

      g_assert_true (obeya_chart_is_empty (chart));
      obeya_chart_set_empty_message (chart, i % 2 ? NULL : "Nothing to show for March");
      surface = render (chart, 480, 300, OBEYA_CHART_STYLE_LIGHT);
      /* The message, centred, and no axis. */
      g_assert_cmpuint (count_ink (surface, &p->background), >, 200);
      g_assert_cmpint (longest_run (surface, &p->background), <, 60);
      g_assert_false (obeya_chart_get_plot_area (chart, NULL));
      g_assert_false (obeya_chart_map (chart, 0, 0, NULL, NULL));
      g_assert_true (pixel_is (surface, 40, 150, &p->background, 4));
      cairo_surface_destroy (surface);
    }
}

/* The title takes room at the top; the plot moves down. */
static void
test_title (void)
{
  g_autoptr(ObeyaRunChart) chart = make_run_chart ();
  ObeyaChartRect without, with;
  cairo_surface_t *surface;

  surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  obeya_chart_get_plot_area (OBEYA_CHART (chart), &without);
  cairo_surface_destroy (surface);
  obeya_chart_set_title (OBEYA_CHART (chart), "On-time delivery");
  surface = render (OBEYA_CHART (chart), 640, 400, OBEYA_CHART_STYLE_LIGHT);
  obeya_chart_get_plot_area (OBEYA_CHART (chart), &with);
  g_assert_cmpfloat (with.y, >, without.y + 10);
  /* Title ink in the top band. */
  g_assert_cmpuint (count_ink (surface, &light ()->background), >, 0);
  cairo_surface_destroy (surface);
}

/* Type grows with the drawing: a TV chart is not a tiny chart blown up. */
static void
test_type_scales (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(ObeyaChartContext) small = _obeya_chart_context_new (cr, 320, 200, light (), 1., NULL);
  g_autoptr(ObeyaChartContext) normal = _obeya_chart_context_new (cr, 640, 400, light (), 1., NULL);
  g_autoptr(ObeyaChartContext) tv = _obeya_chart_context_new (cr, 1920, 1080, light (), 1., NULL);
  g_autoptr(ObeyaChartContext) scaled = _obeya_chart_context_new (cr, 640, 400, light (), 2., NULL);

  g_assert_cmpfloat (small->font_size, >=, 10.);
  g_assert_cmpfloat (normal->font_size, >, small->font_size);
  /* About 1/30 of the height on a 1080p TV: readable from four metres. */
  g_assert_cmpfloat (tv->font_size, >=, 30.);
  g_assert_cmpfloat (tv->stroke, >, normal->stroke);
  g_assert_cmpfloat (scaled->font_size, ==, 2. * normal->font_size);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_translated_origin (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (factories); i++)
    {
      g_autoptr(ObeyaChart) chart = factories[i] ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
      cairo_t *cr = cairo_create (surface);
      guint inside = 0;
      int x, y;

      cairo_translate (cr, 150, 120);
      obeya_chart_draw (chart, cr, 500, 350, light ());
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (y = 0; y < 700; y++)
        for (x = 0; x < 900; x++)
          {
            double r, g, b, a;

            pixel_at (surface, x, y, &r, &g, &b, &a);
            if (x >= 150 && x < 650 && y >= 120 && y < 470)
              inside += a > 0;
            else if (a != 0)
              g_error ("chart %u drew at (%d, %d), outside its rectangle", i, x, y);
          }
      g_assert_cmpuint (inside, ==, 500 * 350);

      /* The mapping is in the user space of the draw. */
      {
        ObeyaChartRect plot;

        g_assert_true (obeya_chart_get_plot_area (chart, &plot));
        g_assert_cmpfloat (plot.x, >=, 0.);
        g_assert_cmpfloat (plot.x + plot.width, <=, 500.);
        g_assert_cmpfloat (plot.y + plot.height, <=, 350.);
      }
      cairo_surface_destroy (surface);
    }
}

static void
test_styles (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (factories); i++)
    {
      g_autoptr(ObeyaChart) chart = factories[i] ();
      cairo_surface_t *l = render (chart, 320, 200, OBEYA_CHART_STYLE_LIGHT);
      cairo_surface_t *d = render (chart, 320, 200, OBEYA_CHART_STYLE_DARK);
      cairo_surface_t *hc = render (chart, 320, 200, OBEYA_CHART_STYLE_HIGH_CONTRAST_DARK);

      g_assert_true (pixel_is (l, 1, 1, &obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT)->background, 1));
      g_assert_true (pixel_is (d, 1, 1, &obeya_chart_palette_get (OBEYA_CHART_STYLE_DARK)->background, 1));
      g_assert_true (pixel_is (hc, 1, 1, &obeya_chart_palette_get (OBEYA_CHART_STYLE_HIGH_CONTRAST_DARK)->background, 1));
      g_assert_false (pixel_is (d, 1, 1, &obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT)->background, 30));
      /* Something is drawn in each. */
      g_assert_cmpuint (count_ink (l, &obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT)->background), >, 500);
      g_assert_cmpuint (count_ink (d, &obeya_chart_palette_get (OBEYA_CHART_STYLE_DARK)->background), >, 500);
      cairo_surface_destroy (l);
      cairo_surface_destroy (d);
      cairo_surface_destroy (hc);
    }
}

/* Padding: nothing reaches the last pixels of the drawing, so nothing is
 * cut at the edges (the sparkline, which uses every pixel, excepted). */
static void
test_edges_clear (void)
{
  static const int sizes[][2] = { { 320, 200 }, { 640, 400 }, { 1920, 1080 } };
  guint i, s;

  for (i = 0; i < G_N_ELEMENTS (factories); i++)
    for (s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(ObeyaChart) chart = factories[i] ();
        const ObeyaChartPalette *p = light ();
        int w = sizes[s][0], h = sizes[s][1];
        cairo_surface_t *surface;
        int x, y;

        if (OBEYA_IS_SPARKLINE (chart))
          continue;
        obeya_chart_set_title (chart, "A title long enough to be ellipsized on a small chart, surely");
        surface = render (chart, w, h, OBEYA_CHART_STYLE_LIGHT);
        for (x = 0; x < w; x++)
          for (y = 0; y < 3; y++)
            if (!pixel_is (surface, x, y, &p->background, 4) ||
                !pixel_is (surface, x, h - 1 - y, &p->background, 4))
              g_error ("chart %u at %dx%d drew on its top or bottom edge at x %d", i, w, h, x);
        for (y = 0; y < h; y++)
          for (x = 0; x < 3; x++)
            if (!pixel_is (surface, x, y, &p->background, 4) ||
                !pixel_is (surface, w - 1 - x, y, &p->background, 4))
              g_error ("chart %u at %dx%d drew on its left or right edge at y %d", i, w, h, y);
        cairo_surface_destroy (surface);
      }
}

static void
test_sizes (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 40, 30 }, { 200, 240 }, { 320, 200 }, { 1920, 1080 } };
  guint i, s;

  /* Any size draws without a cairo error, down to a pixel. */
  for (i = 0; i < G_N_ELEMENTS (factories); i++)
    for (s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(ObeyaChart) chart = factories[i] ();
        cairo_surface_t *surface = render (chart, sizes[s][0], sizes[s][1], OBEYA_CHART_STYLE_DARK);

        cairo_surface_destroy (surface);
      }
}

/* Exports */

static void
test_export_bytes (void)
{
  g_autoptr(ObeyaRunChart) chart = make_run_chart ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) png2x = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  png = obeya_chart_render_png_bytes (OBEYA_CHART (chart), 320, 200, 1, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0);
  /* The IHDR chunk holds the size. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 320);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, 200);

  png2x = obeya_chart_render_png_bytes (OBEYA_CHART (chart), 320, 200, 2, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png2x, &size);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, 640);

  svg = obeya_chart_render_bytes (OBEYA_CHART (chart), OBEYA_CHART_FORMAT_SVG, 400, 300, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_nonnull (g_strstr_len (data, MIN (size, 400), "<svg"));
  g_assert_nonnull (g_strstr_len (data, size, "</svg>"));

  pdf = obeya_chart_render_bytes (OBEYA_CHART (chart), OBEYA_CHART_FORMAT_PDF, 400, 300, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  g_assert_nonnull (g_strstr_len (data + size - 64, 64, "%%EOF"));

  g_assert_null (obeya_chart_render_bytes (OBEYA_CHART (chart), OBEYA_CHART_FORMAT_AUTO, 400, 300,
                                           NULL, &error));
  g_assert_error (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_null (obeya_chart_render_png_bytes (OBEYA_CHART (chart), 0, 200, 1, NULL, &error));
  g_assert_error (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_SIZE);
}

static void
test_export_files (void)
{
  g_autoptr(ObeyaRunChart) chart = make_run_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("obeya-charts-XXXXXX", &error);
  static const struct {
    const char *name;
    const char *magic;
  } files[] = {
    { "chart.png", "\x89PNG" },
    { "chart.SVG", "<?xml" },
    { "chart.pdf", "%PDF-" },
  };
  guint i;

  g_assert_no_error (error);
  g_assert_cmpint (obeya_chart_format_from_path ("a/b.Png"), ==, OBEYA_CHART_FORMAT_PNG);
  g_assert_cmpint (obeya_chart_format_from_path ("a.b/c"), ==, OBEYA_CHART_FORMAT_AUTO);
  g_assert_cmpint (obeya_chart_format_from_path ("c.txt"), ==, OBEYA_CHART_FORMAT_AUTO);

  for (i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (obeya_chart_export (OBEYA_CHART (chart), path, OBEYA_CHART_FORMAT_AUTO,
                                         480, 320, obeya_chart_palette_get (OBEYA_CHART_STYLE_DARK),
                                         &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, files[i].magic));
      g_assert_cmpint (g_remove (path), ==, 0);
    }

  /* No format from the name: a clear error, no file. */
  {
    g_autofree char *path = g_build_filename (dir, "chart.txt", NULL);

    g_assert_false (obeya_chart_export (OBEYA_CHART (chart), path, OBEYA_CHART_FORMAT_AUTO,
                                        480, 320, NULL, &error));
    g_assert_error (error, OBEYA_CHART_ERROR, OBEYA_CHART_ERROR_FORMAT);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  /* An unwritable place: the file error. */
  {
    g_autofree char *path = g_build_filename (dir, "missing", "chart.png", NULL);

    g_assert_false (obeya_chart_export (OBEYA_CHART (chart), path, OBEYA_CHART_FORMAT_AUTO,
                                        480, 320, NULL, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/scale/nice-step", test_nice_step);
  g_test_add_func ("/charts/scale/nice-ticks", test_nice_ticks);
  g_test_add_func ("/charts/scale/thin-stride", test_thin_stride);
  g_test_add_func ("/charts/scale/date-ticks", test_date_ticks);
  g_test_add_func ("/charts/scale/format", test_format);
  g_test_add_func ("/charts/palette", test_palette);
  g_test_add_func ("/charts/run/points", test_run_points);
  g_test_add_func ("/charts/run/target-steps", test_run_target_steps);
  g_test_add_func ("/charts/run/reference", test_run_reference);
  g_test_add_func ("/charts/run/band-margins", test_run_band_margins);
  g_test_add_func ("/charts/value-span", test_value_span);
  g_test_add_func ("/charts/empty-state", test_empty_state);
  g_test_add_func ("/charts/bar/vertical", test_bar_vertical);
  g_test_add_func ("/charts/bar/horizontal", test_bar_horizontal);
  g_test_add_func ("/charts/pareto", test_pareto);
  g_test_add_func ("/charts/histogram", test_histogram);
  g_test_add_func ("/charts/calendar/letters", test_calendar_letters);
  g_test_add_func ("/charts/calendar/month", test_calendar_month);
  g_test_add_func ("/charts/radar", test_radar);
  g_test_add_func ("/charts/sparkline", test_sparkline);
  g_test_add_func ("/charts/stacked-area", test_stacked_area);
  g_test_add_func ("/charts/scatter", test_scatter);
  g_test_add_func ("/charts/all/empty", test_all_empty);
  g_test_add_func ("/charts/title", test_title);
  g_test_add_func ("/charts/type-scales", test_type_scales);
  g_test_add_func ("/charts/changed-signal", test_changed_signal);
  g_test_add_func ("/charts/all/translated-origin", test_translated_origin);
  g_test_add_func ("/charts/all/styles", test_styles);
  g_test_add_func ("/charts/all/sizes", test_sizes);
  g_test_add_func ("/charts/all/edges-clear", test_edges_clear);
  g_test_add_func ("/charts/export/bytes", test_export_bytes);
  g_test_add_func ("/charts/export/files", test_export_files);

  return g_test_run ();
}
