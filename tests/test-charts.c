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

/* Every chart type, for the tests that apply to all of them. */

typedef ObeyaChart *(*ChartFactory) (void);

static ObeyaChart *
factory_run (void)
{
  return OBEYA_CHART (make_run_chart ());
}

static const ChartFactory factories[] = {
  factory_run,
};

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
  g_test_add_func ("/charts/empty-state", test_empty_state);
  g_test_add_func ("/charts/changed-signal", test_changed_signal);
  g_test_add_func ("/charts/all/translated-origin", test_translated_origin);
  g_test_add_func ("/charts/all/styles", test_styles);
  g_test_add_func ("/charts/all/sizes", test_sizes);
  g_test_add_func ("/charts/export/bytes", test_export_bytes);
  g_test_add_func ("/charts/export/files", test_export_files);

  return g_test_run ();
}
