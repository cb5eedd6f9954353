/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-views"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-charts.h"
#include "obeya-workspace.h"

double
obeya_audit_charts_score_value (const ObeyaScore *score)
{
  g_return_val_if_fail (score != NULL, NAN);

  return score->has_score ? score->percent : NAN;
}

void
obeya_audit_charts_get_s_values (const ObeyaAuditScore *score,
                                 double                *values)
{
  g_return_if_fail (score != NULL);
  g_return_if_fail (values != NULL);

  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    values[s] = obeya_audit_charts_score_value (&score->s[s]);
}

/* "6 Nov 2026", without GTK (the views library may not use the app's helpers). */
static char *
format_day (ObeyaDay day)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  obeya_day_to_ymd (day, &y, &m, &d);
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  /* Translators: a short date, as in "6 Nov 2026"; see g_date_time_format(). */
  return dt ? g_date_time_format (dt, _("%-d %b %Y")) : g_strdup ("");
}

static void
get_s_labels (const char **labels)
{
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    labels[s] = obeya_five_s_get_label (s);
}

void
obeya_audit_charts_fill_radar (ObeyaRadarChart *chart,
                               ObeyaAudit      *audit)
{
  ObeyaWorkspace *workspace;
  ObeyaAudits *audits;
  ObeyaAudit *previous;
  const char *labels[OBEYA_FIVE_S_N];
  double values[OBEYA_FIVE_S_N];
  ObeyaAuditScore score;
  g_autofree char *name = NULL;

  g_return_if_fail (OBEYA_IS_RADAR_CHART (chart));
  g_return_if_fail (OBEYA_IS_AUDIT (audit));

  get_s_labels (labels);
  obeya_radar_chart_set_axes (chart, labels, OBEYA_FIVE_S_N);
  obeya_radar_chart_set_max (chart, 100);
  obeya_radar_chart_set_unit (chart, "%");

  obeya_audit_score_of_audit (audit, &score);
  obeya_audit_charts_get_s_values (&score, values);
  name = format_day (obeya_audit_get_date (audit));
  obeya_radar_chart_set_series (chart, 0, name, values);

  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (audit));
  audits = workspace != NULL ? obeya_workspace_get_audits (workspace) : NULL;
  previous = audits != NULL ? obeya_audits_get_previous (audits, audit) : NULL;
  if (previous != NULL)
    {
      g_autofree char *previous_name = format_day (obeya_audit_get_date (previous));

      obeya_audit_score_of_audit (previous, &score);
      obeya_audit_charts_get_s_values (&score, values);
      obeya_radar_chart_set_series (chart, 1, previous_name, values);
    }
  else
    obeya_radar_chart_set_series (chart, 1, NULL, NULL);
  obeya_chart_set_title (OBEYA_CHART (chart), _("The five S"));
}

void
obeya_audit_charts_fill_s_bars (ObeyaBarChart *chart,
                                ObeyaAudit    *audit)
{
  ObeyaChartBar bars[OBEYA_FIVE_S_N] = { { NULL, }, };
  ObeyaAuditScore score;

  g_return_if_fail (OBEYA_IS_BAR_CHART (chart));
  g_return_if_fail (OBEYA_IS_AUDIT (audit));

  obeya_audit_score_of_audit (audit, &score);
  for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
    {
      bars[s].label = obeya_five_s_get_label (s);
      bars[s].value = obeya_audit_charts_score_value (&score.s[s]);
      bars[s].status = OBEYA_CHART_STATUS_NONE;
    }
  obeya_bar_chart_set_bars (chart, bars, OBEYA_FIVE_S_N);
  obeya_bar_chart_set_orientation (chart, OBEYA_CHART_ORIENTATION_VERTICAL);
  obeya_bar_chart_set_unit (chart, "%");
  obeya_bar_chart_set_decimals (chart, 0);
  obeya_bar_chart_set_value_span (chart, 0., 100.);
  obeya_bar_chart_set_show_values (chart, TRUE);
  obeya_bar_chart_set_reference_line (chart, NAN, NULL);
  obeya_chart_set_title (OBEYA_CHART (chart), _("Score per S"));
}

GArray *
obeya_audit_charts_dup_trend_points (ObeyaAudits *audits,
                                     ObeyaArea   *area,
                                     int          s)
{
  g_autoptr(GArray) trend = NULL;
  GArray *points;

  g_return_val_if_fail (OBEYA_IS_AUDITS (audits), NULL);
  g_return_val_if_fail (OBEYA_IS_AREA (area), NULL);
  g_return_val_if_fail (s >= OBEYA_AUDIT_CHARTS_OVERALL && s < OBEYA_FIVE_S_N, NULL);

  trend = obeya_audits_get_trend (audits, area);
  points = g_array_sized_new (FALSE, FALSE, sizeof (ObeyaChartPoint), trend->len);
  for (guint i = 0; i < trend->len; i++)
    {
      const ObeyaTrendPoint *t = &g_array_index (trend, ObeyaTrendPoint, i);
      const ObeyaScore *score = s == OBEYA_AUDIT_CHARTS_OVERALL ? &t->score.overall
                                                                : &t->score.s[s];
      ObeyaChartPoint point = { t->date, obeya_audit_charts_score_value (score),
                                OBEYA_CHART_STATUS_NONE };

      g_array_append_val (points, point);
    }
  return points;
}

void
obeya_audit_charts_fill_trend (ObeyaRunChart *chart,
                               ObeyaAudits   *audits,
                               ObeyaArea     *area,
                               int            s)
{
  g_autoptr(GArray) points = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (OBEYA_IS_RUN_CHART (chart));

  points = obeya_audit_charts_dup_trend_points (audits, area, s);
  g_return_if_fail (points != NULL);
  obeya_run_chart_set_points (chart, (const ObeyaChartPoint *) points->data, points->len);
  obeya_run_chart_set_targets (chart, NULL, 0);
  obeya_run_chart_set_reference (chart, OBEYA_CHART_REFERENCE_NONE);
  obeya_run_chart_set_unit (chart, "%");
  obeya_run_chart_set_decimals (chart, 0);
  /* Percentages on their whole scale: 60 % to 70 % is not a steep climb. */
  obeya_run_chart_set_value_span (chart, 0., 100.);
  if (s == OBEYA_AUDIT_CHARTS_OVERALL)
    /* Translators: a run chart's title; %s is a 5S area's name */
    title = g_strdup_printf (_("%s: overall score"), obeya_area_get_name (area));
  else
    /* Translators: a run chart's title: a 5S area's name, then one S ("Shine") */
    title = g_strdup_printf (_("%s: %s"), obeya_area_get_name (area), obeya_five_s_get_label (s));
  obeya_chart_set_title (OBEYA_CHART (chart), title);
  obeya_chart_set_empty_message (OBEYA_CHART (chart), _("No finished audits yet"));
}

void
obeya_audit_charts_fill_areas (ObeyaBarChart *chart,
                               ObeyaAudits   *audits)
{
  GListModel *areas;
  g_autoptr(GArray) bars = NULL;
  g_autofree char *average_label = NULL;
  g_autofree char *average_text = NULL;
  ObeyaAuditScore average;
  guint n;

  g_return_if_fail (OBEYA_IS_BAR_CHART (chart));
  g_return_if_fail (OBEYA_IS_AUDITS (audits));

  areas = obeya_audits_get_areas (audits);
  n = g_list_model_get_n_items (areas);
  bars = g_array_sized_new (FALSE, TRUE, sizeof (ObeyaChartBar), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (areas, i);
      ObeyaAudit *latest = obeya_audits_get_latest (audits, area);
      ObeyaChartBar bar = { obeya_area_get_name (area), NAN, OBEYA_CHART_STATUS_NONE, };

      if (latest != NULL)
        {
          ObeyaAuditScore score;

          obeya_audit_score_of_audit (latest, &score);
          bar.value = obeya_audit_charts_score_value (&score.overall);
        }
      g_array_append_val (bars, bar);
    }
  obeya_bar_chart_set_bars (chart, (const ObeyaChartBar *) bars->data, bars->len);
  obeya_bar_chart_set_orientation (chart, OBEYA_CHART_ORIENTATION_HORIZONTAL);
  obeya_bar_chart_set_unit (chart, "%");
  obeya_bar_chart_set_decimals (chart, 0);
  obeya_bar_chart_set_value_span (chart, 0., 100.);
  obeya_bar_chart_set_show_values (chart, TRUE);

  obeya_audits_get_latest_average (audits, &average);
  if (average.overall.has_score)
    {
      average_text = obeya_audit_score_format (&average.overall);
      /* Translators: the label of the average line; %s is a percentage ("72 %") */
      average_label = g_strdup_printf (_("Average %s"), average_text);
    }
  obeya_bar_chart_set_reference_line (chart, obeya_audit_charts_score_value (&average.overall),
                                      average_label);
  obeya_chart_set_title (OBEYA_CHART (chart), _("Latest score per area"));
  obeya_chart_set_empty_message (OBEYA_CHART (chart), _("No areas yet"));
}
