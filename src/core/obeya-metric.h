/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaMetric: one daily huddle metric (DESIGN.md section 2, "Huddle
 * metrics"): a name, an SQDCP category, a unit and decimals, a direction,
 * a cadence, a target history and dated entries.
 *
 * Storage. Entries are plain structs in one GArray sorted by day, at most
 * one per day (for the weekly cadence the day is the week's Monday); notes
 * are owned strings, reason ids interned. The target history is a sorted
 * array of ObeyaMetricTarget; the target in force on a day is the latest
 * one whose from-day is on or before it. Nothing derived is stored: every
 * status is computed from the value, the direction and that target.
 *
 * Status rules (obeya_metric_get_status() is the one place that applies them):
 *
 *  1. A day that is not due and has no entry is NON_WORKING. Due days:
 *     - working-days cadence: the workspace's working days (weekday mask
 *       minus holidays; Monday to Friday for a metric outside a workspace);
 *     - daily: every day;
 *     - weekly: the Monday of each week (holidays do not matter: the week
 *       is due, the Monday only names it).
 *     An entry on a day that is not due (Saturday overtime) is judged like
 *     any other entry.
 *  2. A day after today is FUTURE.
 *  3. A due day up to and including today without an entry is NO_DATA
 *     (grey, never green).
 *  4. An entry with no target in force (before the first target) is
 *     NO_TARGET: it can be neither green nor red.
 *  5. Otherwise, with t the target and a ≥ 0 the amber margin in force:
 *     - higher is better: v ≥ t MET; t − a ≤ v < t AMBER; else MISSED;
 *     - lower is better:  v ≤ t MET; t < v ≤ t + a AMBER; else MISSED;
 *     - within a band [min, max]: min ≤ v ≤ max MET; min − a ≤ v < min or
 *       max < v ≤ max + a AMBER; else MISSED.
 *     With a = 0 there is no amber: a value is met or missed. Values are
 *     compared exactly as stored (they are what the user typed).
 *
 * Commands (undoable, recorded in the workspace history): the GObject
 * properties through obeya_entity_edit(); targets and entries through the
 * functions below. obeya_metrics_set_day_entries() sets many metrics'
 * entries of one day as one command (the fast-entry form).
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-time.h"

G_BEGIN_DECLS

typedef enum
{
  OBEYA_METRIC_HIGHER_IS_BETTER, /* "higher" */
  OBEYA_METRIC_LOWER_IS_BETTER,  /* "lower" */
  OBEYA_METRIC_WITHIN_BAND,      /* "band" */
} ObeyaMetricDirection;

typedef enum
{
  OBEYA_METRIC_CADENCE_WORKING_DAYS, /* "working-days" */
  OBEYA_METRIC_CADENCE_DAILY,        /* "daily" */
  OBEYA_METRIC_CADENCE_WEEKLY,       /* "weekly": one entry a week, on its Monday */
} ObeyaMetricCadence;

typedef enum
{
  OBEYA_METRIC_STATUS_MET,         /* green */
  OBEYA_METRIC_STATUS_AMBER,       /* amber */
  OBEYA_METRIC_STATUS_MISSED,      /* red */
  OBEYA_METRIC_STATUS_NO_DATA,     /* grey: due, in the past or today, no entry */
  OBEYA_METRIC_STATUS_NO_TARGET,   /* an entry, but no target in force: neutral */
  OBEYA_METRIC_STATUS_FUTURE,      /* pale */
  OBEYA_METRIC_STATUS_NON_WORKING, /* not due (weekend, holiday, not the week's Monday) */
} ObeyaMetricStatus;

#define OBEYA_TYPE_METRIC_DIRECTION (obeya_metric_direction_get_type ())
GType obeya_metric_direction_get_type (void);
#define OBEYA_TYPE_METRIC_CADENCE (obeya_metric_cadence_get_type ())
GType obeya_metric_cadence_get_type (void);
#define OBEYA_TYPE_METRIC_STATUS (obeya_metric_status_get_type ())
GType obeya_metric_status_get_type (void);

/* Largest magnitude of a value or target: keeps sums and averages exact
 * enough and the file free of absurd numbers. */
#define OBEYA_METRIC_VALUE_MAX 1e15

/* One step of the target history. Higher/lower use @target; a band uses
 * @min and @max. @amber is the width of the amber margin beyond the target
 * (or beyond each side of the band); 0 means no amber band. */
typedef struct
{
  ObeyaDay from;
  double   target;
  double   min;
  double   max;
  double   amber;
} ObeyaMetricTarget;

typedef struct
{
  ObeyaDay    day;
  double      value;
  char       *note;   /* NULL for none */
  const char *reason; /* miss reason id (interned), NULL for none */
} ObeyaMetricEntry;

/* Counts of statuses over a range of due days (see obeya_metric_count_statuses()). */
typedef struct
{
  guint due;       /* due days in the range, up to today */
  guint met;
  guint amber;
  guint missed;
  guint no_data;
  guint no_target;
} ObeyaMetricCounts;

#define OBEYA_TYPE_METRIC (obeya_metric_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaMetric, obeya_metric, OBEYA, METRIC, ObeyaEntity)

/* @category_id: a built-in category ("safety", "quality", "delivery",
 * "cost", "people") or a custom category's id. */
ObeyaMetric          *obeya_metric_new            (const char           *name,
                                                   const char           *category_id,
                                                   ObeyaMetricDirection  direction);

const char           *obeya_metric_get_name        (ObeyaMetric *self);
const char           *obeya_metric_get_description (ObeyaMetric *self);
const char           *obeya_metric_get_category    (ObeyaMetric *self);
const char           *obeya_metric_get_unit        (ObeyaMetric *self);
guint                 obeya_metric_get_decimals    (ObeyaMetric *self);
ObeyaMetricDirection  obeya_metric_get_direction   (ObeyaMetric *self);
ObeyaMetricCadence    obeya_metric_get_cadence     (ObeyaMetric *self);
gboolean              obeya_metric_get_sample      (ObeyaMetric *self);

/* The value with the metric's decimals and unit: "96.5 %", "412 invoices". */
char                 *obeya_metric_format_value    (ObeyaMetric *self,
                                                    double       value);

/* ---- targets ------------------------------------------------------------- */

const ObeyaMetricTarget *obeya_metric_get_targets   (ObeyaMetric *self,
                                                     guint       *n_targets);
/* The target in force on @day, or NULL before the first one. */
const ObeyaMetricTarget *obeya_metric_get_target_at (ObeyaMetric *self,
                                                     ObeyaDay     day);
/* Sets the target from @target->from on (replacing one from the same day);
 * the earlier ones stay in force before it. Undoable. */
void                  obeya_metric_set_target      (ObeyaMetric             *self,
                                                    const ObeyaMetricTarget *target);
void                  obeya_metric_remove_target   (ObeyaMetric *self,
                                                    ObeyaDay     from);

/* ---- entries ------------------------------------------------------------- */

const ObeyaMetricEntry *obeya_metric_get_entries   (ObeyaMetric *self,
                                                    guint       *n_entries);
/* The entry of @day (normalised, see below), or NULL. */
const ObeyaMetricEntry *obeya_metric_get_entry     (ObeyaMetric *self,
                                                    ObeyaDay     day);
/* The day an entry for @day is stored on: the week's Monday for the weekly
 * cadence, @day itself otherwise. */
ObeyaDay              obeya_metric_normalize_day   (ObeyaMetric *self,
                                                    ObeyaDay     day);
/* Undoable. @value must be finite and within ±OBEYA_METRIC_VALUE_MAX; an
 * empty note is none; @reason_id must be a miss reason of the workspace. */
void                  obeya_metric_set_entry       (ObeyaMetric *self,
                                                    ObeyaDay     day,
                                                    double       value,
                                                    const char  *note,
                                                    const char  *reason_id);
void                  obeya_metric_clear_entry     (ObeyaMetric *self,
                                                    ObeyaDay     day);

/* ---- status (see the rules at the top) ----------------------------------- */

gboolean              obeya_metric_is_due          (ObeyaMetric *self,
                                                    ObeyaDay     day);
/* How @value would be judged on @day (MET, AMBER, MISSED or NO_TARGET):
 * the entry form shows it while the user types. */
ObeyaMetricStatus     obeya_metric_judge           (ObeyaMetric *self,
                                                    ObeyaDay     day,
                                                    double       value);
ObeyaMetricStatus     obeya_metric_get_status      (ObeyaMetric *self,
                                                    ObeyaDay     day,
                                                    ObeyaDay     today);
/* The statuses of @n_days consecutive days from @first into @out, in one
 * pass (a run chart or a calendar of years costs microseconds). */
void                  obeya_metric_get_statuses    (ObeyaMetric       *self,
                                                    ObeyaDay           first,
                                                    guint              n_days,
                                                    ObeyaDay           today,
                                                    ObeyaMetricStatus *out);

/* ---- aggregates ---------------------------------------------------------- */

/* The latest entry on or before @today; FALSE when there is none. */
gboolean              obeya_metric_get_latest      (ObeyaMetric *self,
                                                    ObeyaDay     today,
                                                    ObeyaDay    *day,
                                                    double      *value);
/* Average of the entries from @first to @last inclusive; returns how many
 * entries were averaged (0: *average is left untouched). */
guint                 obeya_metric_get_average     (ObeyaMetric *self,
                                                    ObeyaDay     first,
                                                    ObeyaDay     last,
                                                    double      *average);
/* The same over the current week (Monday to @today) and month (the 1st to
 * @today). */
guint                 obeya_metric_get_week_average  (ObeyaMetric *self,
                                                      ObeyaDay     today,
                                                      double      *average);
guint                 obeya_metric_get_month_average (ObeyaMetric *self,
                                                      ObeyaDay     today,
                                                      double      *average);
/* Statuses of the due days from @first to MIN (@last, @today). */
void                  obeya_metric_count_statuses  (ObeyaMetric       *self,
                                                    ObeyaDay           first,
                                                    ObeyaDay           last,
                                                    ObeyaDay           today,
                                                    ObeyaMetricCounts *counts);
/* 100 × met ÷ (due days that have a target in force: met, amber, missed or
 * no data); a due day without data counts as not met. -1 when there is no
 * such day. */
double                obeya_metric_counts_percent_met (const ObeyaMetricCounts *counts);
/* The current run: how many due days in a row, ending with the latest due
 * day that is complete, share one status (*status). The latest complete
 * day is today when today has an entry, else the due day before today (at
 * the morning huddle today's number is not in yet). "Missed 3 days
 * running" is 3 and MISSED. 0 when there is no due day. */
guint                 obeya_metric_get_streak      (ObeyaMetric       *self,
                                                    ObeyaDay           today,
                                                    ObeyaMetricStatus *status);
/* Adds the misses (entries judged MISSED) from @first to MIN (@last, @today)
 * to @counts: reason id (or "" for no reason given) → GUINT_TO_POINTER (n).
 * @counts must have been made with g_str_hash/g_str_equal and no key
 * destroy function (the keys are interned). */
void                  obeya_metric_count_misses_by_reason (ObeyaMetric *self,
                                                           ObeyaDay     first,
                                                           ObeyaDay     last,
                                                           ObeyaDay     today,
                                                           GHashTable  *counts);

/* Translated, user-visible names ("Higher is better", "Every working day",
 * "Missed"…) for forms, tooltips and screen readers. */
const char           *obeya_metric_direction_get_label (ObeyaMetricDirection direction);
const char           *obeya_metric_cadence_get_label   (ObeyaMetricCadence   cadence);
const char           *obeya_metric_status_get_label    (ObeyaMetricStatus    status);
/* The current run as a sentence: "Missed 3 days running", "Met 1 week
 * running" (weekly cadence); NULL when there is no run. */
char                 *obeya_metric_dup_streak_text     (ObeyaMetric *self,
                                                        ObeyaDay     today);

/* Link target of a metric miss ("<metric id>/<YYYY-MM-DD>", kind "metric"),
 * as actions raised in the huddle carry it. */
char                 *obeya_metric_dup_miss_link_target (ObeyaMetric *self,
                                                         ObeyaDay     day);
gboolean              obeya_metric_parse_miss_link_target (const char  *target,
                                                           char       **metric_id,
                                                           ObeyaDay    *day);

G_END_DECLS
