/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Daily huddle metrics: the status rules (each direction, amber, band,
 * target changes, missing data, non-working days, weekly cadence), the
 * category colour, aggregates, streaks, misses by reason, the commands and
 * their undo, the file format, CSV import and export, the sample.
 */
#include "config.h"

#include <math.h>

#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-history.h"
#include "obeya-huddle.h"
#include "obeya-json.h"
#include "obeya-link.h"
#include "obeya-metric-category.h"
#include "obeya-metric-import.h"
#include "obeya-metric.h"
#include "obeya-metrics.h"
#include "obeya-miss-reason.h"
#include "obeya-person.h"
#include "obeya-sample-metrics.h"
#include "obeya-workspace.h"

#define DAY(y, m, d) obeya_day_from_ymd (y, m, d)

/* November 2026: Monday 2, 9, 16, 23, 30. */
#define MON DAY (2026, 11, 2)
#define TUE DAY (2026, 11, 3)
#define WED DAY (2026, 11, 4)
#define THU DAY (2026, 11, 5)
#define FRI DAY (2026, 11, 6)
#define SAT DAY (2026, 11, 7)
#define SUN DAY (2026, 11, 8)

static ObeyaMetricTarget
target_of (ObeyaDay from,
           double   target,
           double   amber)
{
  ObeyaMetricTarget t = { from, target, 0, 0, amber };
  return t;
}

static ObeyaMetricTarget
band_of (ObeyaDay from,
         double   min,
         double   max,
         double   amber)
{
  ObeyaMetricTarget t = { from, 0, min, max, amber };
  return t;
}

static ObeyaMetric *
add_metric (ObeyaWorkspace       *ws,
            const char           *name,
            const char           *category,
            ObeyaMetricDirection  direction,
            double                target,
            double                amber)
{
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaMetric *metric = obeya_metrics_add_metric (metrics, name, category, direction);
  ObeyaMetricTarget t = target_of (DAY (2026, 1, 1), target, amber);

  obeya_metric_set_target (metric, &t);
  return metric;
}

static ObeyaMetricStatus
status_with (ObeyaMetric *metric,
             ObeyaDay     day,
             double       value)
{
  obeya_metric_set_entry (metric, day, value, NULL, NULL);
  return obeya_metric_get_status (metric, day, day);
}

static void
test_status_directions (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetric *higher = add_metric (ws, "Invoices", OBEYA_CATEGORY_DELIVERY,
                                    OBEYA_METRIC_HIGHER_IS_BETTER, 400, 20);
  ObeyaMetric *lower = add_metric (ws, "Overtime", OBEYA_CATEGORY_COST,
                                   OBEYA_METRIC_LOWER_IS_BETTER, 8, 4);
  ObeyaMetric *strict = add_metric (ws, "Incidents", OBEYA_CATEGORY_SAFETY,
                                    OBEYA_METRIC_LOWER_IS_BETTER, 0, 0);
  ObeyaMetric *band = obeya_metrics_add_metric (obeya_workspace_get_metrics (ws), "Queue",
                                                OBEYA_CATEGORY_DELIVERY, OBEYA_METRIC_WITHIN_BAND);
  ObeyaMetricTarget b = band_of (DAY (2026, 1, 1), 20, 40, 5);

  /* Higher is better: ≥ target met, [target − amber, target) amber, below missed. */
  g_assert_cmpint (status_with (higher, MON, 400), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (status_with (higher, MON, 450), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (status_with (higher, MON, 399.5), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (status_with (higher, MON, 380), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (status_with (higher, MON, 379.9), ==, OBEYA_METRIC_STATUS_MISSED);

  /* Lower is better, mirrored. */
  g_assert_cmpint (status_with (lower, MON, 8), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (status_with (lower, MON, 0), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (status_with (lower, MON, 8.1), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (status_with (lower, MON, 12), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (status_with (lower, MON, 12.5), ==, OBEYA_METRIC_STATUS_MISSED);

  /* No amber band: met or missed. */
  g_assert_cmpint (status_with (strict, MON, 0), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (status_with (strict, MON, 1), ==, OBEYA_METRIC_STATUS_MISSED);

  /* Within a band: [min, max] met, amber margins outside both ends. */
  obeya_metric_set_target (band, &b);
  g_assert_cmpint (status_with (band, MON, 20), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (status_with (band, MON, 40), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (status_with (band, MON, 15), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (status_with (band, MON, 45), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (status_with (band, MON, 14.9), ==, OBEYA_METRIC_STATUS_MISSED);
  g_assert_cmpint (status_with (band, MON, 45.1), ==, OBEYA_METRIC_STATUS_MISSED);

  /* The entry form's preview judges without storing. */
  g_assert_cmpint (obeya_metric_judge (higher, TUE, 390), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_null (obeya_metric_get_entry (higher, TUE));
}

static void
test_status_target_changes (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetric *metric = add_metric (ws, "Invoices", OBEYA_CATEGORY_DELIVERY,
                                    OBEYA_METRIC_HIGHER_IS_BETTER, 400, 0);
  ObeyaMetricTarget raised = target_of (WED, 420, 10);
  ObeyaHistory *history = obeya_workspace_get_history (ws);
  ObeyaDay today = FRI;
  guint n;

  obeya_metric_set_entry (metric, TUE, 410, NULL, NULL);
  obeya_metric_set_entry (metric, WED, 410, NULL, NULL);
  obeya_metric_set_entry (metric, THU, 420, NULL, NULL);
  g_assert_cmpint (obeya_metric_get_status (metric, TUE, today), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (obeya_metric_get_status (metric, WED, today), ==, OBEYA_METRIC_STATUS_MET);

  /* From Wednesday on the target is 420 (amber 10): the day before the
   * change keeps the old target, the day of the change has the new one. */
  obeya_metric_set_target (metric, &raised);
  obeya_metric_get_targets (metric, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (obeya_metric_get_status (metric, TUE, today), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (obeya_metric_get_status (metric, WED, today), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (obeya_metric_get_status (metric, THU, today), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpfloat (obeya_metric_get_target_at (metric, TUE)->target, ==, 400);
  g_assert_cmpfloat (obeya_metric_get_target_at (metric, WED)->target, ==, 420);
  g_assert_cmpfloat (obeya_metric_get_target_at (metric, DAY (2027, 6, 1))->target, ==, 420);

  /* Before the first target: a value is neither green nor red. */
  obeya_metric_set_entry (metric, DAY (2025, 12, 31), 500, NULL, NULL);
  g_assert_null (obeya_metric_get_target_at (metric, DAY (2025, 12, 31)));
  g_assert_cmpint (obeya_metric_get_status (metric, DAY (2025, 12, 31), today), ==,
                   OBEYA_METRIC_STATUS_NO_TARGET);

  /* Undo the clear-cut step: the history of targets is restored exactly. */
  obeya_history_undo (history); /* the 2025 entry */
  obeya_history_undo (history); /* the target change */
  obeya_metric_get_targets (metric, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (obeya_metric_get_status (metric, WED, today), ==, OBEYA_METRIC_STATUS_MET);
  obeya_history_redo (history);
  g_assert_cmpint (obeya_metric_get_status (metric, WED, today), ==, OBEYA_METRIC_STATUS_AMBER);

  /* Replacing the target of the same day keeps one step; removing it restores the old one. */
  raised.target = 430;
  obeya_metric_set_target (metric, &raised);
  obeya_metric_get_targets (metric, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (obeya_metric_get_target_at (metric, THU)->target, ==, 430);
  obeya_metric_remove_target (metric, WED);
  g_assert_cmpfloat (obeya_metric_get_target_at (metric, THU)->target, ==, 400);
}

static void
test_status_calendar (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetric *working = add_metric (ws, "Invoices", OBEYA_CATEGORY_DELIVERY,
                                     OBEYA_METRIC_HIGHER_IS_BETTER, 400, 0);
  ObeyaMetric *daily = add_metric (ws, "Incidents", OBEYA_CATEGORY_SAFETY,
                                   OBEYA_METRIC_LOWER_IS_BETTER, 0, 0);
  ObeyaMetric *weekly = add_metric (ws, "Training", OBEYA_CATEGORY_PEOPLE,
                                    OBEYA_METRIC_HIGHER_IS_BETTER, 4, 1);
  ObeyaDay holiday = THU;
  ObeyaDay today = FRI;
  ObeyaMetricStatus statuses[7];

  obeya_entity_edit (OBEYA_ENTITY (daily), "Cadence", "cadence", OBEYA_METRIC_CADENCE_DAILY, NULL);
  obeya_entity_edit (OBEYA_ENTITY (weekly), "Cadence", "cadence", OBEYA_METRIC_CADENCE_WEEKLY,
                     NULL);
  obeya_workspace_set_holidays (ws, &holiday, 1);

  /* Working days: a past due day without an entry is grey, never green;
   * weekends and holidays are non-working; later days are future. */
  obeya_metric_set_entry (working, MON, 410, NULL, NULL);
  g_assert_cmpint (obeya_metric_get_status (working, MON, today), ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (obeya_metric_get_status (working, TUE, today), ==, OBEYA_METRIC_STATUS_NO_DATA);
  g_assert_cmpint (obeya_metric_get_status (working, FRI, today), ==, OBEYA_METRIC_STATUS_NO_DATA);
  g_assert_cmpint (obeya_metric_get_status (working, THU, today), ==,
                   OBEYA_METRIC_STATUS_NON_WORKING);
  g_assert_cmpint (obeya_metric_get_status (working, SAT, today), ==,
                   OBEYA_METRIC_STATUS_NON_WORKING);
  g_assert_cmpint (obeya_metric_get_status (working, DAY (2026, 11, 9), today), ==,
                   OBEYA_METRIC_STATUS_FUTURE);
  g_assert_cmpint (obeya_metric_get_status (working, DAY (2026, 11, 14), today), ==,
                   OBEYA_METRIC_STATUS_NON_WORKING);
  /* An entry on a non-working day (Saturday overtime) is judged all the same. */
  obeya_metric_set_entry (working, SAT, 100, NULL, NULL);
  g_assert_cmpint (obeya_metric_get_status (working, SAT, SUN), ==, OBEYA_METRIC_STATUS_MISSED);

  /* Daily: every day is due, holidays included. */
  g_assert_cmpint (obeya_metric_get_status (daily, THU, today), ==, OBEYA_METRIC_STATUS_NO_DATA);
  g_assert_cmpint (obeya_metric_get_status (daily, SUN, SUN), ==, OBEYA_METRIC_STATUS_NO_DATA);

  /* Weekly: only the Monday is due; an entry made on Wednesday is the week's. */
  obeya_metric_set_entry (weekly, WED, 3.5, NULL, NULL);
  g_assert_nonnull (obeya_metric_get_entry (weekly, FRI));
  g_assert_cmpuint (obeya_metric_get_entry (weekly, FRI)->day, ==, MON);
  g_assert_cmpint (obeya_metric_get_status (weekly, MON, today), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (obeya_metric_get_status (weekly, WED, today), ==,
                   OBEYA_METRIC_STATUS_NON_WORKING);
  g_assert_cmpint (obeya_metric_get_status (weekly, DAY (2026, 10, 26), today), ==,
                   OBEYA_METRIC_STATUS_NO_DATA);

  /* The one-pass version agrees with the day-by-day one. */
  obeya_metric_get_statuses (working, MON, 7, today, statuses);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (statuses[i], ==, obeya_metric_get_status (working, MON + i, today));
  obeya_metric_get_statuses (weekly, DAY (2026, 10, 20), 7, today, statuses);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (statuses[i], ==, obeya_metric_get_status (weekly, DAY (2026, 10, 20) + i,
                                                               today));
}

static void
test_category_status (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaMetric *a = add_metric (ws, "Invoices", OBEYA_CATEGORY_DELIVERY,
                               OBEYA_METRIC_HIGHER_IS_BETTER, 400, 20);
  ObeyaMetric *b = add_metric (ws, "Old items", OBEYA_CATEGORY_DELIVERY,
                               OBEYA_METRIC_LOWER_IS_BETTER, 10, 5);
  ObeyaMetricStatus week[7];
  ObeyaDay today = THU;

  /* Mon: both met → met. Tue: one met, one amber → amber. Wed: one missed,
   * one without data → missed (a known miss outranks missing data).
   * Thu (today): one met, one not entered yet → no data, not green. */
  obeya_metric_set_entry (a, MON, 410, NULL, NULL);
  obeya_metric_set_entry (b, MON, 3, NULL, NULL);
  obeya_metric_set_entry (a, TUE, 410, NULL, NULL);
  obeya_metric_set_entry (b, TUE, 12, NULL, NULL);
  obeya_metric_set_entry (a, WED, 300, NULL, NULL);
  obeya_metric_set_entry (a, THU, 450, NULL, NULL);

  obeya_metrics_get_category_statuses (metrics, OBEYA_CATEGORY_DELIVERY, MON, 7, today, week);
  g_assert_cmpint (week[0], ==, OBEYA_METRIC_STATUS_MET);
  g_assert_cmpint (week[1], ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (week[2], ==, OBEYA_METRIC_STATUS_MISSED);
  g_assert_cmpint (week[3], ==, OBEYA_METRIC_STATUS_NO_DATA);
  g_assert_cmpint (week[4], ==, OBEYA_METRIC_STATUS_FUTURE);
  g_assert_cmpint (week[5], ==, OBEYA_METRIC_STATUS_NON_WORKING);
  g_assert_cmpint (week[6], ==, OBEYA_METRIC_STATUS_NON_WORKING);
  g_assert_cmpint (obeya_metrics_get_category_status (metrics, OBEYA_CATEGORY_DELIVERY, TUE,
                                                      today), ==, OBEYA_METRIC_STATUS_AMBER);

  /* A category without metrics: grey on working days, never green. */
  g_assert_cmpint (obeya_metrics_get_category_status (metrics, OBEYA_CATEGORY_QUALITY, MON,
                                                      today), ==, OBEYA_METRIC_STATUS_NO_DATA);
  g_assert_cmpint (obeya_metrics_get_category_status (metrics, OBEYA_CATEGORY_QUALITY, SAT,
                                                      today), ==, OBEYA_METRIC_STATUS_NON_WORKING);
}

static void
test_aggregates (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetric *metric = add_metric (ws, "Invoices", OBEYA_CATEGORY_DELIVERY,
                                    OBEYA_METRIC_HIGHER_IS_BETTER, 400, 20);
  ObeyaMetricCounts counts;
  ObeyaDay latest_day = 0;
  double value = 0, average = 0;

  g_assert_false (obeya_metric_get_latest (metric, FRI, &latest_day, &value));

  /* Last week of October: Mon 26 … Fri 30; then November. */
  obeya_metric_set_entry (metric, DAY (2026, 10, 26), 300, NULL, NULL); /* missed */
  obeya_metric_set_entry (metric, DAY (2026, 10, 27), 390, NULL, NULL); /* amber */
  obeya_metric_set_entry (metric, DAY (2026, 10, 29), 500, NULL, NULL); /* met; Wed 28 no data */
  obeya_metric_set_entry (metric, DAY (2026, 10, 30), 410, NULL, NULL); /* met */
  obeya_metric_set_entry (metric, MON, 420, NULL, NULL);
  obeya_metric_set_entry (metric, TUE, 380, NULL, NULL);
  obeya_metric_set_entry (metric, WED, 440, NULL, NULL);

  g_assert_true (obeya_metric_get_latest (metric, FRI, &latest_day, &value));
  g_assert_cmpuint (latest_day, ==, WED);
  g_assert_cmpfloat (value, ==, 440);
  g_assert_true (obeya_metric_get_latest (metric, TUE, &latest_day, &value));
  g_assert_cmpfloat (value, ==, 380);

  /* Week (Mon 2 to Fri 6) and month (Nov 1 to today): entries only. */
  g_assert_cmpuint (obeya_metric_get_week_average (metric, FRI, &average), ==, 3);
  g_assert_cmpfloat_with_epsilon (average, (420 + 380 + 440) / 3.0, 1e-9);
  g_assert_cmpuint (obeya_metric_get_month_average (metric, FRI, &average), ==, 3);
  g_assert_cmpuint (obeya_metric_get_month_average (metric, DAY (2026, 10, 31), &average), ==, 4);
  g_assert_cmpfloat_with_epsilon (average, (300 + 390 + 500 + 410) / 4.0, 1e-9);
  average = -1;
  g_assert_cmpuint (obeya_metric_get_average (metric, SAT, SUN, &average), ==, 0);
  g_assert_cmpfloat (average, ==, -1);

  /* Percent of due days met, Oct 26 to Nov 6 with today Thu 5: 9 due days
   * (Fri 6 is after today): met 4 (29, 30, 2, 4), amber 2, missed 1, no
   * data 2 (Wed 28, Thu 5). */
  obeya_metric_count_statuses (metric, DAY (2026, 10, 26), FRI, THU, &counts);
  g_assert_cmpuint (counts.due, ==, 9);
  g_assert_cmpuint (counts.met, ==, 4);
  g_assert_cmpuint (counts.amber, ==, 2);
  g_assert_cmpuint (counts.missed, ==, 1);
  g_assert_cmpuint (counts.no_data, ==, 2);
  g_assert_cmpfloat_with_epsilon (obeya_metric_counts_percent_met (&counts), 400.0 / 9, 1e-9);
  obeya_metric_count_statuses (metric, SAT, SUN, SUN, &counts);
  g_assert_cmpuint (counts.due, ==, 0);
  g_assert_cmpfloat (obeya_metric_counts_percent_met (&counts), ==, -1);
}

static void
test_streaks (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetric *metric = add_metric (ws, "Old items", OBEYA_CATEGORY_DELIVERY,
                                    OBEYA_METRIC_LOWER_IS_BETTER, 10, 0);
  ObeyaMetricStatus status = OBEYA_METRIC_STATUS_FUTURE;

  g_assert_cmpuint (obeya_metric_get_streak (metric, DAY (2025, 6, 1), &status), ==, 0);

  /* Thu 29, Fri 30 Oct met; Mon 2, Tue 3, Wed 4 Nov missed (the weekend
   * does not break the run). */
  obeya_metric_set_entry (metric, DAY (2026, 10, 29), 5, NULL, NULL);
  obeya_metric_set_entry (metric, DAY (2026, 10, 30), 5, NULL, NULL);
  obeya_metric_set_entry (metric, MON, 15, NULL, NULL);
  obeya_metric_set_entry (metric, TUE, 18, NULL, NULL);
  obeya_metric_set_entry (metric, WED, 20, NULL, NULL);

  /* At Thursday's huddle today's number is not in yet: "missed 3 days running". */
  g_assert_cmpuint (obeya_metric_get_streak (metric, THU, &status), ==, 3);
  g_assert_cmpint (status, ==, OBEYA_METRIC_STATUS_MISSED);
  /* Once today's number is in and met, the run is 1 day met. */
  obeya_metric_set_entry (metric, THU, 9, NULL, NULL);
  g_assert_cmpuint (obeya_metric_get_streak (metric, THU, &status), ==, 1);
  g_assert_cmpint (status, ==, OBEYA_METRIC_STATUS_MET);
  /* On Monday the 9th, with Friday missing: "no data 1 day". */
  g_assert_cmpuint (obeya_metric_get_streak (metric, DAY (2026, 11, 9), &status), ==, 1);
  g_assert_cmpint (status, ==, OBEYA_METRIC_STATUS_NO_DATA);
  /* Seen earlier: on Tuesday (entered) two missed, on Monday one, and on
   * Sunday the 1st the two met days before the weekend. */
  g_assert_cmpuint (obeya_metric_get_streak (metric, TUE, &status), ==, 2);
  g_assert_cmpint (status, ==, OBEYA_METRIC_STATUS_MISSED);
  g_assert_cmpuint (obeya_metric_get_streak (metric, MON, &status), ==, 1);
  g_assert_cmpuint (obeya_metric_get_streak (metric, DAY (2026, 11, 1), &status), ==, 2);
  g_assert_cmpint (status, ==, OBEYA_METRIC_STATUS_MET);

  /* As the KPI tile says it. */
  {
    g_autofree char *missed = obeya_metric_dup_streak_text (metric, TUE);
    g_autofree char *met = obeya_metric_dup_streak_text (metric, THU);

    g_assert_cmpstr (missed, ==, "Missed 2 days running");
    g_assert_cmpstr (met, ==, "Met 1 day running");
    g_assert_cmpstr (obeya_metric_status_get_label (OBEYA_METRIC_STATUS_NO_DATA), ==, "No data");
  }
}

static void
test_misses_by_reason (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaMissReason *outage = obeya_metrics_add_miss_reason (metrics, "System outage");
  ObeyaMissReason *absence = obeya_metrics_add_miss_reason (metrics, "Staff absence");
  ObeyaMissReason *unused = obeya_metrics_add_miss_reason (metrics, "Vendor data");
  const char *outage_id = obeya_entity_get_id (OBEYA_ENTITY (outage));
  const char *absence_id = obeya_entity_get_id (OBEYA_ENTITY (absence));
  ObeyaMetric *a = add_metric (ws, "Invoices", OBEYA_CATEGORY_DELIVERY,
                               OBEYA_METRIC_HIGHER_IS_BETTER, 400, 20);
  ObeyaMetric *b = add_metric (ws, "First-pass yield", OBEYA_CATEGORY_QUALITY,
                               OBEYA_METRIC_HIGHER_IS_BETTER, 95, 0);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) quality = NULL;
  g_autoptr(GArray) after = NULL;

  obeya_metric_set_entry (a, MON, 300, "Down 3 h", outage_id);
  obeya_metric_set_entry (a, TUE, 310, NULL, outage_id);
  obeya_metric_set_entry (a, WED, 390, NULL, absence_id);  /* amber: not a miss */
  obeya_metric_set_entry (a, THU, 200, NULL, NULL);        /* a miss without a reason */
  obeya_metric_set_entry (b, MON, 90, NULL, absence_id);
  obeya_metric_set_entry (b, TUE, 91, NULL, outage_id);
  obeya_metric_set_entry (b, DAY (2026, 10, 30), 80, NULL, absence_id); /* before the range */

  all = obeya_metrics_count_misses_by_reason (metrics, NULL, NULL, MON, FRI, FRI);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (g_array_index (all, ObeyaReasonCount, 0).reason_id, ==, outage_id);
  g_assert_cmpuint (g_array_index (all, ObeyaReasonCount, 0).count, ==, 3);
  g_assert_cmpstr (g_array_index (all, ObeyaReasonCount, 1).reason_id, ==, absence_id);
  g_assert_cmpuint (g_array_index (all, ObeyaReasonCount, 1).count, ==, 1);
  g_assert_null (g_array_index (all, ObeyaReasonCount, 2).reason_id);
  g_assert_cmpuint (g_array_index (all, ObeyaReasonCount, 2).count, ==, 1);

  quality = obeya_metrics_count_misses_by_reason (metrics, NULL, OBEYA_CATEGORY_QUALITY,
                                                  DAY (2026, 10, 1), FRI, FRI);
  g_assert_cmpuint (quality->len, ==, 2);
  /* Absence twice (with Oct 30), outage once. */
  g_assert_cmpstr (g_array_index (quality, ObeyaReasonCount, 0).reason_id, ==, absence_id);
  g_assert_cmpuint (g_array_index (quality, ObeyaReasonCount, 0).count, ==, 2);

  /* Removing a reason clears it from the entries, in one undoable command. */
  obeya_metrics_remove_miss_reason (metrics, outage);
  g_assert_null (obeya_metric_get_entry (a, MON)->reason);
  g_assert_cmpstr (obeya_metric_get_entry (a, MON)->note, ==, "Down 3 h");
  after = obeya_metrics_count_misses_by_reason (metrics, a, NULL, MON, FRI, FRI);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpuint (g_array_index (after, ObeyaReasonCount, 0).count, ==, 3);
  obeya_history_undo (obeya_workspace_get_history (ws));
  g_assert_cmpstr (obeya_metric_get_entry (a, MON)->reason, ==, outage_id);
  g_assert_cmpstr (obeya_metric_get_entry (b, TUE)->reason, ==, outage_id);
  g_assert_nonnull (obeya_metrics_find_miss_reason (metrics, outage_id));

  obeya_metrics_rename_miss_reason (metrics, unused, "Vendor master data");
  g_assert_cmpstr (obeya_miss_reason_get_name (unused), ==, "Vendor master data");
  g_assert_true (obeya_metrics_find_miss_reason_by_name (metrics, "VENDOR MASTER DATA") == unused);
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
test_fast_entry_undo (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaHistory *history = obeya_workspace_get_history (ws);
  ObeyaMissReason *reason = obeya_metrics_add_miss_reason (metrics, "System outage");
  ObeyaMetric *a = add_metric (ws, "Invoices", OBEYA_CATEGORY_DELIVERY,
                               OBEYA_METRIC_HIGHER_IS_BETTER, 400, 20);
  ObeyaMetric *b = add_metric (ws, "Overtime", OBEYA_CATEGORY_COST,
                               OBEYA_METRIC_LOWER_IS_BETTER, 8, 4);
  ObeyaMetric *c = add_metric (ws, "Training", OBEYA_CATEGORY_PEOPLE,
                               OBEYA_METRIC_HIGHER_IS_BETTER, 4, 1);
  ObeyaMetricEntryEdit edits[3] = {
    { a, FALSE, 350, "System down 2 h", NULL },
    { b, FALSE, 6.5, "", NULL },
    { c, TRUE, 0, NULL, NULL },
  };
  guint changes = 0;

  edits[0].reason_id = obeya_entity_get_id (OBEYA_ENTITY (reason));
  obeya_entity_edit (OBEYA_ENTITY (c), "Cadence", "cadence", OBEYA_METRIC_CADENCE_WEEKLY, NULL);
  obeya_metric_set_entry (b, TUE, 9, NULL, NULL);
  obeya_metric_set_entry (c, MON, 2, NULL, NULL);
  g_signal_connect (ws, "changed", G_CALLBACK (count_cb), &changes);

  obeya_metrics_set_day_entries (metrics, TUE, edits, G_N_ELEMENTS (edits));
  g_assert_cmpuint (changes, ==, 1); /* one command: one autosave */
  g_assert_cmpstr (obeya_history_get_undo_label (history), ==, "Enter the numbers of 2026-11-03");
  g_assert_cmpfloat (obeya_metric_get_entry (a, TUE)->value, ==, 350);
  g_assert_cmpstr (obeya_metric_get_entry (a, TUE)->note, ==, "System down 2 h");
  g_assert_cmpstr (obeya_metric_get_entry (a, TUE)->reason, ==, edits[0].reason_id);
  g_assert_cmpfloat (obeya_metric_get_entry (b, TUE)->value, ==, 6.5);
  g_assert_null (obeya_metric_get_entry (b, TUE)->note); /* "" is no note */
  g_assert_null (obeya_metric_get_entry (c, TUE));        /* the week's entry cleared */

  /* One undo restores every metric of the day. */
  g_assert_true (obeya_history_undo (history));
  g_assert_null (obeya_metric_get_entry (a, TUE));
  g_assert_cmpfloat (obeya_metric_get_entry (b, TUE)->value, ==, 9);
  g_assert_cmpfloat (obeya_metric_get_entry (c, MON)->value, ==, 2);
  g_assert_true (obeya_history_redo (history));
  g_assert_cmpfloat (obeya_metric_get_entry (a, TUE)->value, ==, 350);
  g_assert_null (obeya_metric_get_entry (c, MON));

  /* Entering the same numbers again records nothing. */
  edits[2].clear = TRUE;
  obeya_metrics_set_day_entries (metrics, TUE, edits, G_N_ELEMENTS (edits));
  g_assert_cmpuint (changes, ==, 3);
}

static void
test_metric_commands (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaHistory *history = obeya_workspace_get_history (ws);
  ObeyaMetric *a = add_metric (ws, "A", OBEYA_CATEGORY_DELIVERY, OBEYA_METRIC_HIGHER_IS_BETTER,
                               1, 0);
  ObeyaMetric *b = add_metric (ws, "B", OBEYA_CATEGORY_DELIVERY, OBEYA_METRIC_HIGHER_IS_BETTER,
                               1, 0);
  ObeyaMetricCategory *custom;
  g_autoptr(ObeyaMetric) item = NULL;
  g_autofree char *formatted = NULL;

  obeya_metrics_move_metric (metrics, b, 0);
  item = g_list_model_get_item (obeya_metrics_get_metrics (metrics), 0);
  g_assert_true (item == b);
  obeya_history_undo (history);
  g_clear_object (&item);
  item = g_list_model_get_item (obeya_metrics_get_metrics (metrics), 0);
  g_assert_true (item == a);

  obeya_metrics_delete_metric (metrics, a);
  g_assert_null (obeya_metrics_find_metric (metrics, obeya_entity_get_id (OBEYA_ENTITY (a))));
  obeya_history_undo (history);
  g_assert_true (obeya_metrics_find_metric (metrics, obeya_entity_get_id (OBEYA_ENTITY (a))) == a);
  g_assert_true (obeya_entity_get_workspace (OBEYA_ENTITY (a)) == ws);

  /* Edits of plain fields go through the one generic edit command. */
  obeya_entity_edit (OBEYA_ENTITY (a), "Edit metric", "unit", "%", "decimals", 1, NULL);
  formatted = obeya_metric_format_value (a, 96.25);
  g_assert_cmpstr (formatted, ==, "96.2 %");
  obeya_history_undo (history);
  g_assert_null (obeya_metric_get_unit (a));

  /* A metric naming a category the workspace does not define is refused
   * (the file could not be loaded again). */
  {
    g_autoptr(ObeyaMetric) stray = obeya_metric_new ("Stray", "no-such-category",
                                                     OBEYA_METRIC_HIGHER_IS_BETTER);

    g_test_expect_message ("obeya-core", G_LOG_LEVEL_CRITICAL, "*find_category*");
    obeya_metrics_insert_metric (metrics, stray, -1);
    g_test_assert_expected_messages ();
    g_assert_null (obeya_metrics_find_metric (metrics, obeya_entity_get_id (OBEYA_ENTITY (stray))));
    g_test_expect_message ("obeya-core", G_LOG_LEVEL_CRITICAL, "*category*does not exist*");
    obeya_entity_edit (OBEYA_ENTITY (a), "Category", "category", "no-such-category", NULL);
    g_test_assert_expected_messages ();
    g_assert_cmpstr (obeya_metric_get_category (a), ==, OBEYA_CATEGORY_DELIVERY);
  }

  /* Categories: five built in, custom ones added; in use → not removable. */
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_categories (metrics)), ==, 5);
  custom = obeya_metrics_add_category (metrics, "environment", NULL);
  g_assert_cmpstr (obeya_metric_category_get_letter (custom), ==, "E");
  g_assert_false (obeya_metrics_remove_category (metrics,
                                                 obeya_metrics_find_category (metrics, "safety")));
  obeya_entity_edit (OBEYA_ENTITY (b), "Category", "category",
                     obeya_entity_get_id (OBEYA_ENTITY (custom)), NULL);
  g_assert_false (obeya_metrics_remove_category (metrics, custom));
  obeya_history_undo (history);
  g_assert_true (obeya_metrics_remove_category (metrics, custom));
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_categories (metrics)), ==, 5);
}

static void
test_actions_and_huddles (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaHistory *history = obeya_workspace_get_history (ws);
  ObeyaMetric *metric = add_metric (ws, "Invoices", OBEYA_CATEGORY_DELIVERY,
                                    OBEYA_METRIC_HIGHER_IS_BETTER, 400, 20);
  ObeyaPerson *ana = obeya_workspace_add_person (ws, "Ana");
  ObeyaPerson *kim = obeya_workspace_add_person (ws, "Kim");
  ObeyaBoard *board;
  ObeyaCard *card;
  ObeyaHuddle *huddle;
  ObeyaHuddleStats stats;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObeyaLink) link = NULL;
  g_autofree char *metric_id = NULL;
  ObeyaDay day = OBEYA_DAY_NONE;
  ObeyaAgendaItem agenda[] = { { "Safety", 2 }, { "Metrics", 5 }, { "Board", 6 } };
  ObeyaTimestamp start;
  const char *attendees[3] = { NULL, NULL, NULL };
  const char *actions[2] = { NULL, NULL };

  /* Without an action board: a clear error, nothing created. */
  g_assert_null (obeya_metrics_raise_action (metrics, "Fix", NULL, OBEYA_DAY_NONE, NULL, 0,
                                             &error));
  g_assert_error (error, OBEYA_METRICS_ERROR, OBEYA_METRICS_ERROR_NO_ACTION_BOARD);
  g_clear_error (&error);

  board = obeya_workspace_add_board (ws, "Actions", OBEYA_BOARD_TEAM,
                                     OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  obeya_metrics_set_action_board (metrics, board);
  g_assert_true (obeya_metrics_get_action_board (metrics) == board);

  obeya_time_set_fake_now ("2026-11-03T09:05:00+01:00");
  card = obeya_metrics_raise_action (metrics, "Ask IT for a failover",
                                     obeya_entity_get_id (OBEYA_ENTITY (ana)), FRI, metric, MON,
                                     &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  g_assert_cmpstr (obeya_history_get_undo_label (history), ==, "Raise action");
  g_assert_true (obeya_card_get_board (card) == board);
  g_assert_cmpint (obeya_column_get_role (obeya_card_get_column (card)), ==,
                   OBEYA_COLUMN_ROLE_BACKLOG);
  g_assert_true (obeya_card_has_assignee (card, obeya_entity_get_id (OBEYA_ENTITY (ana))));
  g_assert_cmpuint (obeya_card_get_due (card), ==, FRI);
  link = g_list_model_get_item (obeya_card_get_links (card), 0);
  g_assert_cmpstr (obeya_link_get_kind (link), ==, OBEYA_LINK_KIND_METRIC);
  g_assert_true (obeya_metric_parse_miss_link_target (obeya_link_get_target (link), &metric_id,
                                                      &day));
  g_assert_cmpstr (metric_id, ==, obeya_entity_get_id (OBEYA_ENTITY (metric)));
  g_assert_cmpuint (day, ==, MON);

  /* Without a metric: linked to today's huddle; undo removes it. */
  {
    ObeyaCard *general = obeya_metrics_raise_action (metrics, "Fix the printer", NULL,
                                                     OBEYA_DAY_NONE, NULL, OBEYA_DAY_NONE,
                                                     &error);
    g_autoptr(ObeyaLink) huddle_link = NULL;

    g_assert_no_error (error);
    huddle_link = g_list_model_get_item (obeya_card_get_links (general), 0);
    g_assert_cmpstr (obeya_link_get_kind (huddle_link), ==, OBEYA_LINK_KIND_HUDDLE);
    g_assert_cmpstr (obeya_link_get_target (huddle_link), ==, "2026-11-03");
    g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, 2);
    obeya_history_undo (history);
    g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, 1);
  }

  /* The huddle log: two huddles this month, 12 and 14 minutes. */
  obeya_metrics_set_agenda (metrics, agenda, G_N_ELEMENTS (agenda));
  g_assert_cmpuint (obeya_metrics_get_agenda_minutes (metrics), ==, 13);
  attendees[0] = obeya_entity_get_id (OBEYA_ENTITY (ana));
  attendees[1] = obeya_entity_get_id (OBEYA_ENTITY (kim));
  actions[0] = obeya_entity_get_id (OBEYA_ENTITY (card));
  g_assert_true (obeya_timestamp_parse ("2026-11-03T09:00:00+01:00", &start));
  huddle = obeya_metrics_record_huddle (metrics, start, 14 * 60, attendees, actions);
  g_assert_cmpuint (obeya_huddle_get_day (huddle), ==, TUE);
  attendees[1] = NULL;
  g_assert_true (obeya_timestamp_parse ("2026-11-02T09:00:00+01:00", &start));
  obeya_metrics_record_huddle (metrics, start, 12 * 60, attendees, NULL);
  {
    g_autoptr(ObeyaHuddle) first = g_list_model_get_item (obeya_metrics_get_huddles (metrics), 0);
    g_assert_cmpuint (obeya_huddle_get_day (first), ==, MON); /* kept in time order */
  }

  obeya_metrics_get_huddle_stats (metrics, DAY (2026, 11, 1), DAY (2026, 11, 30), WED, &stats);
  g_assert_cmpuint (stats.n_huddles, ==, 2);
  g_assert_cmpuint (stats.n_working_days, ==, 3);
  g_assert_cmpuint (stats.n_actions, ==, 1);
  g_assert_cmpfloat_with_epsilon (stats.average_minutes, 13, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.average_attendees, 1.5, 1e-9);

  /* Undo: the huddle, the agenda, then the action card. */
  obeya_history_undo (history);
  obeya_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_huddles (metrics)), ==, 0);
  obeya_history_undo (history);
  g_assert_cmpuint (obeya_metrics_get_agenda_minutes (metrics), ==, 0);
  obeya_history_undo (history);
  g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, 0);
  obeya_time_set_fake_now (NULL);
}

static ObeyaWorkspace *
build_metrics_workspace (void)
{
  ObeyaWorkspace *ws = obeya_workspace_new ();
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaMissReason *outage = obeya_metrics_add_miss_reason (metrics, "System “outage”");
  ObeyaMetricCategory *env = obeya_metrics_add_category (metrics, "Environment", "e");
  ObeyaMetric *invoices = add_metric (ws, "Invoices processed", OBEYA_CATEGORY_DELIVERY,
                                      OBEYA_METRIC_HIGHER_IS_BETTER, 400, 20);
  ObeyaMetric *queue = obeya_metrics_add_metric (metrics, "Queue", OBEYA_CATEGORY_DELIVERY,
                                                 OBEYA_METRIC_WITHIN_BAND);
  ObeyaMetric *training = add_metric (ws, "Training hours", OBEYA_CATEGORY_PEOPLE,
                                      OBEYA_METRIC_HIGHER_IS_BETTER, 4, 0.5);
  ObeyaMetric *paper = add_metric (ws, "Paper", obeya_entity_get_id (OBEYA_ENTITY (env)),
                                   OBEYA_METRIC_LOWER_IS_BETTER, 2.5, 0);
  ObeyaPerson *ana = obeya_workspace_add_person (ws, "Ana");
  ObeyaBoard *board = obeya_workspace_add_board (ws, "Actions", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  ObeyaMetricTarget raised = target_of (DAY (2026, 9, 1), 420, 25);
  ObeyaMetricTarget band = band_of (DAY (2026, 1, 1), 20, 40.5, 5);
  ObeyaAgendaItem agenda[] = { { "Safety first", 1 }, { "Numbers", 5 } };
  const char *attendees[] = { obeya_entity_get_id (OBEYA_ENTITY (ana)), NULL };
  ObeyaTimestamp start;
  ObeyaCard *card;

  obeya_time_set_fake_now ("2026-11-03T09:00:00+01:00");
  obeya_entity_edit (OBEYA_ENTITY (invoices), "Edit", "unit", "invoices",
                     "description", "Invoices posted to the ledger\nby 17:00", NULL);
  obeya_entity_edit (OBEYA_ENTITY (training), "Edit", "cadence", OBEYA_METRIC_CADENCE_WEEKLY,
                     "decimals", 1, "unit", "h", NULL);
  obeya_entity_edit (OBEYA_ENTITY (paper), "Edit", "cadence", OBEYA_METRIC_CADENCE_DAILY, NULL);
  obeya_metric_set_target (invoices, &raised);
  obeya_metric_set_target (queue, &band);
  obeya_metric_set_entry (invoices, MON, 412, NULL, NULL);
  obeya_metric_set_entry (invoices, TUE, 398, "System down 2 h, \"again\"",
                          obeya_entity_get_id (OBEYA_ENTITY (outage)));
  obeya_metric_set_entry (invoices, WED, 350, NULL, obeya_entity_get_id (OBEYA_ENTITY (outage)));
  obeya_metric_set_entry (invoices, DAY (2026, 10, 30), 0.1 + 0.2, "float noise", NULL);
  obeya_metric_set_entry (queue, MON, -3.25, NULL, NULL);
  obeya_metric_set_entry (training, WED, 4.5, NULL, NULL);
  obeya_metric_set_entry (paper, SUN, 1e-7, "tiny", NULL);
  obeya_metrics_set_action_board (metrics, board);
  obeya_metrics_set_agenda (metrics, agenda, G_N_ELEMENTS (agenda));
  card = obeya_metrics_raise_action (metrics, "Failover", NULL, OBEYA_DAY_NONE, invoices, TUE,
                                     NULL);
  g_assert_true (obeya_timestamp_parse ("2026-11-03T09:00:00+01:00", &start));
  {
    const char *actions[] = { obeya_entity_get_id (OBEYA_ENTITY (card)), NULL };
    obeya_metrics_record_huddle (metrics, start, 780, attendees, actions);
  }
  obeya_time_set_fake_now (NULL);
  return ws;
}

static GBytes *
save_ok (ObeyaWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = obeya_workspace_save (ws, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static ObeyaWorkspace *
load_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  ObeyaWorkspace *ws = obeya_workspace_load (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
  return ws;
}

static void
test_round_trip (void)
{
  g_autoptr(ObeyaWorkspace) ws = build_metrics_workspace ();
  g_autoptr(GBytes) first = save_ok (ws);
  g_autoptr(ObeyaWorkspace) copy = load_ok (first);
  g_autoptr(GBytes) second = save_ok (copy);
  const char *text = g_bytes_get_data (first, NULL);
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (copy);
  ObeyaMissReason *outage = obeya_metrics_find_miss_reason_by_name (metrics, "System “outage”");
  g_autofree char *line = NULL;
  g_autofree char *summary = obeya_workspace_dup_summary (copy);
  ObeyaMetric *invoices, *queue, *training;

  if (g_test_verbose ())
    g_printerr ("%.*s", (int) g_bytes_get_size (first), text);
  g_assert_true (g_bytes_equal (first, second));

  /* Compact, one entry per line, no floating-point noise beyond what was typed. */
  g_assert_nonnull (outage);
  line = g_strdup_printf ("[\"2026-11-03\", 398, \"System down 2 h, \\\"again\\\"\", \"%s\"]",
                          obeya_entity_get_id (OBEYA_ENTITY (outage)));
  g_assert_nonnull (strstr (text, line));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("[\"2026-11-04\", 350, null, \"%s\"]",
                          obeya_entity_get_id (OBEYA_ENTITY (outage)));
  g_assert_nonnull (strstr (text, line));
  g_assert_nonnull (strstr (text, "[\"2026-11-02\", 412]"));
  g_assert_nonnull (strstr (text, "[\"2026-10-30\", 0.30000000000000004, \"float noise\"]"));
  g_assert_nonnull (strstr (text, "[\"2026-01-01\", 400, 20],\n"));
  g_assert_nonnull (strstr (text, "[\"2026-09-01\", 420, 25]\n"));
  g_assert_nonnull (strstr (text, "[\"2026-01-01\", 20, 40.5, 5]"));
  g_assert_nonnull (strstr (text, "[\"Numbers\", 5]"));
  g_assert_nonnull (strstr (text, "\"letter\": \"E\""));
  g_assert_null (strstr (text, "\"safety\"")); /* built-in categories are not written */
  g_assert_cmpstr (summary, ==, "1 board, 1 card, 1 person, 0 tags, 4 metrics");

  /* The model survived. */
  invoices = obeya_metrics_find_metric_by_name (metrics, "invoices PROCESSED");
  queue = obeya_metrics_find_metric_by_name (metrics, "Queue");
  training = obeya_metrics_find_metric_by_name (metrics, "Training hours");
  g_assert_nonnull (invoices);
  g_assert_cmpint (obeya_metric_get_status (invoices, TUE, FRI), ==, OBEYA_METRIC_STATUS_AMBER);
  g_assert_cmpint (obeya_metric_get_status (invoices, WED, FRI), ==, OBEYA_METRIC_STATUS_MISSED);
  g_assert_cmpstr (obeya_metric_get_description (invoices), ==,
                   "Invoices posted to the ledger\nby 17:00");
  g_assert_cmpint (obeya_metric_get_status (queue, MON, FRI), ==, OBEYA_METRIC_STATUS_MISSED);
  g_assert_cmpint (obeya_metric_get_cadence (training), ==, OBEYA_METRIC_CADENCE_WEEKLY);
  g_assert_cmpfloat (obeya_metric_get_entry (training, MON)->value, ==, 4.5);
  g_assert_cmpuint (obeya_metric_get_decimals (training), ==, 1);
  g_assert_nonnull (obeya_metrics_get_action_board (metrics));
  g_assert_cmpuint (obeya_metrics_get_agenda_minutes (metrics), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_huddles (metrics)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_categories (metrics)), ==, 6);
}

static JsonObject *
first_object (JsonObject *object,
              const char *member)
{
  return json_array_get_object_element (json_object_get_array_member (object, member), 0);
}

static void
test_unknown_members (void)
{
  g_autoptr(ObeyaWorkspace) ws = build_metrics_workspace ();
  g_autoptr(GBytes) bytes = save_ok (ws);
  g_autoptr(JsonNode) root = obeya_json_parse (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), NULL);
  JsonObject *top = json_node_get_object (root);
  JsonObject *metric = first_object (top, "metrics");
  JsonObject *reason = first_object (top, "miss_reasons");
  JsonObject *huddle = first_object (top, "huddles");
  JsonObject *category = first_object (top, "categories");
  JsonObject *settings = json_object_get_object_member (top, "huddle");
  g_autoptr(ObeyaJsonWriter) writer = obeya_json_writer_new ();
  g_autoptr(GBytes) with_unknown = NULL;
  g_autoptr(GBytes) resaved = NULL;
  g_autoptr(ObeyaWorkspace) copy = NULL;
  const char *text;

  json_object_set_string_member (metric, "x-owner", "finance");
  json_object_set_int_member (reason, "x-code", 17);
  json_object_set_boolean_member (huddle, "x-remote", TRUE);
  json_object_set_string_member (category, "x-colour", "green");
  json_object_set_string_member (settings, "x-room", "Obeya 2");
  obeya_json_writer_node (writer, root);
  with_unknown = obeya_json_writer_free_to_bytes (g_steal_pointer (&writer), NULL);

  copy = load_ok (with_unknown);
  resaved = save_ok (copy);
  text = g_bytes_get_data (resaved, NULL);
  g_assert_nonnull (strstr (text, "\"x-owner\": \"finance\""));
  g_assert_nonnull (strstr (text, "\"x-code\": 17"));
  g_assert_nonnull (strstr (text, "\"x-remote\": true"));
  g_assert_nonnull (strstr (text, "\"x-colour\": \"green\""));
  g_assert_nonnull (strstr (text, "\"x-room\": \"Obeya 2\""));
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *message_part;
} BadFile;

#define HEAD "{\"format\": \"obeya-workspace\", \"version\": 1, "
#define METRIC(extra) "\"metrics\": [{\"id\": \"m1\", \"name\": \"M\", " \
                      "\"category\": \"delivery\", \"direction\": \"higher\"" extra "}]}"

static void
test_bad_files (void)
{
  const BadFile cases[] = {
    { "unknown category", HEAD "\"metrics\": [{\"id\": \"m1\", \"name\": \"M\", \"category\": "
      "\"fun\", \"direction\": \"higher\"}]}", OBEYA_JSON_ERROR_INVALID, "metrics[0].category" },
    { "bad direction", HEAD "\"metrics\": [{\"id\": \"m1\", \"name\": \"M\", \"category\": "
      "\"cost\", \"direction\": \"sideways\"}]}", OBEYA_JSON_ERROR_INVALID,
      "metrics[0].direction" },
    { "bad cadence", HEAD METRIC (", \"cadence\": \"hourly\""), OBEYA_JSON_ERROR_INVALID,
      "metrics[0].cadence" },
    { "bad date", HEAD METRIC (", \"entries\": [[\"2026-02-30\", 1]]"), OBEYA_JSON_ERROR_INVALID,
      "metrics[0].entries[0][0]" },
    { "not a number", HEAD METRIC (", \"entries\": [[\"2026-11-02\", \"12\"]]"),
      OBEYA_JSON_ERROR_INVALID, "metrics[0].entries[0][1]" },
    { "huge value", HEAD METRIC (", \"entries\": [[\"2026-11-02\", 1e300]]"),
      OBEYA_JSON_ERROR_INVALID, "metrics[0].entries[0][1]: the number is too large" },
    { "infinite value", HEAD METRIC (", \"entries\": [[\"2026-11-02\", 1e400]]"),
      OBEYA_JSON_ERROR_NUMBER, NULL },
    { "unsorted entries", HEAD METRIC (", \"entries\": [[\"2026-11-03\", 1], [\"2026-11-02\", 1]]"),
      OBEYA_JSON_ERROR_INVALID, "metrics[0].entries[1]: entries must be in date order" },
    { "two entries one day",
      HEAD METRIC (", \"entries\": [[\"2026-11-03\", 1], [\"2026-11-03\", 2]]"),
      OBEYA_JSON_ERROR_INVALID, "metrics[0].entries[1]" },
    { "unknown reason", HEAD METRIC (", \"entries\": [[\"2026-11-03\", 1, null, \"r9\"]]"),
      OBEYA_JSON_ERROR_INVALID, "metrics[0].entries[0][3]: no miss reason with id “r9”" },
    { "weekly not on monday", HEAD METRIC (", \"cadence\": \"weekly\", \"entries\": "
      "[[\"2026-11-03\", 1]]"), OBEYA_JSON_ERROR_INVALID, "Mondays" },
    { "band upside down", HEAD "\"metrics\": [{\"id\": \"m1\", \"name\": \"M\", \"category\": "
      "\"cost\", \"direction\": \"band\", \"targets\": [[\"2026-01-01\", 9, 3]]}]}",
      OBEYA_JSON_ERROR_INVALID, "metrics[0].targets[0]" },
    { "short target", HEAD "\"metrics\": [{\"id\": \"m1\", \"name\": \"M\", \"category\": "
      "\"cost\", \"direction\": \"band\", \"targets\": [[\"2026-01-01\", 9]]}]}",
      OBEYA_JSON_ERROR_INVALID, "metrics[0].targets[0]" },
    { "negative amber", HEAD METRIC (", \"targets\": [[\"2026-01-01\", 9, -1]]"),
      OBEYA_JSON_ERROR_INVALID, "metrics[0].targets[0]" },
    { "unsorted targets", HEAD METRIC (", \"targets\": [[\"2026-03-01\", 9], [\"2026-01-01\", 8]]"),
      OBEYA_JSON_ERROR_INVALID, "metrics[0].targets[1]" },
    { "duplicate id", HEAD "\"miss_reasons\": [{\"id\": \"m1\", \"name\": \"R\"}], " METRIC (""),
      OBEYA_JSON_ERROR_INVALID, "metrics[0].id: duplicate id" },
    { "builtin category id", HEAD "\"categories\": [{\"id\": \"safety\", \"name\": \"S\", "
      "\"letter\": \"S\"}]}", OBEYA_JSON_ERROR_INVALID, "categories[0].id" },
    { "two letters", HEAD "\"categories\": [{\"id\": \"c1\", \"name\": \"Env\", "
      "\"letter\": \"EN\"}]}", OBEYA_JSON_ERROR_INVALID, "categories[0].letter" },
    { "huddle without start", HEAD "\"huddles\": [{\"id\": \"h1\", \"duration\": 600}]}",
      OBEYA_JSON_ERROR_INVALID, "huddles[0].start" },
    { "agenda item", HEAD "\"huddle\": {\"agenda\": [[\"Safety\", -2]]}}",
      OBEYA_JSON_ERROR_INVALID, "huddle.agenda[0][1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(ObeyaWorkspace) ws = obeya_workspace_load (bytes, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(no error)");
      g_assert_null (ws);
      g_assert_error (error, OBEYA_JSON_ERROR, cases[i].code);
      if (cases[i].message_part != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

typedef struct
{
  ObeyaWorkspace *ws;
  ObeyaMetrics   *metrics;
  ObeyaMetric    *invoices;
  ObeyaMetric    *overtime;
  ObeyaMetric    *training;
  ObeyaMissReason *outage;
} CsvFixture;

static void
csv_fixture_set_up (CsvFixture    *f,
                    gconstpointer  data)
{
  f->ws = obeya_workspace_new ();
  f->metrics = obeya_workspace_get_metrics (f->ws);
  f->outage = obeya_metrics_add_miss_reason (f->metrics, "System outage");
  f->invoices = add_metric (f->ws, "Invoices processed", OBEYA_CATEGORY_DELIVERY,
                            OBEYA_METRIC_HIGHER_IS_BETTER, 400, 20);
  f->overtime = add_metric (f->ws, "Overtime hours", OBEYA_CATEGORY_COST,
                            OBEYA_METRIC_LOWER_IS_BETTER, 8, 4);
  f->training = add_metric (f->ws, "Training hours", OBEYA_CATEGORY_PEOPLE,
                            OBEYA_METRIC_HIGHER_IS_BETTER, 4, 1);
  obeya_entity_edit (OBEYA_ENTITY (f->training), "Cadence", "cadence",
                     OBEYA_METRIC_CADENCE_WEEKLY, NULL);
  obeya_metric_set_entry (f->overtime, MON, 5, NULL, NULL);
  obeya_history_clear (obeya_workspace_get_history (f->ws));
}

static void
csv_fixture_tear_down (CsvFixture    *f,
                       gconstpointer  data)
{
  g_assert_finalize_object (f->ws);
}

static void
test_csv_import (CsvFixture    *f,
                 gconstpointer  data)
{
  /* A BOM, CRLF, columns in another order, a quoted note with a comma, a
   * quote and a line break, a reason by name, a metric by id, a weekly
   * metric dated on Wednesday, a blank line, a row that repeats what is
   * there. */
  g_autofree char *csv = g_strdup_printf (
    "\xEF\xBB\xBF" "Metric,Date,Value,Note,Reason\r\n"
    "Invoices processed,2026-11-02,412,,\r\n"
    "invoices processed,2026-11-03,398.5,\"System down, \"\"again\"\"\nfor 2 h\",system OUTAGE\r\n"
    "%s,2026-11-03,6.25,,\r\n"
    "\r\n"
    "Training hours,2026-11-04,3.5,,\r\n"
    "Overtime hours,2026-11-02,5,,\r\n",
    obeya_entity_get_id (OBEYA_ENTITY (f->overtime)));
  g_autoptr(ObeyaMetricImport) import = obeya_metric_import_parse (f->metrics, csv, -1, FRI);
  const ObeyaMetricImportRow *rows;
  ObeyaHistory *history = obeya_workspace_get_history (f->ws);
  g_autoptr(GError) error = NULL;
  guint n_rows;

  g_assert_false (obeya_metric_import_has_errors (import));
  rows = obeya_metric_import_get_rows (import, &n_rows);
  g_assert_cmpuint (n_rows, ==, 5);
  g_assert_cmpuint (rows[0].line, ==, 2);
  g_assert_true (rows[0].metric == f->invoices);
  g_assert_true (rows[0].is_new);
  g_assert_cmpuint (rows[1].line, ==, 3);
  g_assert_cmpfloat (rows[1].value, ==, 398.5);
  g_assert_cmpstr (rows[1].note, ==, "System down, \"again\"\nfor 2 h");
  g_assert_cmpstr (rows[1].reason_id, ==, obeya_entity_get_id (OBEYA_ENTITY (f->outage)));
  g_assert_cmpuint (rows[2].line, ==, 5);                  /* the quoted break counts */
  g_assert_true (rows[2].metric == f->overtime);
  g_assert_cmpuint (rows[3].day, ==, MON);                 /* weekly: the week's Monday */
  g_assert_true (rows[4].unchanged);
  /* Nothing happens before apply. */
  g_assert_null (obeya_metric_get_entry (f->invoices, MON));

  g_assert_true (obeya_metric_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (obeya_history_get_undo_label (history), ==, "Import metric entries");
  g_assert_cmpfloat (obeya_metric_get_entry (f->invoices, TUE)->value, ==, 398.5);
  g_assert_cmpfloat (obeya_metric_get_entry (f->overtime, TUE)->value, ==, 6.25);
  g_assert_cmpfloat (obeya_metric_get_entry (f->training, MON)->value, ==, 3.5);

  /* One undo removes the whole import and keeps what was there. */
  g_assert_true (obeya_history_undo (history));
  g_assert_null (obeya_metric_get_entry (f->invoices, MON));
  g_assert_null (obeya_metric_get_entry (f->training, MON));
  g_assert_cmpfloat (obeya_metric_get_entry (f->overtime, MON)->value, ==, 5);
  g_assert_false (obeya_history_can_undo (history));
}

static void
test_csv_import_errors (CsvFixture    *f,
                        gconstpointer  data)
{
  const char *csv =
    "date,metric,value,note,reason\n"
    "2026-11-02,Invoices processed,410,,\n"        /* 2: good */
    "2026-13-01,Invoices processed,410,,\n"        /* 3: bad date */
    "2026-11-03,Invoices,410,,\n"                  /* 4: unknown metric */
    "2026-11-03,Overtime hours,12 h,,\n"           /* 5: not a number */
    "2026-11-03,Overtime hours,1.234,56,,\n"       /* 6: decimal comma splits the field */
    "2026-11-04,Overtime hours,NaN,,\n"            /* 7: NaN */
    "2026-11-04,Invoices processed,inf,,\n"        /* 8: infinity */
    "2026-11-05,Invoices processed,1e308,,\n"      /* 9: huge */
    "2026-11-05,Overtime hours,0x10,,\n"           /* 10: hex */
    "2026-11-02,Invoices processed,400,,\n"        /* 11: duplicate of line 2 */
    "2026-11-02,Training hours,2,,\n"              /* 12: good (week of the 2nd) */
    "2026-11-06,Training hours,3,,\n"              /* 13: the same week again */
    "2026-11-03,Overtime hours,,,\n"               /* 14: no value */
    "2026-11-03,Overtime hours,7,,Gremlins\n"      /* 15: unknown reason */
    "2026-11-20,Overtime hours,7,,\n";             /* 16: in the future */
  g_autoptr(ObeyaMetricImport) import = obeya_metric_import_parse (f->metrics, csv, -1, FRI);
  const ObeyaMetricImportError *errors;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_errors, n_rows;
  const struct { guint line; const char *part; } expected[] = {
    { 3, "“2026-13-01” is not a date" },
    { 4, "no metric named “Invoices”" },
    { 5, "“12 h” is not a number" },
    { 6, "expected 5 fields like the header, found 6" },
    { 7, "“NaN” is not a number" },
    { 8, "“inf” is not a number" },
    { 9, "1e308 is too large" },
    { 10, "“0x10” is not a number" },
    { 11, "line 2 already gives “Invoices processed” for 2026-11-02" },
    { 13, "line 12 already gives “Training hours” for the week of 2026-11-02" },
    { 14, "the value is missing" },
    { 15, "no miss reason named “Gremlins”" },
    { 16, "2026-11-20 is in the future" },
  };

  errors = obeya_metric_import_get_errors (import, &n_errors);
  obeya_metric_import_get_rows (import, &n_rows);
  for (guint i = 0; i < n_errors; i++)
    g_test_message ("line %u: %s", errors[i].line, errors[i].message);
  g_assert_cmpuint (n_errors, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (n_rows, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (errors[i].line, ==, expected[i].line);
      g_assert_nonnull (strstr (errors[i].message, expected[i].part));
    }

  /* All or nothing: the two good rows are not imported either. */
  g_assert_false (obeya_metric_import_apply (import, &error));
  g_assert_error (error, OBEYA_METRICS_ERROR, OBEYA_METRICS_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "13 rows are wrong"));
  g_assert_nonnull (strstr (error->message, "line 16: 2026-11-20 is in the future"));
  g_assert_null (obeya_metric_get_entry (f->invoices, MON));
  g_assert_null (obeya_metric_get_entry (f->training, MON));
  g_assert_false (obeya_history_can_undo (obeya_workspace_get_history (f->ws)));

  text = obeya_metric_import_dup_errors_text (import);
  g_assert_true (g_str_has_prefix (text, "line 3: “2026-13-01” is not a date (YYYY-MM-DD)\n"));
}

static void
test_csv_import_bad_files (CsvFixture    *f,
                           gconstpointer  data)
{
  const struct { const char *csv; guint line; const char *part; } cases[] = {
    { "", 1, "expected a header row" },
    { "day,metric,value\n", 1, "unknown column “day”" },
    { "date,metric\n2026-11-02,X\n", 1, "no “value” column" },
    { "date,metric,value,value\n", 1, "appears twice" },
    { "date,metric,value\n2026-11-02,\"Invoices processed,400\n", 2, "never closed" },
    { "date,metric,value\n2026-11-02,\"Invoices\" processed,400\n", 2, "after the closing quote" },
    { "date,metric,value\n2026-11-02,Invoices \"processed\",400\n", 2, "a quote inside" },
    { "date,metric,value\n2026-11-02,Invoices \xff,400\n", 2, "not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObeyaMetricImport) import = obeya_metric_import_parse (f->metrics, cases[i].csv,
                                                                       -1, FRI);
      const ObeyaMetricImportError *errors;
      guint n_errors;

      errors = obeya_metric_import_get_errors (import, &n_errors);
      g_test_message ("case %u: line %u: %s", i, n_errors ? errors[0].line : 0,
                      n_errors ? errors[0].message : "(none)");
      g_assert_cmpuint (n_errors, ==, 1);
      g_assert_cmpuint (errors[0].line, ==, cases[i].line);
      g_assert_nonnull (strstr (errors[0].message, cases[i].part));
      g_assert_false (obeya_metric_import_apply (import, NULL));
    }
}

/* What spreadsheets write: semicolons where the decimal mark is a comma,
 * tabs, old Mac line ends (CR), leading empty lines. */
static void
test_csv_import_separators (CsvFixture    *f,
                            gconstpointer  data)
{
  const struct { const char *csv; guint line; } cases[] = {
    { "date;metric;value;note\n2026-11-03;Invoices processed;398.5;\"a; b\"\n", 2 },
    { "date\tmetric\tvalue\tnote\r\n2026-11-03\tInvoices processed\t398.5\ta; b\r\n", 2 },
    { "date,metric,value,note\r2026-11-03,Invoices processed,398.5,\"a; b\"\r", 2 },
    { "\n\ndate,metric,value,note\n\n2026-11-03,Invoices processed,398.5,a; b\n", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObeyaMetricImport) import = obeya_metric_import_parse (f->metrics, cases[i].csv,
                                                                       -1, FRI);
      const ObeyaMetricImportRow *rows;
      guint n_rows;

      g_assert_false (obeya_metric_import_has_errors (import));
      rows = obeya_metric_import_get_rows (import, &n_rows);
      g_assert_cmpuint (n_rows, ==, 1);
      g_assert_cmpuint (rows[0].line, ==, cases[i].line);
      g_assert_true (rows[0].metric == f->invoices);
      g_assert_cmpfloat (rows[0].value, ==, 398.5);
      g_assert_cmpstr (rows[0].note, ==, "a; b");
    }
}

static void
test_csv_export (CsvFixture    *f,
                 gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *only = NULL;
  g_autofree char *again = NULL;
  g_autoptr(ObeyaWorkspace) other = NULL;
  guint n_rows = 0;
  g_autoptr(GError) error = NULL;
  const char *reason = obeya_entity_get_id (OBEYA_ENTITY (f->outage));

  obeya_metric_set_entry (f->invoices, TUE, 398.5, "Down, \"again\"", reason);
  obeya_metric_set_entry (f->invoices, MON, 0.1, NULL, NULL);
  obeya_metric_set_entry (f->training, WED, 2, NULL, NULL);

  csv = obeya_metrics_export_csv (f->metrics, NULL, OBEYA_DAY_NONE, OBEYA_DAY_NONE);
  g_assert_cmpstr (csv, ==,
                   "date,metric,value,note,reason\r\n"
                   "2026-11-02,Invoices processed,0.1,,\r\n"
                   "2026-11-02,Overtime hours,5,,\r\n"
                   "2026-11-02,Training hours,2,,\r\n"
                   "2026-11-03,Invoices processed,398.5,\"Down, \"\"again\"\"\",System outage\r\n");
  only = obeya_metrics_export_csv (f->metrics, f->invoices, TUE, TUE);
  g_assert_cmpstr (only, ==,
                   "date,metric,value,note,reason\r\n"
                   "2026-11-03,Invoices processed,398.5,\"Down, \"\"again\"\"\",System outage\r\n");

  /* The export imports back into a copy of the workspace as the same entries. */
  obeya_metric_clear_entry (f->invoices, MON);
  obeya_metric_clear_entry (f->invoices, TUE);
  obeya_metric_clear_entry (f->training, MON);
  g_assert_true (obeya_metrics_import_csv (f->metrics, csv, -1, FRI, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 4);
  again = obeya_metrics_export_csv (f->metrics, NULL, OBEYA_DAY_NONE, OBEYA_DAY_NONE);
  g_assert_cmpstr (again, ==, csv);
}

static ObeyaWorkspace *
build_sample (ObeyaDay today)
{
  ObeyaWorkspace *ws = obeya_workspace_new ();
  ObeyaBoard *board = obeya_workspace_add_board (ws, "Accounts payable", OBEYA_BOARD_TEAM,
                                                 OBEYA_BOARD_TEMPLATE_BACK_OFFICE);
  const char *names[] = { "Ana", "Kim", "Sam" };

  g_object_set (board, "sample", TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_set (obeya_workspace_add_person (ws, names[i]), "sample", TRUE, NULL);
  obeya_history_clear (obeya_workspace_get_history (ws));
  obeya_sample_add_huddle_metrics (ws, today);
  return ws;
}

static void
test_sample (void)
{
  ObeyaDay today = DAY (2026, 11, 25);
  g_autoptr(ObeyaWorkspace) ws = build_sample (today);
  g_autoptr(ObeyaWorkspace) again = build_sample (today);
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaHistory *history = obeya_workspace_get_history (ws);
  GListModel *list = obeya_metrics_get_metrics (metrics);
  const char *names[] = {
    "Invoices processed", "First-pass yield", "Items older than 5 days", "Overtime hours",
    "Training hours", "Data-security incidents",
  };
  const char *categories[] = { "delivery", "quality", "delivery", "cost", "people", "safety" };
  g_autofree char *csv = obeya_metrics_export_csv (metrics, NULL, OBEYA_DAY_NONE, OBEYA_DAY_NONE);
  g_autofree char *csv_again = obeya_metrics_export_csv (obeya_workspace_get_metrics (again),
                                                         NULL, OBEYA_DAY_NONE, OBEYA_DAY_NONE);
  g_autoptr(GArray) pareto = NULL;
  ObeyaMetric *invoices, *fpy, *training;
  ObeyaMetricCounts before, after;
  ObeyaBoard *board;
  ObeyaCard *action;
  ObeyaDay last_day = 0;
  ObeyaDay first_day;
  guint n_entries, n_missed = 0;

  if (g_test_verbose ())
    g_printerr ("%s", csv);

  /* Deterministic for a given today. */
  g_assert_cmpstr (csv, ==, csv_again);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(ObeyaMetric) metric = g_list_model_get_item (list, i);

      g_assert_cmpstr (obeya_metric_get_name (metric), ==, names[i]);
      g_assert_cmpstr (obeya_metric_get_category (metric), ==, categories[i]);
      g_assert_true (obeya_metric_get_sample (metric));
      /* About three months, up to yesterday at the latest, nothing today. */
      g_assert_true (obeya_metric_get_latest (metric, today, &last_day, NULL));
      g_assert_cmpuint (last_day, <, today);
      g_assert_cmpuint (last_day, >=, today - (i == 4 ? 13 : 7)); /* weekly: last full week */
      first_day = obeya_metric_get_entries (metric, &n_entries)[0].day;
      g_assert_cmpuint (first_day, >=, today - 98);
      g_assert_cmpuint (first_day, <=, today - 85);
      g_assert_cmpuint (n_entries, >=, i == 4 ? 11 : 58);
    }
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_miss_reasons (metrics)), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_huddles (metrics)), ==, 3);

  /* The story: a bad week with reasons (System outage first in the
   * Pareto), then better numbers than before it. */
  invoices = obeya_metrics_find_metric_by_name (metrics, "Invoices processed");
  fpy = obeya_metrics_find_metric_by_name (metrics, "First-pass yield");
  training = obeya_metrics_find_metric_by_name (metrics, "Training hours");
  g_assert_cmpuint (obeya_metric_get_targets (invoices, NULL)[0].target, ==, 400);
  g_assert_cmpuint (obeya_metric_get_target_at (invoices, today)->target, ==, 420);
  g_assert_cmpint (obeya_metric_get_cadence (training), ==, OBEYA_METRIC_CADENCE_WEEKLY);
  pareto = obeya_metrics_count_misses_by_reason (metrics, NULL, NULL, today - 91, today, today);
  g_assert_cmpuint (pareto->len, >=, 3);
  g_assert_cmpstr (g_array_index (pareto, ObeyaReasonCount, 0).reason_id, ==,
                   obeya_entity_get_id (OBEYA_ENTITY (
                     obeya_metrics_find_miss_reason_by_name (metrics, "System outage"))));
  for (guint i = 0; i < pareto->len; i++)
    n_missed += g_array_index (pareto, ObeyaReasonCount, i).count;
  g_assert_cmpuint (n_missed, >=, 15);
  obeya_metric_count_statuses (fpy, today - 91, today - 49, today, &before);
  obeya_metric_count_statuses (fpy, today - 28, today, today, &after);
  g_test_message ("first-pass yield met: %.0f %% before, %.0f %% after",
                  obeya_metric_counts_percent_met (&before),
                  obeya_metric_counts_percent_met (&after));
  g_assert_cmpfloat (obeya_metric_counts_percent_met (&after), >,
                     obeya_metric_counts_percent_met (&before) + 10);
  g_assert_cmpuint (before.no_data, >=, 1); /* a forgotten day stays grey */

  /* The action: on the sample board, done, linked to the outage miss. */
  board = obeya_metrics_get_action_board (metrics);
  g_assert_nonnull (board);
  g_assert_cmpuint (obeya_board_get_cards (board)->len, ==, 1);
  action = obeya_board_get_cards (board)->pdata[0];
  g_assert_true (obeya_card_is_done (action));
  {
    g_autoptr(ObeyaLink) link = g_list_model_get_item (obeya_card_get_links (action), 0);
    g_autofree char *metric_id = NULL;
    ObeyaDay day;

    g_assert_true (obeya_metric_parse_miss_link_target (obeya_link_get_target (link), &metric_id,
                                                        &day));
    g_assert_true (obeya_metrics_find_metric (metrics, metric_id) == invoices);
    g_assert_cmpint (obeya_metric_get_status (invoices, day, today), ==,
                     OBEYA_METRIC_STATUS_MISSED);
    /* Raised at the huddle after the outage. */
    g_assert_cmpuint (obeya_timestamp_get_day (obeya_card_get_created (action)), >, day);
    g_assert_cmpuint (obeya_timestamp_get_day (obeya_card_get_created (action)), <=, day + 3);
  }

  /* It saves and loads byte for byte, and stays under a few kilobytes a metric. */
  {
    g_autoptr(GBytes) first = save_ok (ws);
    g_autoptr(ObeyaWorkspace) copy = load_ok (first);
    g_autoptr(GBytes) second = save_ok (copy);

    g_assert_true (g_bytes_equal (first, second));
    g_test_message ("sample workspace: %zu bytes", g_bytes_get_size (first));
  }

  /* One click clears it all (and one undo brings it back). */
  g_assert_true (obeya_workspace_has_sample (ws));
  obeya_workspace_clear_sample (ws);
  g_assert_false (obeya_workspace_has_sample (ws));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_miss_reasons (metrics)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (obeya_metrics_get_huddles (metrics)), ==, 0);
  g_assert_null (obeya_metrics_get_action_board_id (metrics));
  obeya_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  g_assert_nonnull (obeya_metrics_get_action_board (metrics));

  /* Adding the sample is one command. */
  obeya_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_false (obeya_history_can_undo (history));
}

/* The large workspace of DESIGN.md section 5: 50 metrics of three years of
 * daily entries. Only with -m perf: timings are reported, not asserted. */
static void
test_perf_large (void)
{
  g_autoptr(ObeyaWorkspace) ws = obeya_workspace_new ();
  ObeyaMetrics *metrics = obeya_workspace_get_metrics (ws);
  ObeyaDay first = DAY (2023, 11, 25), today = DAY (2026, 11, 25);
  guint n_days = today - first;
  g_autoptr(GString) csv = g_string_new ("date,metric,value,note,reason\n");
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(ObeyaWorkspace) loaded = NULL;
  g_autofree ObeyaMetricStatus *statuses = g_new (ObeyaMetricStatus, n_days);
  g_autoptr(GError) error = NULL;
  ObeyaMissReason *reason = obeya_metrics_add_miss_reason (metrics, "System outage");
  guint n_rows = 0, n_met = 0;

  for (guint m = 0; m < 50; m++)
    {
      g_autofree char *name = g_strdup_printf ("Metric %02u", m);
      ObeyaMetric *metric = add_metric (ws, name, OBEYA_CATEGORY_DELIVERY,
                                        m % 3 == 0 ? OBEYA_METRIC_LOWER_IS_BETTER
                                                   : OBEYA_METRIC_HIGHER_IS_BETTER,
                                        100, 5);
      ObeyaMetricTarget later = target_of (DAY (2025, 6, 1), 105, 5);

      obeya_entity_edit (OBEYA_ENTITY (metric), "Cadence", "cadence", OBEYA_METRIC_CADENCE_DAILY,
                         "decimals", 1, NULL);
      obeya_metric_set_target (metric, &later);
      for (ObeyaDay day = first; day < today; day++)
        {
          char buf[OBEYA_DAY_BUF_SIZE];
          double value = 80 + (day * 7 + m * 13) % 400 / 10.0;

          g_string_append_printf (csv, "%s,%s,%.1f", obeya_day_format (day, buf), name, value);
          if ((day + m) % 29 == 0)
            g_string_append (csv, ",\"Late batch, rerun\",System outage\n");
          else
            g_string_append (csv, ",,\n");
        }
    }

  g_timer_start (timer);
  g_assert_true (obeya_metrics_import_csv (metrics, csv->str, csv->len, today, &n_rows, &error));
  g_assert_no_error (error);
  g_test_message ("CSV import of %u rows (%zu bytes): %.0f ms", n_rows, csv->len,
                  g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (n_rows, ==, 50 * n_days);
  g_assert_nonnull (reason);

  g_timer_start (timer);
  bytes = save_ok (ws);
  g_test_message ("save: %.0f ms, %zu bytes (%.0f bytes a metric-day)",
                  g_timer_elapsed (timer, NULL) * 1000, g_bytes_get_size (bytes),
                  (double) g_bytes_get_size (bytes) / (50 * n_days));

  /* The best of five runs of each: the machine is shared. */
  {
    double bare = G_MAXDOUBLE, checked = G_MAXDOUBLE, load = G_MAXDOUBLE;
    double freeing = G_MAXDOUBLE;

    for (guint run = 0; run < 5; run++)
      {
        g_autoptr(JsonParser) parser = json_parser_new_immutable ();
        g_autoptr(JsonNode) root = NULL;

        g_timer_start (timer);
        g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                                   g_bytes_get_size (bytes), NULL));
        bare = MIN (bare, g_timer_elapsed (timer, NULL));
        g_timer_start (timer);
        g_clear_object (&parser);
        freeing = MIN (freeing, g_timer_elapsed (timer, NULL));

        g_timer_start (timer);
        root = obeya_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
        g_assert_nonnull (root);
        checked = MIN (checked, g_timer_elapsed (timer, NULL));

        g_clear_object (&loaded);
        g_timer_start (timer);
        loaded = load_ok (bytes);
        load = MIN (load, g_timer_elapsed (timer, NULL));
      }
    g_test_message ("bare JsonParser %.0f ms (+ %.0f ms to free the tree), obeya_json_parse "
                    "(strict check + parse) %.0f ms, obeya_workspace_load (parse, model, tree "
                    "freed) %.0f ms = %.2f times the bare parse",
                    bare * 1000, freeing * 1000, checked * 1000, load * 1000, load / bare);
  }
  again = save_ok (loaded);
  g_assert_true (g_bytes_equal (bytes, again));

  metrics = obeya_workspace_get_metrics (loaded);
  g_timer_start (timer);
  for (guint m = 0; m < 50; m++)
    {
      g_autoptr(ObeyaMetric) metric = NULL;

      metric = g_list_model_get_item (obeya_metrics_get_metrics (metrics), m);
      obeya_metric_get_statuses (metric, first, n_days, today, statuses);
      for (guint i = 0; i < n_days; i++)
        n_met += statuses[i] == OBEYA_METRIC_STATUS_MET;
    }
  g_test_message ("all statuses, 50 metrics × %u days: %.2f ms", n_days,
                  g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (n_met, >, 0);
  g_assert_cmpuint (n_met, <, 50 * n_days);

  g_timer_start (timer);
  {
    ObeyaMetricStatus month[31];
    ObeyaMetricCounts counts;
    g_autoptr(GArray) pareto = NULL;

    obeya_metrics_get_category_statuses (metrics, OBEYA_CATEGORY_DELIVERY, today - 30, 31, today,
                                         month);
    for (guint m = 0; m < 50; m++)
      {
        g_autoptr(ObeyaMetric) metric = g_list_model_get_item (obeya_metrics_get_metrics (metrics),
                                                               m);
        ObeyaMetricStatus status;

        obeya_metric_count_statuses (metric, first, today, today, &counts);
        obeya_metric_get_streak (metric, today, &status);
      }
    pareto = obeya_metrics_count_misses_by_reason (metrics, NULL, NULL, first, today, today);
    g_assert_cmpuint (pareto->len, >=, 1);
  }
  g_test_message ("a month's letter calendar, 50 percent-met over 3 years, 50 streaks and the "
                  "Pareto: %.2f ms", g_timer_elapsed (timer, NULL) * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/status/directions", test_status_directions);
  g_test_add_func ("/metrics/status/target-changes", test_status_target_changes);
  g_test_add_func ("/metrics/status/calendar", test_status_calendar);
  g_test_add_func ("/metrics/status/category", test_category_status);
  g_test_add_func ("/metrics/aggregates", test_aggregates);
  g_test_add_func ("/metrics/streaks", test_streaks);
  g_test_add_func ("/metrics/misses-by-reason", test_misses_by_reason);
  g_test_add_func ("/metrics/fast-entry-undo", test_fast_entry_undo);
  g_test_add_func ("/metrics/commands", test_metric_commands);
  g_test_add_func ("/metrics/actions-and-huddles", test_actions_and_huddles);
  g_test_add_func ("/metrics/file/round-trip", test_round_trip);
  g_test_add_func ("/metrics/file/unknown-members", test_unknown_members);
  g_test_add_func ("/metrics/file/bad-files", test_bad_files);
  g_test_add ("/metrics/csv/import", CsvFixture, NULL, csv_fixture_set_up, test_csv_import,
              csv_fixture_tear_down);
  g_test_add ("/metrics/csv/import-errors", CsvFixture, NULL, csv_fixture_set_up,
              test_csv_import_errors, csv_fixture_tear_down);
  g_test_add ("/metrics/csv/import-bad-files", CsvFixture, NULL, csv_fixture_set_up,
              test_csv_import_bad_files, csv_fixture_tear_down);
  g_test_add ("/metrics/csv/import-separators", CsvFixture, NULL, csv_fixture_set_up,
              test_csv_import_separators, csv_fixture_tear_down);
  g_test_add_func ("/metrics/sample", test_sample);
  g_test_add ("/metrics/csv/export", CsvFixture, NULL, csv_fixture_set_up, test_csv_export,
              csv_fixture_tear_down);

  if (g_test_perf ())
    g_test_add_func ("/metrics/perf/large", test_perf_large);

  return g_test_run ();
}
