/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-views"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "obeya-metric-category.h"
#include "obeya-metric-charts.h"
#include "obeya-miss-reason.h"

ObeyaChartStatus
obeya_metric_charts_convert_status (ObeyaMetricStatus status)
{
  switch (status)
    {
    case OBEYA_METRIC_STATUS_MET:
      return OBEYA_CHART_STATUS_MET;
    case OBEYA_METRIC_STATUS_AMBER:
      return OBEYA_CHART_STATUS_AMBER;
    case OBEYA_METRIC_STATUS_MISSED:
      return OBEYA_CHART_STATUS_MISSED;
    case OBEYA_METRIC_STATUS_NO_DATA:
      return OBEYA_CHART_STATUS_NO_DATA;
    case OBEYA_METRIC_STATUS_FUTURE:
      return OBEYA_CHART_STATUS_FUTURE;
    case OBEYA_METRIC_STATUS_NON_WORKING:
      return OBEYA_CHART_STATUS_NON_WORKING;
    case OBEYA_METRIC_STATUS_NO_TARGET:
    default:
      return OBEYA_CHART_STATUS_NONE;
    }
}

/* ---- run chart ------------------------------------------------------------- */

/* The index of the first entry on or after @day. */
static guint
entry_lower_bound (const ObeyaMetricEntry *entries,
                   guint                   n_entries,
                   ObeyaDay                day)
{
  guint lo = 0, hi = n_entries;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entries[mid].day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

GArray *
obeya_metric_charts_dup_run_points (ObeyaMetric *metric,
                                    ObeyaDay     first,
                                    ObeyaDay     last,
                                    ObeyaDay     today)
{
  g_autofree ObeyaMetricStatus *statuses = NULL;
  const ObeyaMetricEntry *entries;
  GArray *points;
  guint n_entries, n_days, e;

  g_return_val_if_fail (OBEYA_IS_METRIC (metric), NULL);
  g_return_val_if_fail (today != OBEYA_DAY_NONE, NULL);

  /* Before its first entry the metric was not kept yet: no gaps there. */
  entries = obeya_metric_get_entries (metric, &n_entries);
  if (n_entries == 0)
    return g_array_new (FALSE, FALSE, sizeof (ObeyaChartPoint));
  first = MAX (first, entries[0].day);
  if (last == OBEYA_DAY_NONE || last > today)
    last = today;
  if (first > last)
    return g_array_new (FALSE, FALSE, sizeof (ObeyaChartPoint));

  n_days = last - first + 1;
  points = g_array_sized_new (FALSE, FALSE, sizeof (ObeyaChartPoint), n_days);
  statuses = g_new (ObeyaMetricStatus, n_days);
  obeya_metric_get_statuses (metric, first, n_days, today, statuses);

  e = entry_lower_bound (entries, n_entries, first);
  for (guint i = 0; i < n_days; i++)
    {
      ObeyaChartPoint point = { first + i, NAN, obeya_metric_charts_convert_status (statuses[i]) };

      if (e < n_entries && entries[e].day == point.day)
        point.value = entries[e++].value;
      else if (statuses[i] != OBEYA_METRIC_STATUS_NO_DATA || point.day == today)
        continue; /* not due (weekend, holiday, not the week's Monday), or
                   * today's number is not in yet */
      g_array_append_val (points, point);
    }
  return points;
}

GArray *
obeya_metric_charts_dup_target_steps (ObeyaMetric *metric)
{
  const ObeyaMetricTarget *targets;
  ObeyaMetricDirection direction;
  GArray *steps;
  guint n_targets;

  g_return_val_if_fail (OBEYA_IS_METRIC (metric), NULL);

  targets = obeya_metric_get_targets (metric, &n_targets);
  direction = obeya_metric_get_direction (metric);
  steps = g_array_sized_new (FALSE, FALSE, sizeof (ObeyaChartTargetStep), n_targets);
  for (guint i = 0; i < n_targets; i++)
    {
      const ObeyaMetricTarget *t = &targets[i];
      ObeyaChartTargetStep step = { t->from, NAN, NAN, NAN, NAN, NAN };

      switch (direction)
        {
        case OBEYA_METRIC_HIGHER_IS_BETTER:
          step.target = t->target;
          if (t->amber > 0)
            {
              step.amber_low = t->target - t->amber;
              step.amber_high = t->target;
            }
          break;
        case OBEYA_METRIC_LOWER_IS_BETTER:
          step.target = t->target;
          if (t->amber > 0)
            {
              step.amber_low = t->target;
              step.amber_high = t->target + t->amber;
            }
          break;
        case OBEYA_METRIC_WITHIN_BAND:
        default:
          step.band_min = t->min;
          step.band_max = t->max;
          if (t->amber > 0)
            {
              step.amber_low = t->min - t->amber;
              step.amber_high = t->max + t->amber;
            }
          break;
        }
      g_array_append_val (steps, step);
    }
  return steps;
}

void
obeya_metric_charts_fill_run_chart (ObeyaRunChart *chart,
                                    ObeyaMetric   *metric,
                                    ObeyaDay       first,
                                    ObeyaDay       last,
                                    ObeyaDay       today)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) steps = NULL;

  g_return_if_fail (OBEYA_IS_RUN_CHART (chart));
  g_return_if_fail (OBEYA_IS_METRIC (metric));

  points = obeya_metric_charts_dup_run_points (metric, first, last, today);
  steps = obeya_metric_charts_dup_target_steps (metric);
  obeya_run_chart_set_points (chart, (const ObeyaChartPoint *) points->data, points->len);
  obeya_run_chart_set_targets (chart, (const ObeyaChartTargetStep *) steps->data, steps->len);
  obeya_run_chart_set_reference (chart, OBEYA_CHART_REFERENCE_MEAN);
  obeya_run_chart_set_unit (chart, obeya_metric_get_unit (metric));
  obeya_run_chart_set_decimals (chart, (int) obeya_metric_get_decimals (metric));
  obeya_chart_set_title (OBEYA_CHART (chart), obeya_metric_get_name (metric));
}

/* ---- Pareto ---------------------------------------------------------------- */

guint
obeya_metric_charts_fill_pareto (ObeyaParetoChart *chart,
                                 ObeyaMetrics     *metrics,
                                 ObeyaMetric      *metric,
                                 const char       *category_id,
                                 ObeyaDay          first,
                                 ObeyaDay          last,
                                 ObeyaDay          today)
{
  g_autoptr(GArray) counts = NULL;
  g_autofree const char **labels = NULL;
  g_autofree double *values = NULL;
  g_autofree char *title = NULL;
  guint total = 0;

  g_return_val_if_fail (OBEYA_IS_PARETO_CHART (chart), 0);
  g_return_val_if_fail (OBEYA_IS_METRICS (metrics), 0);
  g_return_val_if_fail (metric == NULL || OBEYA_IS_METRIC (metric), 0);

  if (last == OBEYA_DAY_NONE)
    last = today;
  counts = obeya_metrics_count_misses_by_reason (metrics, metric, category_id, first, last,
                                                 today);
  labels = g_new0 (const char *, counts->len + 1);
  values = g_new0 (double, counts->len + 1);
  for (guint i = 0; i < counts->len; i++)
    {
      const ObeyaReasonCount *count = &g_array_index (counts, ObeyaReasonCount, i);
      ObeyaMissReason *reason = count->reason_id != NULL
                                ? obeya_metrics_find_miss_reason (metrics, count->reason_id)
                                : NULL;

      labels[i] = reason != NULL ? obeya_miss_reason_get_name (reason) : _("No reason given");
      values[i] = count->count;
      total += count->count;
    }
  obeya_pareto_chart_set_categories (chart, labels, values, counts->len);

  if (metric != NULL)
    /* Translators: the title of a Pareto chart; %s is a metric's name */
    title = g_strdup_printf (_("Misses of “%s” by reason"), obeya_metric_get_name (metric));
  else if (category_id != NULL)
    {
      ObeyaMetricCategory *category = obeya_metrics_find_category (metrics, category_id);

      /* Translators: the title of a Pareto chart; %s is a category: Safety, Quality… */
      title = g_strdup_printf (_("Misses in %s by reason"),
                               category ? obeya_metric_category_get_name (category) : category_id);
    }
  else
    title = g_strdup (_("Misses by reason"));
  obeya_chart_set_title (OBEYA_CHART (chart), title);
  return total;
}

/* ---- letter calendar ------------------------------------------------------- */

guint
obeya_metric_charts_get_calendar_days (ObeyaMetrics     *metrics,
                                       const char       *category_id,
                                       int               year,
                                       int               month,
                                       ObeyaDay          today,
                                       ObeyaChartStatus *out)
{
  ObeyaMetricStatus statuses[31];
  guint n_days;

  g_return_val_if_fail (OBEYA_IS_METRICS (metrics), 0);
  g_return_val_if_fail (category_id != NULL, 0);
  g_return_val_if_fail (g_date_valid_dmy (1, month, year), 0);
  g_return_val_if_fail (out != NULL, 0);

  n_days = g_date_get_days_in_month (month, year);
  obeya_metrics_get_category_statuses (metrics, category_id, obeya_day_from_ymd (year, month, 1),
                                       n_days, today, statuses);
  for (guint i = 0; i < n_days; i++)
    out[i] = obeya_metric_charts_convert_status (statuses[i]);
  return n_days;
}

/* The letter shape of a category: the SQDCP letters belong to the built-in
 * categories whatever their translated names; custom ones get the grid. */
static ObeyaChartLetter
category_letter (ObeyaMetricCategory *category)
{
  const char *letter = obeya_metric_category_get_letter (category);

  /* S, Q, D, C, P and a custom category's own letter where the calendar
   * has its shape; the month grid otherwise. */
  return obeya_chart_letter_from_char (letter != NULL ? g_utf8_get_char (letter) : 0);
}

void
obeya_metric_charts_fill_letter_calendar (ObeyaLetterCalendar *chart,
                                          ObeyaMetrics        *metrics,
                                          const char          *category_id,
                                          int                  year,
                                          int                  month,
                                          ObeyaDay             today)
{
  ObeyaMetricCategory *category;
  ObeyaChartStatus days[31];
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *month_name = NULL;
  g_autofree char *title = NULL;
  guint n_days;

  g_return_if_fail (OBEYA_IS_LETTER_CALENDAR (chart));
  g_return_if_fail (OBEYA_IS_METRICS (metrics));
  g_return_if_fail (g_date_valid_dmy (1, month, year));

  category = obeya_metrics_find_category (metrics, category_id);
  g_return_if_fail (category != NULL);

  n_days = obeya_metric_charts_get_calendar_days (metrics, category_id, year, month, today, days);
  obeya_letter_calendar_set_month (chart, year, month);
  obeya_letter_calendar_set_days (chart, days, n_days);
  obeya_letter_calendar_set_letter (chart, category_letter (category));
  obeya_letter_calendar_set_today (chart, today);

  first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  /* %OB: the month's name on its own ("November", not a genitive form). */
  month_name = g_date_time_format (first, "%OB %Y");
  /* Translators: a letter calendar's title: a category ("Safety"), then a month and year */
  title = g_strdup_printf (_("%s — %s"), obeya_metric_category_get_name (category), month_name);
  obeya_chart_set_title (OBEYA_CHART (chart), title);
}

/* ---- sparkline ------------------------------------------------------------- */

void
obeya_metric_charts_fill_sparkline (ObeyaSparkline *chart,
                                    ObeyaMetric    *metric,
                                    guint           n_days,
                                    ObeyaDay        last,
                                    ObeyaDay        today)
{
  g_autofree ObeyaMetricStatus *statuses = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ObeyaChartPoint));
  const ObeyaMetricEntry *entries;
  const ObeyaMetricTarget *target;
  guint n_entries, window;
  ObeyaDay start;

  g_return_if_fail (OBEYA_IS_SPARKLINE (chart));
  g_return_if_fail (OBEYA_IS_METRIC (metric));
  g_return_if_fail (today != OBEYA_DAY_NONE);

  if (last == OBEYA_DAY_NONE || last > today)
    last = today;
  /* Enough days back for @n_days weekly entries, or working days across
   * long holidays; not before the first entry. */
  entries = obeya_metric_get_entries (metric, &n_entries);
  window = MIN (n_days * 7 + 31, last);
  start = last - window + 1;
  if (n_entries == 0 || entries[0].day > last)
    window = 0;
  else if (entries[0].day > start)
    {
      window -= entries[0].day - start;
      start = entries[0].day;
    }
  statuses = g_new (ObeyaMetricStatus, MAX (window, 1));
  if (window > 0)
    obeya_metric_get_statuses (metric, start, window, today, statuses);

  for (guint i = window; i > 0 && points->len < n_days; i--)
    {
      ObeyaMetricStatus status = statuses[i - 1];
      ObeyaChartPoint point = { start + i - 1, NAN, obeya_metric_charts_convert_status (status) };
      const ObeyaMetricEntry *entry;

      if (status == OBEYA_METRIC_STATUS_NON_WORKING || status == OBEYA_METRIC_STATUS_FUTURE)
        continue;
      entry = obeya_metric_get_entry (metric, point.day);
      if (entry != NULL)
        point.value = entry->value;
      g_array_prepend_val (points, point);
    }
  obeya_sparkline_set_points (chart, (const ObeyaChartPoint *) points->data, points->len);

  target = obeya_metric_get_target_at (metric, last);
  obeya_sparkline_set_target (chart,
                              target != NULL &&
                              obeya_metric_get_direction (metric) != OBEYA_METRIC_WITHIN_BAND
                              ? target->target : NAN);
}
