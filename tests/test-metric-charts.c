/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-metric-charts, the conversion of huddle metrics into chart data:
 * run chart points (statuses from core, gaps for missing data, nothing
 * after today), target steps per direction, the Pareto of miss reasons,
 * the letter calendar of a category, the sparkline; and a run chart drawn
 * with the missed point in the missed colour where the data says.
 */
#include "config.h"

#include <math.h>

#include "obeya-metric-category.h"
#include "obeya-metric-charts.h"
#include "obeya-miss-reason.h"
#include "obeya-workspace.h"

#define DAY(y, m, d) obeya_day_from_ymd (y, m, d)

/* November 2026: Monday 2 and 9; the 10th is "today". */
#define TODAY DAY (2026, 11, 10)

typedef struct
{
  ObeyaWorkspace  *ws;
  ObeyaMetrics    *metrics;
  ObeyaMetric     *invoices; /* higher is better: 100 (amber 10), 110 from the 9th */
  ObeyaMissReason *outage;
  ObeyaMissReason *no_po;
} Fixture;

static void
set_target (ObeyaMetric *metric,
            ObeyaDay     from,
            double       target,
            double       min,
            double       max,
            double       amber)
{
  ObeyaMetricTarget t = { from, target, min, max, amber };

  obeya_metric_set_target (metric, &t);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->ws = obeya_workspace_new ();
  f->metrics = obeya_workspace_get_metrics (f->ws);
  f->outage = obeya_metrics_add_miss_reason (f->metrics, "System outage");
  f->no_po = obeya_metrics_add_miss_reason (f->metrics, "Missing PO");
  f->invoices = obeya_metrics_add_metric (f->metrics, "Invoices processed",
                                          OBEYA_CATEGORY_DELIVERY,
                                          OBEYA_METRIC_HIGHER_IS_BETTER);
  obeya_entity_edit (OBEYA_ENTITY (f->invoices), "Unit", "unit", "invoices", NULL);
  set_target (f->invoices, DAY (2026, 11, 2), 100, 0, 0, 10);
  set_target (f->invoices, DAY (2026, 11, 9), 110, 0, 0, 10);

  obeya_metric_set_entry (f->invoices, DAY (2026, 10, 30), 90, NULL, NULL); /* no target yet */
  obeya_metric_set_entry (f->invoices, DAY (2026, 11, 2), 105, NULL, NULL);  /* met */
  obeya_metric_set_entry (f->invoices, DAY (2026, 11, 3), 95, NULL, NULL);   /* amber */
  obeya_metric_set_entry (f->invoices, DAY (2026, 11, 4), 80, NULL,          /* missed */
                          obeya_entity_get_id (OBEYA_ENTITY (f->outage)));
  /* Thursday the 5th: no entry. */
  obeya_metric_set_entry (f->invoices, DAY (2026, 11, 6), 70, NULL, NULL);   /* missed */
  obeya_metric_set_entry (f->invoices, DAY (2026, 11, 7), 120, NULL, NULL);  /* Saturday: met */
  obeya_metric_set_entry (f->invoices, DAY (2026, 11, 9), 105, NULL, NULL);  /* amber (110) */
  /* Today, the 10th: no entry yet. */
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->ws);
}

static void
test_status (void)
{
  const struct { ObeyaMetricStatus in; ObeyaChartStatus out; } cases[] = {
    { OBEYA_METRIC_STATUS_MET, OBEYA_CHART_STATUS_MET },
    { OBEYA_METRIC_STATUS_AMBER, OBEYA_CHART_STATUS_AMBER },
    { OBEYA_METRIC_STATUS_MISSED, OBEYA_CHART_STATUS_MISSED },
    { OBEYA_METRIC_STATUS_NO_DATA, OBEYA_CHART_STATUS_NO_DATA },
    { OBEYA_METRIC_STATUS_NO_TARGET, OBEYA_CHART_STATUS_NONE },
    { OBEYA_METRIC_STATUS_FUTURE, OBEYA_CHART_STATUS_FUTURE },
    { OBEYA_METRIC_STATUS_NON_WORKING, OBEYA_CHART_STATUS_NON_WORKING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (obeya_metric_charts_convert_status (cases[i].in), ==, cases[i].out);
}

typedef struct
{
  ObeyaDay         day;
  double           value; /* NAN: a gap */
  ObeyaChartStatus status;
} Expected;

static void
assert_points (GArray         *points,
               const Expected *expected,
               guint           n)
{
  g_assert_cmpuint (points->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const ObeyaChartPoint *p = &g_array_index (points, ObeyaChartPoint, i);

      g_assert_cmpuint (p->day, ==, expected[i].day);
      if (isnan (expected[i].value))
        g_assert_true (isnan (p->value));
      else
        g_assert_cmpfloat (p->value, ==, expected[i].value);
      g_assert_cmpint (p->status, ==, expected[i].status);
    }
}

static void
test_run_points (Fixture       *f,
                 gconstpointer  data)
{
  /* From the first entry to today: weekend days without an entry are left
   * out, due days without one are grey gaps; today's number may still come,
   * so today without one is left out too. */
  {
    const Expected expected[] = {
      { DAY (2026, 10, 30), 90, OBEYA_CHART_STATUS_NONE },
      { DAY (2026, 11, 2), 105, OBEYA_CHART_STATUS_MET },
      { DAY (2026, 11, 3), 95, OBEYA_CHART_STATUS_AMBER },
      { DAY (2026, 11, 4), 80, OBEYA_CHART_STATUS_MISSED },
      { DAY (2026, 11, 5), NAN, OBEYA_CHART_STATUS_NO_DATA },
      { DAY (2026, 11, 6), 70, OBEYA_CHART_STATUS_MISSED },
      { DAY (2026, 11, 7), 120, OBEYA_CHART_STATUS_MET },
      { DAY (2026, 11, 9), 105, OBEYA_CHART_STATUS_AMBER },
    };
    g_autoptr(GArray) points = obeya_metric_charts_dup_run_points (f->invoices, OBEYA_DAY_NONE,
                                                                   OBEYA_DAY_NONE, TODAY);

    assert_points (points, expected, G_N_ELEMENTS (expected));
  }
  /* A range that reaches past today stops at today. */
  {
    const Expected expected[] = {
      { DAY (2026, 11, 6), 70, OBEYA_CHART_STATUS_MISSED },
      { DAY (2026, 11, 7), 120, OBEYA_CHART_STATUS_MET },
      { DAY (2026, 11, 9), 105, OBEYA_CHART_STATUS_AMBER },
    };
    g_autoptr(GArray) points = obeya_metric_charts_dup_run_points (f->invoices,
                                                                   DAY (2026, 11, 6),
                                                                   DAY (2026, 12, 31), TODAY);

    assert_points (points, expected, G_N_ELEMENTS (expected));
  }
  /* Before the first entry the metric was not kept: no gaps there. */
  {
    g_autoptr(GArray) points = obeya_metric_charts_dup_run_points (f->invoices,
                                                                   DAY (2026, 10, 1),
                                                                   DAY (2026, 11, 2), TODAY);
    const Expected expected[] = {
      { DAY (2026, 10, 30), 90, OBEYA_CHART_STATUS_NONE },
      { DAY (2026, 11, 2), 105, OBEYA_CHART_STATUS_MET },
    };

    assert_points (points, expected, G_N_ELEMENTS (expected));
  }
  /* Only the future: nothing. */
  {
    g_autoptr(GArray) points = obeya_metric_charts_dup_run_points (f->invoices,
                                                                   DAY (2026, 11, 20),
                                                                   OBEYA_DAY_NONE, TODAY);
    g_assert_cmpuint (points->len, ==, 0);
  }
  /* A weekly metric: its Mondays only. */
  {
    ObeyaMetric *weekly = obeya_metrics_add_metric (f->metrics, "Training hours",
                                                    OBEYA_CATEGORY_PEOPLE,
                                                    OBEYA_METRIC_HIGHER_IS_BETTER);
    const Expected expected[] = {
      { DAY (2026, 10, 26), 3, OBEYA_CHART_STATUS_MISSED },
      { DAY (2026, 11, 2), NAN, OBEYA_CHART_STATUS_NO_DATA },
      { DAY (2026, 11, 9), 5, OBEYA_CHART_STATUS_MET },
    };
    g_autoptr(GArray) points = NULL;

    obeya_entity_edit (OBEYA_ENTITY (weekly), "Cadence", "cadence",
                       OBEYA_METRIC_CADENCE_WEEKLY, NULL);
    set_target (weekly, DAY (2026, 1, 1), 4, 0, 0, 0);
    obeya_metric_set_entry (weekly, DAY (2026, 10, 28), 3, NULL, NULL); /* a Wednesday */
    obeya_metric_set_entry (weekly, DAY (2026, 11, 10), 5, NULL, NULL);
    points = obeya_metric_charts_dup_run_points (weekly, OBEYA_DAY_NONE, OBEYA_DAY_NONE, TODAY);
    assert_points (points, expected, G_N_ELEMENTS (expected));
  }
}

static void
test_target_steps (Fixture       *f,
                   gconstpointer  data)
{
  ObeyaMetric *lower = obeya_metrics_add_metric (f->metrics, "Overtime", OBEYA_CATEGORY_COST,
                                                 OBEYA_METRIC_LOWER_IS_BETTER);
  ObeyaMetric *band = obeya_metrics_add_metric (f->metrics, "Temperature", OBEYA_CATEGORY_SAFETY,
                                                OBEYA_METRIC_WITHIN_BAND);
  g_autoptr(GArray) steps = obeya_metric_charts_dup_target_steps (f->invoices);
  const ObeyaChartTargetStep *s;

  g_assert_cmpuint (steps->len, ==, 2);
  s = &g_array_index (steps, ObeyaChartTargetStep, 0);
  g_assert_cmpuint (s->from_day, ==, DAY (2026, 11, 2));
  g_assert_cmpfloat (s->target, ==, 100);
  g_assert_cmpfloat (s->amber_low, ==, 90);
  g_assert_cmpfloat (s->amber_high, ==, 100);
  g_assert_true (isnan (s->band_min) && isnan (s->band_max));
  s = &g_array_index (steps, ObeyaChartTargetStep, 1);
  g_assert_cmpuint (s->from_day, ==, DAY (2026, 11, 9));
  g_assert_cmpfloat (s->target, ==, 110);

  /* Lower is better: the amber zone above the target; none without amber. */
  set_target (lower, DAY (2026, 1, 1), 8, 0, 0, 4);
  set_target (lower, DAY (2026, 6, 1), 6, 0, 0, 0);
  g_clear_pointer (&steps, g_array_unref);
  steps = obeya_metric_charts_dup_target_steps (lower);
  g_assert_cmpuint (steps->len, ==, 2);
  s = &g_array_index (steps, ObeyaChartTargetStep, 0);
  g_assert_cmpfloat (s->target, ==, 8);
  g_assert_cmpfloat (s->amber_low, ==, 8);
  g_assert_cmpfloat (s->amber_high, ==, 12);
  s = &g_array_index (steps, ObeyaChartTargetStep, 1);
  g_assert_cmpfloat (s->target, ==, 6);
  g_assert_true (isnan (s->amber_low) && isnan (s->amber_high));

  /* A band: the band, no target line, the amber margins on either side. */
  set_target (band, DAY (2026, 1, 1), 0, 19, 23, 1);
  g_clear_pointer (&steps, g_array_unref);
  steps = obeya_metric_charts_dup_target_steps (band);
  g_assert_cmpuint (steps->len, ==, 1);
  s = &g_array_index (steps, ObeyaChartTargetStep, 0);
  g_assert_cmpfloat (s->band_min, ==, 19);
  g_assert_cmpfloat (s->band_max, ==, 23);
  g_assert_cmpfloat (s->amber_low, ==, 18);
  g_assert_cmpfloat (s->amber_high, ==, 24);
  g_assert_true (isnan (s->target));

  /* No target at all: no steps. */
  g_clear_pointer (&steps, g_array_unref);
  steps = obeya_metric_charts_dup_target_steps (
    obeya_metrics_add_metric (f->metrics, "New", OBEYA_CATEGORY_QUALITY,
                              OBEYA_METRIC_HIGHER_IS_BETTER));
  g_assert_cmpuint (steps->len, ==, 0);
}

/* Unpremultiplied 0..255 components of the pixel at (x, y). */
static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double          *rgb)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *) (data + y * stride + x * 4);
  double alpha = (p >> 24) & 0xff;

  rgb[0] = alpha > 0 ? ((p >> 16) & 0xff) * 255. / alpha : 0;
  rgb[1] = alpha > 0 ? ((p >> 8) & 0xff) * 255. / alpha : 0;
  rgb[2] = alpha > 0 ? (p & 0xff) * 255. / alpha : 0;
}

static gboolean
pixel_is (cairo_surface_t       *surface,
          double                 x,
          double                 y,
          const ObeyaChartColor *color)
{
  double rgb[3];

  pixel_at (surface, (int) x, (int) y, rgb);
  return fabs (rgb[0] - color->red * 255) < 24 && fabs (rgb[1] - color->green * 255) < 24 &&
         fabs (rgb[2] - color->blue * 255) < 24;
}

static void
test_run_chart (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ObeyaRunChart) chart = obeya_run_chart_new ();
  const ObeyaChartPalette *palette = obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
  cairo_t *cr = cairo_create (surface);
  double x, y;

  obeya_metric_charts_fill_run_chart (chart, f->invoices, OBEYA_DAY_NONE, OBEYA_DAY_NONE, TODAY);
  g_assert_cmpstr (obeya_chart_get_title (OBEYA_CHART (chart)), ==, "Invoices processed");
  g_assert_cmpstr (obeya_run_chart_get_unit (chart), ==, "invoices");
  g_assert_cmpint (obeya_run_chart_get_reference (chart), ==, OBEYA_CHART_REFERENCE_MEAN);
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (chart)));

  obeya_chart_draw (OBEYA_CHART (chart), cr, 800, 400, palette);
  cairo_surface_flush (surface);
  /* The misses in red, the met days in green, where the data is. */
  g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 11, 4), 80, &x, &y));
  g_assert_true (pixel_is (surface, x, y, &palette->missed));
  g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 11, 2), 105, &x, &y));
  g_assert_true (pixel_is (surface, x, y, &palette->met));
  g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 11, 3), 95, &x, &y));
  g_assert_true (pixel_is (surface, x, y, &palette->amber));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* A metric without entries: the empty state. */
  obeya_metric_charts_fill_run_chart (chart,
                                      obeya_metrics_add_metric (f->metrics, "New",
                                                                OBEYA_CATEGORY_QUALITY,
                                                                OBEYA_METRIC_HIGHER_IS_BETTER),
                                      OBEYA_DAY_NONE, OBEYA_DAY_NONE, TODAY);
  g_assert_cmpstr (obeya_chart_get_title (OBEYA_CHART (chart)), ==, "New");
  g_assert_true (obeya_chart_is_empty (OBEYA_CHART (chart)));
}

static void
test_pareto (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ObeyaParetoChart) chart = obeya_pareto_chart_new ();
  ObeyaMetric *errors = obeya_metrics_add_metric (f->metrics, "Errors", OBEYA_CATEGORY_QUALITY,
                                                  OBEYA_METRIC_LOWER_IS_BETTER);

  set_target (errors, DAY (2026, 1, 1), 2, 0, 0, 0);
  obeya_metric_set_entry (errors, DAY (2026, 11, 2), 5, NULL,
                          obeya_entity_get_id (OBEYA_ENTITY (f->no_po)));

  obeya_metric_charts_fill_pareto (chart, f->metrics, f->invoices, NULL, OBEYA_DAY_NONE,
                                   OBEYA_DAY_NONE, TODAY);
  g_assert_cmpstr (obeya_chart_get_title (OBEYA_CHART (chart)), ==,
                   "Misses of “Invoices processed” by reason");
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (chart)));

  obeya_metric_charts_fill_pareto (chart, f->metrics, NULL, OBEYA_CATEGORY_QUALITY,
                                   OBEYA_DAY_NONE, OBEYA_DAY_NONE, TODAY);
  g_assert_cmpstr (obeya_chart_get_title (OBEYA_CHART (chart)), ==,
                   "Misses in Quality by reason");
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (chart)));

  obeya_metric_charts_fill_pareto (chart, f->metrics, NULL, NULL, OBEYA_DAY_NONE,
                                   OBEYA_DAY_NONE, TODAY);
  g_assert_cmpstr (obeya_chart_get_title (OBEYA_CHART (chart)), ==, "Misses by reason");
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (chart)));

  /* No misses in the range: nothing to show. */
  obeya_metric_charts_fill_pareto (chart, f->metrics, NULL, NULL, DAY (2026, 11, 7),
                                   DAY (2026, 11, 8), TODAY);
  g_assert_true (obeya_chart_is_empty (OBEYA_CHART (chart)));
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ObeyaLetterCalendar) chart = obeya_letter_calendar_new ();
  ObeyaChartStatus days[31];
  ObeyaMetricCategory *custom;
  guint n;

  n = obeya_metric_charts_get_calendar_days (f->metrics, OBEYA_CATEGORY_DELIVERY, 2026, 11, TODAY,
                                             days);
  g_assert_cmpuint (n, ==, 30);
  g_assert_cmpint (days[0], ==, OBEYA_CHART_STATUS_NON_WORKING); /* Sunday the 1st */
  g_assert_cmpint (days[1], ==, OBEYA_CHART_STATUS_MET);
  g_assert_cmpint (days[2], ==, OBEYA_CHART_STATUS_AMBER);
  g_assert_cmpint (days[3], ==, OBEYA_CHART_STATUS_MISSED);
  g_assert_cmpint (days[4], ==, OBEYA_CHART_STATUS_NO_DATA);
  g_assert_cmpint (days[6], ==, OBEYA_CHART_STATUS_MET);         /* Saturday with an entry */
  g_assert_cmpint (days[7], ==, OBEYA_CHART_STATUS_NON_WORKING); /* Sunday */
  g_assert_cmpint (days[9], ==, OBEYA_CHART_STATUS_NO_DATA);     /* today, not in yet */
  g_assert_cmpint (days[10], ==, OBEYA_CHART_STATUS_FUTURE);
  g_assert_cmpint (days[29], ==, OBEYA_CHART_STATUS_FUTURE);

  obeya_metric_charts_fill_letter_calendar (chart, f->metrics, OBEYA_CATEGORY_DELIVERY, 2026, 11,
                                            TODAY);
  g_assert_cmpint (obeya_letter_calendar_get_letter (chart), ==, OBEYA_CHART_LETTER_D);
  g_assert_cmpuint (obeya_letter_calendar_get_today (chart), ==, TODAY);
  g_assert_cmpstr (obeya_chart_get_title (OBEYA_CHART (chart)), ==, "Delivery — November 2026");
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (chart)));

  /* February of a leap year; a custom category gets the month grid. */
  custom = obeya_metrics_add_category (f->metrics, "Environment", "E");
  n = obeya_metric_charts_get_calendar_days (f->metrics,
                                             obeya_entity_get_id (OBEYA_ENTITY (custom)),
                                             2028, 2, TODAY, days);
  g_assert_cmpuint (n, ==, 29);
  g_assert_cmpint (days[28], ==, OBEYA_CHART_STATUS_FUTURE);
  obeya_metric_charts_fill_letter_calendar (chart, f->metrics,
                                            obeya_entity_get_id (OBEYA_ENTITY (custom)), 2026, 10,
                                            TODAY);
  g_assert_cmpint (obeya_letter_calendar_get_letter (chart), ==, OBEYA_CHART_LETTER_GRID);
  g_assert_cmpstr (obeya_chart_get_title (OBEYA_CHART (chart)), ==, "Environment — October 2026");
}

static void
test_sparkline (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ObeyaSparkline) chart = obeya_sparkline_new ();
  const ObeyaChartPalette *palette = obeya_chart_palette_get (OBEYA_CHART_STYLE_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 60);
  cairo_t *cr = cairo_create (surface);
  double x, y;

  /* The last 4 due days: the 6th, the Saturday with its entry, the 9th,
   * today (a gap). */
  obeya_metric_charts_fill_sparkline (chart, f->invoices, 4, TODAY, TODAY);
  g_assert_cmpfloat (obeya_sparkline_get_target (chart), ==, 110);
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (chart)));
  obeya_chart_draw (OBEYA_CHART (chart), cr, 200, 60, palette);
  cairo_surface_flush (surface);
  /* The first point is the 6th: the left edge. */
  g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 11, 6), 70, &x, &y));
  g_assert_cmpfloat (x, <, 20);
  g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 11, 10), 110, &x, &y));
  g_assert_cmpfloat (x, >, 180);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* A tile reviewing yesterday ends there: the 9th at the right edge. */
  obeya_metric_charts_fill_sparkline (chart, f->invoices, 4, DAY (2026, 11, 9), TODAY);
  {
    cairo_surface_t *s2 = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 60);
    cairo_t *cr2 = cairo_create (s2);

    obeya_chart_draw (OBEYA_CHART (chart), cr2, 200, 60, palette);
    g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 11, 9), 110, &x, &y));
    g_assert_cmpfloat (x, >, 180);
    g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 11, 5), 110, &x, &y));
    g_assert_cmpfloat (x, <, 20);
    cairo_destroy (cr2);
    cairo_surface_destroy (s2);
  }

  /* A weekly metric: a point per Monday, not one per day of its weeks. */
  {
    ObeyaMetric *weekly = obeya_metrics_add_metric (f->metrics, "Training hours",
                                                    OBEYA_CATEGORY_PEOPLE,
                                                    OBEYA_METRIC_HIGHER_IS_BETTER);
    cairo_surface_t *s3 = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 60);
    cairo_t *cr3 = cairo_create (s3);

    obeya_entity_edit (OBEYA_ENTITY (weekly), "Cadence", "cadence",
                       OBEYA_METRIC_CADENCE_WEEKLY, NULL);
    set_target (weekly, DAY (2026, 1, 1), 4, 0, 0, 0);
    obeya_metric_set_entry (weekly, DAY (2026, 10, 26), 3, NULL, NULL);
    obeya_metric_set_entry (weekly, DAY (2026, 11, 2), 4, NULL, NULL);
    obeya_metric_set_entry (weekly, DAY (2026, 11, 9), 5, NULL, NULL);
    obeya_metric_charts_fill_sparkline (chart, weekly, 3, TODAY, TODAY);
    obeya_chart_draw (OBEYA_CHART (chart), cr3, 200, 60, palette);
    g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 10, 26), 4, &x, &y));
    g_assert_cmpfloat (x, <, 20);
    g_assert_true (obeya_chart_map (OBEYA_CHART (chart), DAY (2026, 11, 9), 4, &x, &y));
    g_assert_cmpfloat (x, >, 180);
    cairo_destroy (cr3);
    cairo_surface_destroy (s3);
  }

  /* Nothing before the first target: no target line. */
  obeya_metric_charts_fill_sparkline (chart, f->invoices, 30, DAY (2026, 10, 30), DAY (2026, 10, 30));
  g_assert_true (isnan (obeya_sparkline_get_target (chart)));
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (chart)));
  /* Before the first entry: nothing. */
  obeya_metric_charts_fill_sparkline (chart, f->invoices, 30, DAY (2026, 10, 29), DAY (2026, 10, 29));
  g_assert_true (obeya_chart_is_empty (OBEYA_CHART (chart)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/metric-charts/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/metric-charts/status", test_status);
  ADD ("run-points", test_run_points);
  ADD ("target-steps", test_target_steps);
  ADD ("run-chart", test_run_chart);
  ADD ("pareto", test_pareto);
  ADD ("calendar", test_calendar);
  ADD ("sparkline", test_sparkline);

#undef ADD

  return g_test_run ();
}
