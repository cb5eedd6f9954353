/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-audit-charts, the conversion of 5S audits into chart data: the
 * radar (current and previous audit), the bars per S, the trend of an area
 * (overall and per S, a gap where an S has no score), and the latest score
 * per area with the average (of percentages) as the reference line.
 */
#include "config.h"

#include <math.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-charts.h"
#include "obeya-audit-item.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-sample-5s.h"
#include "obeya-workspace.h"

#define TODAY obeya_day_from_ymd (2026, 11, 10)

static const char * const anchors[] = { "zero", "one", "two", "three", "four", NULL };

typedef struct
{
  ObeyaWorkspace     *ws;
  ObeyaAudits        *audits;
  ObeyaAuditTemplate *template_;
  ObeyaArea          *area;
  const char         *sort, *shine;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ObeyaAuditItem *item;

  f->ws = obeya_workspace_new ();
  f->audits = obeya_workspace_get_audits (f->ws);
  f->template_ = obeya_audit_template_new ("Small");
  obeya_audits_add_template (f->audits, f->template_);
  g_object_unref (f->template_);
  item = obeya_audit_template_add_item (f->template_, OBEYA_FIVE_S_SORT, "Sorted?", anchors, -1);
  f->sort = obeya_entity_get_id (OBEYA_ENTITY (item));
  item = obeya_audit_template_add_item (f->template_, OBEYA_FIVE_S_SHINE, "Clean?", anchors, -1);
  obeya_audit_template_edit_item (f->template_, item, "allows-na", TRUE, NULL);
  f->shine = obeya_entity_get_id (OBEYA_ENTITY (item));
  f->area = obeya_audits_add_area (f->audits, "Desks", f->template_, OBEYA_AUDIT_CADENCE_MONTHLY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->ws);
}

static ObeyaAudit *
finished_audit (Fixture  *f,
                ObeyaDay  date,
                int       sort,
                int       shine)
{
  ObeyaAudit *audit = obeya_audits_start_audit (f->audits, f->area, date, NULL);

  g_assert_true (obeya_audit_set_score (audit, f->sort, sort));
  g_assert_true (obeya_audit_set_score (audit, f->shine, shine));
  g_assert_true (obeya_audit_finish (audit, NULL));
  return audit;
}

static void
draw (ObeyaChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);

  obeya_chart_draw (chart, cr, 640, 400, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* An S whose items were all N/A has no score: NAN, never 0 or 100. */
static void
test_s_values (Fixture       *f,
               gconstpointer  data)
{
  ObeyaAudit *audit = finished_audit (f, obeya_day_from_ymd (2026, 10, 5), 3, OBEYA_SCORE_NA);
  ObeyaAuditScore score;
  double values[OBEYA_FIVE_S_N];

  obeya_audit_score_of_audit (audit, &score);
  obeya_audit_charts_get_s_values (&score, values);
  g_assert_cmpfloat_with_epsilon (values[OBEYA_FIVE_S_SORT], 75, 1e-9);
  g_assert_true (isnan (values[OBEYA_FIVE_S_SHINE]));
  g_assert_true (isnan (values[OBEYA_FIVE_S_SUSTAIN]));
  g_assert_cmpfloat_with_epsilon (obeya_audit_charts_score_value (&score.overall), 75, 1e-9);
}

static void
test_trend (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GArray) overall = NULL;
  g_autoptr(GArray) shine = NULL;
  g_autoptr(ObeyaRunChart) chart = obeya_run_chart_new ();
  ObeyaAudit *draft;

  finished_audit (f, obeya_day_from_ymd (2026, 10, 5), 2, 4);
  finished_audit (f, obeya_day_from_ymd (2026, 8, 3), 1, OBEYA_SCORE_NA);
  /* A draft is not part of the trend. */
  draft = obeya_audits_start_audit (f->audits, f->area, obeya_day_from_ymd (2026, 11, 2), NULL);
  obeya_audit_set_score (draft, f->sort, 4);

  overall = obeya_audit_charts_dup_trend_points (f->audits, f->area, OBEYA_AUDIT_CHARTS_OVERALL);
  g_assert_cmpuint (overall->len, ==, 2);
  /* By date, whatever the order they were started in. */
  g_assert_cmpuint (g_array_index (overall, ObeyaChartPoint, 0).day, ==,
                    obeya_day_from_ymd (2026, 8, 3));
  g_assert_cmpfloat_with_epsilon (g_array_index (overall, ObeyaChartPoint, 0).value, 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (overall, ObeyaChartPoint, 1).value, 75, 1e-9);

  shine = obeya_audit_charts_dup_trend_points (f->audits, f->area, OBEYA_FIVE_S_SHINE);
  g_assert_cmpuint (shine->len, ==, 2);
  g_assert_true (isnan (g_array_index (shine, ObeyaChartPoint, 0).value)); /* a gap */
  g_assert_cmpfloat_with_epsilon (g_array_index (shine, ObeyaChartPoint, 1).value, 100, 1e-9);

  obeya_audit_charts_fill_trend (chart, f->audits, f->area, OBEYA_FIVE_S_SHINE);
  g_assert_cmpstr (obeya_chart_get_title (OBEYA_CHART (chart)), ==, "Desks: Shine");
  g_assert_cmpstr (obeya_run_chart_get_unit (chart), ==, "%");
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (chart)));
  draw (OBEYA_CHART (chart));
}

static void
test_radar_and_bars (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ObeyaRadarChart) radar = obeya_radar_chart_new ();
  g_autoptr(ObeyaBarChart) bars = obeya_bar_chart_new ();
  ObeyaAudit *first = finished_audit (f, obeya_day_from_ymd (2026, 9, 7), 1, 1);
  ObeyaAudit *second = finished_audit (f, obeya_day_from_ymd (2026, 10, 5), 4, OBEYA_SCORE_NA);
  ObeyaChartRect sort_rect, shine_rect, sustain_rect;
  double x0, y0, x1, y1;

  obeya_audit_charts_fill_radar (radar, first);
  g_assert_false (obeya_chart_is_empty (OBEYA_CHART (radar)));
  obeya_audit_charts_fill_radar (radar, second);
  g_assert_cmpfloat (obeya_radar_chart_get_max (radar), ==, 100);
  g_assert_cmpstr (obeya_radar_chart_get_unit (radar), ==, "%");
  draw (OBEYA_CHART (radar));
  /* Five axes, the first at the top: 100 % is further out than 0 %. */
  g_assert_true (obeya_radar_chart_get_point (radar, 0, 0, &x0, &y0));
  g_assert_true (obeya_radar_chart_get_point (radar, 0, 100, &x1, &y1));
  g_assert_cmpfloat (y1, <, y0);
  g_assert_true (obeya_radar_chart_get_point (radar, 4, 50, NULL, NULL));
  g_assert_false (obeya_radar_chart_get_point (radar, 5, 50, NULL, NULL));

  obeya_audit_charts_fill_s_bars (bars, second);
  draw (OBEYA_CHART (bars));
  g_assert_true (obeya_bar_chart_get_bar_rect (bars, 0, &sort_rect));
  g_assert_true (obeya_bar_chart_get_bar_rect (bars, 2, &shine_rect));
  g_assert_true (obeya_bar_chart_get_bar_rect (bars, 4, &sustain_rect));
  g_assert_false (obeya_bar_chart_get_bar_rect (bars, 5, NULL));
  /* Sort at 100 % has a bar; Shine (all N/A) and Sustain (no items) none. */
  g_assert_cmpfloat (sort_rect.height, >, 10);
  g_assert_cmpfloat (shine_rect.height, <, 1);
  g_assert_cmpfloat (sustain_rect.height, <, 1);
}

static void
test_areas (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ObeyaBarChart) chart = obeya_bar_chart_new ();
  ObeyaArea *room;
  ObeyaChartRect desks_rect, room_rect, never_rect;

  finished_audit (f, obeya_day_from_ymd (2026, 10, 5), 4, 4);           /* 100 % */
  room = obeya_audits_add_area (f->audits, "Room", f->template_, OBEYA_AUDIT_CADENCE_WEEKLY);
  {
    ObeyaAudit *audit = obeya_audits_start_audit (f->audits, room, TODAY, NULL);

    obeya_audit_set_score (audit, f->sort, 0);
    obeya_audit_set_score (audit, f->shine, 2);                          /* 25 % */
    g_assert_true (obeya_audit_finish (audit, NULL));
  }
  obeya_audits_add_area (f->audits, "Never audited", f->template_, OBEYA_AUDIT_CADENCE_WEEKLY);

  obeya_audit_charts_fill_areas (chart, f->audits);
  g_assert_cmpint (obeya_bar_chart_get_orientation (chart), ==, OBEYA_CHART_ORIENTATION_HORIZONTAL);
  draw (OBEYA_CHART (chart));
  g_assert_true (obeya_bar_chart_get_bar_rect (chart, 0, &desks_rect));
  g_assert_true (obeya_bar_chart_get_bar_rect (chart, 1, &room_rect));
  g_assert_true (obeya_bar_chart_get_bar_rect (chart, 2, &never_rect));
  g_assert_false (obeya_bar_chart_get_bar_rect (chart, 3, NULL));
  /* Horizontal bars: 100 % four times as long as 25 %; never audited: no bar. */
  g_assert_cmpfloat_with_epsilon (desks_rect.width, 4 * room_rect.width, 1.0);
  g_assert_cmpfloat (never_rect.width, <, 1);
}

static void
test_sample (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  g_autoptr(ObeyaBarChart) chart = obeya_bar_chart_new ();
  ObeyaAudits *audits = obeya_workspace_get_audits (ws);
  GListModel *areas;

  obeya_sample_add_5s (ws, NULL, TODAY);
  areas = obeya_audits_get_areas (audits);
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, i);
      g_autoptr(GArray) points = obeya_audit_charts_dup_trend_points (audits, area,
                                                                      OBEYA_AUDIT_CHARTS_OVERALL);

      /* Six monthly audits, improving: the last better than the first. */
      g_assert_cmpuint (points->len, ==, 6);
      g_assert_cmpfloat (g_array_index (points, ObeyaChartPoint, 5).value, >,
                         g_array_index (points, ObeyaChartPoint, 0).value);
    }
  obeya_audit_charts_fill_areas (chart, audits);
  draw (OBEYA_CHART (chart));
  g_assert_true (obeya_bar_chart_get_bar_rect (chart, 2, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/audit-charts/" path, Fixture, NULL, fixture_setup, fn, \
                                  fixture_teardown)
  ADD ("s-values", test_s_values);
  ADD ("trend", test_trend);
  ADD ("radar-and-bars", test_radar_and_bars);
  ADD ("areas", test_areas);
#undef ADD
  g_test_add_func ("/audit-charts/sample", test_sample);

  return g_test_run ();
}
