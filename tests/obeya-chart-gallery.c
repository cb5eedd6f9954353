/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-chart-gallery: renders every chart type with plausible sample data
 * in every palette, at 640x400 and 1920x1080, into a directory of PNGs, for
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

static const GalleryEntry entries[] = {
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

static const int sizes[][2] = { { 640, 400 }, { 1920, 1080 } };

static int
bench (void)
{
  g_autoptr(ObeyaChart) chart = build_run_3y ();
  const int runs = 50;
  double best = G_MAXDOUBLE, total = 0., total_png = 0.;
  int i;

  for (i = 0; i < runs; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time ();
      gint64 t1;
      g_autoptr(GBytes) png = NULL;

      obeya_chart_draw (chart, cr, 640, 400, NULL);
      cairo_surface_flush (surface);
      t1 = g_get_monotonic_time ();
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      best = MIN (best, (t1 - t0) / 1000.);
      total += (t1 - t0) / 1000.;

      t0 = g_get_monotonic_time ();
      png = obeya_chart_render_png_bytes (chart, 640, 400, 1, NULL, NULL);
      total_png += (g_get_monotonic_time () - t0) / 1000.;
    }
  g_print ("3-year daily run chart (1,100 points), 640x400: draw %.2f ms mean, %.2f ms best; "
           "draw + PNG encode %.2f ms mean (%d runs)\n",
           total / runs, best, total_png / runs, runs);
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
