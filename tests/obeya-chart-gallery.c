/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-chart-gallery: renders every chart type with plausible sample data
 * in every palette, at 640x400, 1920x1080 and 320x200, into a directory of PNGs, for
 * people to look at. Not installed.
 *
 *   obeya-chart-gallery [--bench] [DIRECTORY]
 *
 * --bench also times the 3-year daily run chart (DESIGN.md section 5).
 */
#define G_LOG_DOMAIN "obeya-gallery"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "obeya-charts.h"

typedef struct
{
  const char *name;
  ObeyaChart *(*build) (void);
  int         width;   /* 0: the default sizes */
  int         height;
} GalleryEntry;

static guint32
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static gboolean
is_weekend (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_weekday (&date) >= G_DATE_SATURDAY;
}

/* A run chart of on-time delivery over ~10 weeks of working days, the
 * target raised from 92 % to 95 % half way, one missing day. */
static ObeyaChart *
build_run (void)
{
  ObeyaRunChart *chart = obeya_run_chart_new ();
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ObeyaChartPoint));
  guint32 start = julian (2025, 3, 3);
  guint32 change = julian (2025, 4, 7);
  ObeyaChartTargetStep steps[] = {
    { start, 92., 90., 92., NAN, NAN },
    { change, 95., 93., 95., NAN, NAN },
  };
  GRand *rand = g_rand_new_with_seed (7);
  guint32 d;

  for (d = start; d < start + 70; d++)
    {
      ObeyaChartPoint p = { d, 0., OBEYA_CHART_STATUS_MET };
      double target = d < change ? 92. : 95.;
      double amber = d < change ? 90. : 93.;

      if (is_weekend (d))
        continue;
      p.value = round (g_rand_double_range (rand, 86., 100.) * 10.) / 10.;
      if (d == start + 23)
        p.value = NAN;
      p.status = !isfinite (p.value) ? OBEYA_CHART_STATUS_NO_DATA
               : p.value >= target ? OBEYA_CHART_STATUS_MET
               : p.value >= amber ? OBEYA_CHART_STATUS_AMBER
               : OBEYA_CHART_STATUS_MISSED;
      g_array_append_val (points, p);
    }
  g_rand_free (rand);

  obeya_run_chart_set_points (chart, (ObeyaChartPoint *) points->data, points->len);
  obeya_run_chart_set_targets (chart, steps, G_N_ELEMENTS (steps));
  obeya_run_chart_set_unit (chart, "%");
  obeya_run_chart_set_decimals (chart, 0);
  obeya_run_chart_set_reference (chart, OBEYA_CHART_REFERENCE_MEAN);
  obeya_chart_set_title (OBEYA_CHART (chart), "On-time delivery");
  return OBEYA_CHART (chart);
}

/* Three years of daily points: the benchmark case. */
static ObeyaChart *
build_run_3y (void)
{
  ObeyaRunChart *chart = obeya_run_chart_new ();
  g_autofree ObeyaChartPoint *points = g_new (ObeyaChartPoint, 1100);
  ObeyaChartTargetStep steps[] = {
    { julian (2023, 1, 1), 30., NAN, NAN, NAN, NAN },
    { julian (2024, 1, 1), 25., NAN, NAN, NAN, NAN },
    { julian (2025, 1, 1), 20., NAN, NAN, NAN, NAN },
  };
  guint32 start = julian (2023, 1, 1);
  GRand *rand = g_rand_new_with_seed (3);
  guint i;

  for (i = 0; i < 1100; i++)
    {
      double target = i < 365 ? 30. : i < 731 ? 25. : 20.;

      points[i].day = start + i;
      points[i].value = g_rand_double_range (rand, 5., 40.) - i / 100.;
      points[i].value = round (MAX (1., points[i].value));
      points[i].status = points[i].value <= target ? OBEYA_CHART_STATUS_MET
                                                   : OBEYA_CHART_STATUS_MISSED;
      if (i % 97 == 13)
        points[i].value = NAN;
    }
  g_rand_free (rand);
  obeya_run_chart_set_points (chart, points, 1100);
  obeya_run_chart_set_targets (chart, steps, G_N_ELEMENTS (steps));
  obeya_run_chart_set_unit (chart, "min");
  obeya_run_chart_set_reference (chart, OBEYA_CHART_REFERENCE_MEDIAN);
  return OBEYA_CHART (chart);
}

/* A "within a band" metric: temperature kept between 19 and 23. */
static ObeyaChart *
build_run_band (void)
{
  ObeyaRunChart *chart = obeya_run_chart_new ();
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ObeyaChartPoint));
  ObeyaChartTargetStep steps[] = {
    { julian (2025, 1, 6), NAN, NAN, NAN, 19., 23. },
    { julian (2025, 2, 3), NAN, NAN, NAN, 20., 22.5 },
  };
  GRand *rand = g_rand_new_with_seed (11);
  guint32 d;

  for (d = julian (2025, 1, 6); d < julian (2025, 3, 1); d += 1)
    {
      ObeyaChartPoint p = { d, round (g_rand_double_range (rand, 18., 24.5) * 10.) / 10., 0 };
      double lo = d < julian (2025, 2, 3) ? 19. : 20.;
      double hi = d < julian (2025, 2, 3) ? 23. : 22.5;

      p.status = p.value >= lo && p.value <= hi ? OBEYA_CHART_STATUS_MET
                                                : OBEYA_CHART_STATUS_MISSED;
      g_array_append_val (points, p);
    }
  g_rand_free (rand);
  obeya_run_chart_set_points (chart, (ObeyaChartPoint *) points->data, points->len);
  obeya_run_chart_set_targets (chart, steps, G_N_ELEMENTS (steps));
  obeya_run_chart_set_unit (chart, "°C");
  obeya_run_chart_set_decimals (chart, 1);
  return OBEYA_CHART (chart);
}

static ObeyaChart *
build_run_empty (void)
{
  ObeyaRunChart *chart = obeya_run_chart_new ();

  obeya_chart_set_title (OBEYA_CHART (chart), "Safety incidents");
  return OBEYA_CHART (chart);
}

/* 5S scores of areas, long names: horizontal bars coloured by status. */
static ObeyaChart *
build_bar_areas (void)
{
  ObeyaBarChart *chart = obeya_bar_chart_new ();
  ObeyaChartBar bars[] = {
    { "Accounts payable – shared desks", 82., OBEYA_CHART_STATUS_MET, { 0 } },
    { "Customer service floor", 64., OBEYA_CHART_STATUS_AMBER, { 0 } },
    { "Archive room", 41., OBEYA_CHART_STATUS_MISSED, { 0 } },
    { "Shared drive: Finance", 77., OBEYA_CHART_STATUS_MET, { 0 } },
    { "Mailroom", NAN, OBEYA_CHART_STATUS_NO_DATA, { 0 } },
    { "Reception and meeting rooms on the second floor", 90., OBEYA_CHART_STATUS_MET, { 0 } },
  };

  obeya_bar_chart_set_bars (chart, bars, G_N_ELEMENTS (bars));
  obeya_bar_chart_set_orientation (chart, OBEYA_CHART_ORIENTATION_HORIZONTAL);
  obeya_bar_chart_set_unit (chart, "%");
  obeya_bar_chart_set_reference_line (chart, 70., "Target 70 %");
  obeya_chart_set_title (OBEYA_CHART (chart), "5S score by area");
  return OBEYA_CHART (chart);
}

/* Throughput per week: vertical bars, an average line. */
static ObeyaChart *
build_bar_weeks (void)
{
  ObeyaBarChart *chart = obeya_bar_chart_new ();
  static const char *labels[] = { "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11", "W12" };
  static const double values[] = { 14, 17, 9, 21, 18, 16, 23, 12, 19, 20, 24, 22 };
  ObeyaChartBar bars[G_N_ELEMENTS (labels)];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (labels); i++)
    bars[i] = (ObeyaChartBar) { labels[i], values[i], OBEYA_CHART_STATUS_NONE, { 0 } };
  obeya_bar_chart_set_bars (chart, bars, G_N_ELEMENTS (bars));
  obeya_bar_chart_set_reference_line (chart, 17.9, "Average 17.9");
  obeya_chart_set_title (OBEYA_CHART (chart), "Cards done per week");
  return OBEYA_CHART (chart);
}

/* Vertical bars with long names: labels turn. */
static ObeyaChart *
build_bar_long (void)
{
  ObeyaBarChart *chart = obeya_bar_chart_new ();
  ObeyaChartBar bars[] = {
    { "Sort", 75., OBEYA_CHART_STATUS_NONE, { 0 } },
    { "Set in order", 62.5, OBEYA_CHART_STATUS_NONE, { 0 } },
    { "Shine", 88., OBEYA_CHART_STATUS_NONE, { 0 } },
    { "Standardize", 50., OBEYA_CHART_STATUS_NONE, { 0 } },
    { "Sustain", 40., OBEYA_CHART_STATUS_NONE, { 0.57, 0.25, 0.67, 1. } },
    { "Digital workplace (shared drive)", 71., OBEYA_CHART_STATUS_NONE, { 0 } },
    { "Desk and shared areas", 83., OBEYA_CHART_STATUS_NONE, { 0 } },
  };

  obeya_bar_chart_set_bars (chart, bars, G_N_ELEMENTS (bars));
  obeya_bar_chart_set_unit (chart, "%");
  obeya_bar_chart_set_decimals (chart, 1);
  return OBEYA_CHART (chart);
}

static ObeyaChart *
build_pareto (void)
{
  ObeyaParetoChart *chart = obeya_pareto_chart_new ();
  static const char *labels[] = {
    "Missing information from customer", "System down", "Waiting for approval",
    "Wrong template", "Staff absence", "Rework after audit", "Printer jam",
    "Unclear priority", "Other team late",
  };
  static const double counts[] = { 12, 5, 23, 3, 7, 2, 1, 4, 9 };

  obeya_pareto_chart_set_categories (chart, labels, counts, G_N_ELEMENTS (labels));
  obeya_pareto_chart_set_max_categories (chart, 8);
  obeya_chart_set_title (OBEYA_CHART (chart), "Reasons for missed deliveries");
  return OBEYA_CHART (chart);
}

static ObeyaChart *
build_histogram (void)
{
  ObeyaHistogram *chart = obeya_histogram_new ();
  double values[160];
  GRand *rand = g_rand_new_with_seed (5);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = 1 + floor (-log (1. - g_rand_double (rand)) * 6. + g_rand_double_range (rand, 0, 3));
  g_rand_free (rand);
  obeya_histogram_set_values (chart, values, G_N_ELEMENTS (values), 2.);
  obeya_histogram_set_unit (chart, "d");
  obeya_chart_set_title (OBEYA_CHART (chart), "Cycle time");
  return OBEYA_CHART (chart);
}

/* March 2025, today the 20th: past days coloured, weekends non-working. */
static ObeyaChart *
build_calendar (ObeyaChartLetter letter)
{
  ObeyaLetterCalendar *chart = obeya_letter_calendar_new ();
  ObeyaChartStatus days[31];
  GRand *rand = g_rand_new_with_seed (letter + 1);
  guint d;

  for (d = 1; d <= 31; d++)
    {
      double r = g_rand_double (rand);

      if (is_weekend (julian (2025, 3, d)))
        days[d - 1] = OBEYA_CHART_STATUS_NON_WORKING;
      else if (d > 20)
        days[d - 1] = OBEYA_CHART_STATUS_FUTURE;
      else if (d == 12)
        days[d - 1] = OBEYA_CHART_STATUS_NO_DATA;
      else
        days[d - 1] = r < 0.7 ? OBEYA_CHART_STATUS_MET
                    : r < 0.85 ? OBEYA_CHART_STATUS_AMBER : OBEYA_CHART_STATUS_MISSED;
    }
  g_rand_free (rand);
  obeya_letter_calendar_set_month (chart, 2025, G_DATE_MARCH);
  obeya_letter_calendar_set_days (chart, days, 31);
  obeya_letter_calendar_set_letter (chart, letter);
  obeya_letter_calendar_set_today (chart, julian (2025, 3, 20));
  return OBEYA_CHART (chart);
}

static ObeyaChart *build_calendar_s (void) { return build_calendar (OBEYA_CHART_LETTER_S); }
static ObeyaChart *build_calendar_q (void) { return build_calendar (OBEYA_CHART_LETTER_Q); }
static ObeyaChart *build_calendar_d (void) { return build_calendar (OBEYA_CHART_LETTER_D); }
static ObeyaChart *build_calendar_c (void) { return build_calendar (OBEYA_CHART_LETTER_C); }
static ObeyaChart *build_calendar_p (void) { return build_calendar (OBEYA_CHART_LETTER_P); }
static ObeyaChart *build_calendar_grid (void) { return build_calendar (OBEYA_CHART_LETTER_GRID); }

/* February: a short month leaves the last cells faint. */
static ObeyaChart *
build_calendar_february (void)
{
  ObeyaChart *chart = build_calendar (OBEYA_CHART_LETTER_Q);

  obeya_letter_calendar_set_month (OBEYA_LETTER_CALENDAR (chart), 2025, G_DATE_FEBRUARY);
  obeya_chart_set_title (chart, "Quality");
  return chart;
}

static ObeyaChart *
build_radar (void)
{
  ObeyaRadarChart *chart = obeya_radar_chart_new ();
  static const char *axes[] = { "Sort", "Set in order", "Shine", "Standardize", "Sustain" };
  double current[] = { 75., 62.5, NAN, 50., 81. };
  double previous[] = { 60., 55., 70., 45., 50. };

  obeya_radar_chart_set_axes (chart, axes, G_N_ELEMENTS (axes));
  obeya_radar_chart_set_series (chart, 0, "12 March 2025", current);
  obeya_radar_chart_set_series (chart, 1, "10 February 2025", previous);
  obeya_chart_set_title (OBEYA_CHART (chart), "Archive room");
  return OBEYA_CHART (chart);
}

static ObeyaChart *
build_sparkline (void)
{
  ObeyaSparkline *chart = obeya_sparkline_new ();
  ObeyaChartPoint points[20];
  GRand *rand = g_rand_new_with_seed (17);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (points); i++)
    {
      points[i].day = julian (2025, 3, 1) + i;
      points[i].value = g_rand_double_range (rand, 88., 99.);
      points[i].status = points[i].value >= 95. ? OBEYA_CHART_STATUS_MET : OBEYA_CHART_STATUS_MISSED;
    }
  points[12].value = NAN;
  g_rand_free (rand);
  obeya_sparkline_set_points (chart, points, G_N_ELEMENTS (points));
  obeya_sparkline_set_target (chart, 95.);
  return OBEYA_CHART (chart);
}

/* Cumulative flow of a board over 12 weeks. */
static ObeyaChart *
build_flow (void)
{
  ObeyaStackedAreaChart *chart = obeya_stacked_area_chart_new ();
  static const char *names[] = { "Done", "Review", "In progress", "Ready", "Backlog" };
  double values[G_N_ELEMENTS (names)][84];
  guint32 days[84];
  GRand *rand = g_rand_new_with_seed (23);
  double done = 0.;
  guint i, s;

  for (i = 0; i < 84; i++)
    {
      days[i] = julian (2025, 1, 6) + i;
      done += g_rand_int_range (rand, 0, 4);
      values[0][i] = done;
      values[1][i] = g_rand_int_range (rand, 1, 4);
      values[2][i] = g_rand_int_range (rand, 4, 8);
      values[3][i] = g_rand_int_range (rand, 3, 7);
      values[4][i] = 20 + i / 6 + g_rand_int_range (rand, 0, 3);
    }
  g_rand_free (rand);
  obeya_stacked_area_chart_set_days (chart, days, 84);
  for (s = 0; s < G_N_ELEMENTS (names); s++)
    obeya_stacked_area_chart_add_series (chart, names[s], NULL, values[s]);
  obeya_chart_set_title (OBEYA_CHART (chart), "Cumulative flow");
  return OBEYA_CHART (chart);
}

static ObeyaChart *
build_scatter (void)
{
  ObeyaScatterChart *chart = obeya_scatter_chart_new ();
  ObeyaChartPoint points[150];
  double percents[] = { 50., 85., 95. };
  double values[] = { 6., 12., 17. };
  GRand *rand = g_rand_new_with_seed (29);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (points); i++)
    {
      points[i].day = julian (2025, 1, 2) + g_rand_int_range (rand, 0, 90);
      points[i].value = 1 + floor (-log (1. - g_rand_double (rand)) * 6.);
      points[i].status = OBEYA_CHART_STATUS_NONE;
    }
  g_rand_free (rand);
  obeya_scatter_chart_set_points (chart, points, G_N_ELEMENTS (points));
  obeya_scatter_chart_set_percentiles (chart, percents, values, 3);
  obeya_scatter_chart_set_unit (chart, "d");
  obeya_chart_set_title (OBEYA_CHART (chart), "Cycle time scatter");
  return OBEYA_CHART (chart);
}

static const GalleryEntry entries[] = {
  { "calendar-s", build_calendar_s, 0, 0 },
  { "calendar-q", build_calendar_q, 0, 0 },
  { "calendar-d", build_calendar_d, 0, 0 },
  { "calendar-c", build_calendar_c, 0, 0 },
  { "calendar-p", build_calendar_p, 0, 0 },
  { "calendar-grid", build_calendar_grid, 0, 0 },
  { "calendar-s", build_calendar_s, 200, 240 },
  { "calendar-q", build_calendar_q, 200, 240 },
  { "calendar-d", build_calendar_d, 200, 240 },
  { "calendar-c", build_calendar_c, 200, 240 },
  { "calendar-p", build_calendar_p, 200, 240 },
  { "calendar-grid", build_calendar_grid, 200, 240 },
  { "calendar-february", build_calendar_february, 200, 240 },
  { "radar", build_radar, 0, 0 },
  { "sparkline", build_sparkline, 160, 40 },
  { "flow", build_flow, 0, 0 },
  { "scatter", build_scatter, 0, 0 },
  { "bar-areas", build_bar_areas, 0, 0 },
  { "bar-weeks", build_bar_weeks, 0, 0 },
  { "bar-long", build_bar_long, 0, 0 },
  { "pareto", build_pareto, 0, 0 },
  { "histogram", build_histogram, 0, 0 },
  { "run", build_run, 0, 0 },
  { "run-3-years", build_run_3y, 0, 0 },
  { "run-band", build_run_band, 0, 0 },
  { "run-empty", build_run_empty, 0, 0 },
};

static const struct {
  const char      *name;
  ObeyaChartStyle  style;
} styles[] = {
  { "light", OBEYA_CHART_STYLE_LIGHT },
  { "dark", OBEYA_CHART_STYLE_DARK },
  { "hc", OBEYA_CHART_STYLE_HIGH_CONTRAST },
  { "hc-dark", OBEYA_CHART_STYLE_HIGH_CONTRAST_DARK },
};

static const int sizes[][2] = { { 640, 400 }, { 1920, 1080 }, { 320, 200 } };

static void
bench_size (ObeyaChart *chart,
            int         width,
            int         height)
{
  const int runs = 50;
  double best = G_MAXDOUBLE, total = 0., total_png = 0.;
  int i;

  for (i = 0; i < runs; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time ();
      gint64 t1;
      g_autoptr(GBytes) png = NULL;

      obeya_chart_draw (chart, cr, width, height, NULL);
      cairo_surface_flush (surface);
      t1 = g_get_monotonic_time ();
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      best = MIN (best, (t1 - t0) / 1000.);
      total += (t1 - t0) / 1000.;

      t0 = g_get_monotonic_time ();
      png = obeya_chart_render_png_bytes (chart, width, height, 1, NULL, NULL);
      total_png += (g_get_monotonic_time () - t0) / 1000.;
    }
  g_print ("3-year daily run chart (1,100 points), %dx%d: draw %.2f ms mean, %.2f ms best; "
           "draw + PNG encode %.2f ms mean (%d runs)\n",
           width, height, total / runs, best, total_png / runs, runs);
}

static int
bench (void)
{
  g_autoptr(ObeyaChart) chart = build_run_3y ();

  bench_size (chart, 640, 400);
  bench_size (chart, 1920, 1080);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = "chart-gallery";
  guint i, s, z;
  int n = 0;

  setlocale (LC_ALL, "");

  for (i = 1; i < (guint) argc; i++)
    {
      if (g_str_equal (argv[i], "--bench"))
        return bench ();
      dir = argv[i];
    }

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("Cannot create %s\n", dir);
      return EXIT_FAILURE;
    }

  for (i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(ObeyaChart) chart = entries[i].build ();

      for (s = 0; s < G_N_ELEMENTS (styles); s++)
        for (z = 0; z < (entries[i].width ? 1 : G_N_ELEMENTS (sizes)); z++)
          {
            int w = entries[i].width ? entries[i].width : sizes[z][0];
            int h = entries[i].width ? entries[i].height : sizes[z][1];
            g_autofree char *name = g_strdup_printf ("%s-%s-%dx%d.png", entries[i].name,
                                                     styles[s].name, w, h);
            g_autofree char *path = g_build_filename (dir, name, NULL);
            g_autoptr(GError) error = NULL;

            if (!obeya_chart_export (chart, path, OBEYA_CHART_FORMAT_PNG, w, h,
                                     obeya_chart_palette_get (styles[s].style), &error))
              {
                g_printerr ("%s: %s\n", path, error->message);
                return EXIT_FAILURE;
              }
            n++;
          }
    }
  g_print ("%d charts written to %s\n", n, dir);
  return EXIT_SUCCESS;
}
