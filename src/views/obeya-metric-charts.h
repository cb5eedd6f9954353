/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya-metric-charts: huddle metrics as chart data. The one conversion
 * from the model (src/core) to the charts (src/charts) that the app's
 * huddle view, the stand-up mode and `obeya chart` share, so that a chart
 * on the screen, on the TV and in an exported file is the same chart.
 * Core and charts only, never GTK.
 *
 * Statuses always come from core (obeya_metric_get_statuses(),
 * obeya_metrics_get_category_statuses()); nothing here judges a value.
 *
 * Run chart: one point per entry from @first to @last, coloured by its
 * status (an entry without a target in force is neutral); a due day
 * without an entry before today is a gap with a grey tick (missing data is
 * grey, never green; today's number may still come); days after @today,
 * and days before the metric's
 * first entry (it was not kept yet), are left out. The target history
 * becomes the stepped target line: higher and lower is better with the
 * amber zone beyond the target, a band metric as its band (the chart has
 * one amber zone per step, so a band's two amber margins are not drawn).
 * The mean of the values shown is the reference line. Title: the metric's
 * name; unit and decimals: the metric's.
 *
 * Usage, e.g. in a widget or for an export:
 *
 *   g_autoptr(ObeyaRunChart) chart = obeya_run_chart_new ();
 *   obeya_metric_charts_fill_run_chart (chart, metric, OBEYA_DAY_NONE,
 *                                       OBEYA_DAY_NONE, obeya_day_today ());
 *   obeya_chart_draw (OBEYA_CHART (chart), cr, width, height, palette);
 *
 * The fill functions replace the chart's data and title; change the title
 * (or set NULL) afterwards where the surroundings already say it.
 */
#pragma once

#include "obeya-charts.h"
#include "obeya-metric.h"
#include "obeya-metrics.h"

G_BEGIN_DECLS

/* The chart colour of a status computed by core. NO_TARGET is NONE (the
 * neutral colour: neither green nor red). */
ObeyaChartStatus obeya_metric_charts_convert_status       (ObeyaMetricStatus    status);

/* The run chart's points (a new GArray of ObeyaChartPoint, by day) of
 * @metric from MAX (@first, its first entry) to MIN (@last, @today); none
 * without entries. @first OBEYA_DAY_NONE: from the first entry; @last
 * OBEYA_DAY_NONE: up to @today. */
GArray          *obeya_metric_charts_dup_run_points       (ObeyaMetric         *metric,
                                                           ObeyaDay             first,
                                                           ObeyaDay             last,
                                                           ObeyaDay             today);
/* The target history as steps (a new GArray of ObeyaChartTargetStep, by
 * day). */
GArray          *obeya_metric_charts_dup_target_steps     (ObeyaMetric         *metric);

/* Points, target steps, mean line, unit, decimals and title of @metric,
 * over the range of obeya_metric_charts_dup_run_points(). */
void             obeya_metric_charts_fill_run_chart       (ObeyaRunChart       *chart,
                                                           ObeyaMetric         *metric,
                                                           ObeyaDay             first,
                                                           ObeyaDay             last,
                                                           ObeyaDay             today);

/* Misses by reason from @first to MIN (@last, @today) of @metric, or of the
 * metrics of @category_id, or of every metric when both are NULL
 * (obeya_metrics_count_misses_by_reason()); misses without a reason are a
 * bar "No reason given". @first/@last OBEYA_DAY_NONE: no bound. Returns the
 * number of misses. */
guint            obeya_metric_charts_fill_pareto          (ObeyaParetoChart    *chart,
                                                           ObeyaMetrics        *metrics,
                                                           ObeyaMetric         *metric,
                                                           const char          *category_id,
                                                           ObeyaDay             first,
                                                           ObeyaDay             last,
                                                           ObeyaDay             today);

/* The status of each day of @month of @year for @category_id into @out
 * (31 entries at least); returns the number of days of the month. */
guint            obeya_metric_charts_get_calendar_days    (ObeyaMetrics        *metrics,
                                                           const char          *category_id,
                                                           int                  year,
                                                           int                  month,
                                                           ObeyaDay             today,
                                                           ObeyaChartStatus    *out);
/* The letter calendar of @category_id for @month (1-12) of @year: the
 * category's letter (S, Q, D, C, P, for a custom category too when its
 * letter is one of these; the month grid for any other), the day statuses,
 * today outlined; title "Safety — November 2026". */
void             obeya_metric_charts_fill_letter_calendar (ObeyaLetterCalendar *chart,
                                                           ObeyaMetrics        *metrics,
                                                           const char          *category_id,
                                                           int                  year,
                                                           int                  month,
                                                           ObeyaDay             today);

/* The last @n_days due days of @metric up to @last (at most @today: a KPI
 * tile's reviewed day, which is yesterday until today's number is in),
 * from its first entry on (entries on days that were not due count too):
 * values, statuses as of @today (gaps for missing data) and the target in
 * force on @last (NAN for a band metric or before the first target). */
void             obeya_metric_charts_fill_sparkline       (ObeyaSparkline      *chart,
                                                           ObeyaMetric         *metric,
                                                           guint                n_days,
                                                           ObeyaDay             last,
                                                           ObeyaDay             today);

G_END_DECLS
