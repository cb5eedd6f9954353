/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaMetrics: the huddle board's part of a workspace (one per workspace,
 * obeya_workspace_get_metrics()): the metrics in display order, the
 * categories (the built-in S, Q, D, C, P and custom ones), the miss
 * reasons, the huddle log and the huddle settings (the board that receives
 * actions, the agenda).
 *
 * File: the workspace's top-level members "categories" (custom ones only),
 * "miss_reasons", "metrics", "huddle" (settings) and "huddles" (the log),
 * each omitted while empty. See obeya-metric.h for a metric's own format.
 *
 * Category status (the letter calendar): the status of a category on a day
 * is the worst over its metrics that are due that day (or have an entry):
 *   MISSED > AMBER > NO_DATA > MET.
 * A known miss outranks a missing number, and the day is green only when
 * every due metric has data and met its target: missing data is grey,
 * never green. NO_TARGET counts as NO_DATA (neither green nor red). A day
 * on which no metric of the category is due is NON_WORKING; a later day
 * than today is FUTURE. A category without metrics follows the workspace's
 * working days and is otherwise NO_DATA.
 */
#pragma once

#include <gio/gio.h>

#include "obeya-metric.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_METRICS_ERROR (obeya_metrics_error_quark ())

typedef enum
{
  OBEYA_METRICS_ERROR_NO_ACTION_BOARD, /* no board (with columns) chosen for actions */
  OBEYA_METRICS_ERROR_IMPORT,          /* a CSV import with bad rows */
} ObeyaMetricsError;

GQuark obeya_metrics_error_quark (void);

/* Built-in category ids. */
#define OBEYA_CATEGORY_SAFETY   "safety"
#define OBEYA_CATEGORY_QUALITY  "quality"
#define OBEYA_CATEGORY_DELIVERY "delivery"
#define OBEYA_CATEGORY_COST     "cost"
#define OBEYA_CATEGORY_PEOPLE   "people"

/* Kind of the card link from an action to the metric miss it came from. */
#define OBEYA_LINK_KIND_METRIC "metric"
/* Kind of the card link of an action raised in the huddle without a metric;
 * its target is the day it was raised ("YYYY-MM-DD"). */
#define OBEYA_LINK_KIND_HUDDLE "huddle"

/* One line of the fast-entry form: set (or clear) @metric's entry of the day. */
typedef struct
{
  ObeyaMetric *metric;
  gboolean     clear;
  double       value;
  const char  *note;      /* NULL or "" for none */
  const char  *reason_id; /* NULL for none */
} ObeyaMetricEntryEdit;

typedef struct
{
  char  *title;
  guint  minutes;
} ObeyaAgendaItem;

typedef struct
{
  const char *reason_id; /* NULL: no reason given */
  guint       count;
} ObeyaReasonCount;

/* Is the habit holding? Over a range of days up to today. */
typedef struct
{
  guint  n_huddles;
  guint  n_working_days;
  guint  n_actions;
  double average_minutes;   /* -1 without huddles */
  double average_attendees; /* -1 without huddles */
} ObeyaHuddleStats;

#define OBEYA_TYPE_METRICS (obeya_metrics_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaMetrics, obeya_metrics, OBEYA, METRICS, GObject)

ObeyaWorkspace      *obeya_metrics_get_workspace     (ObeyaMetrics *self);

/* ---- contents ------------------------------------------------------------ */

GListModel          *obeya_metrics_get_metrics       (ObeyaMetrics *self); /* of ObeyaMetric */
/* Built-in categories first (S, Q, D, C, P), then custom ones. */
GListModel          *obeya_metrics_get_categories    (ObeyaMetrics *self);
GListModel          *obeya_metrics_get_miss_reasons  (ObeyaMetrics *self);
/* The huddle log, oldest first. */
GListModel          *obeya_metrics_get_huddles       (ObeyaMetrics *self);

ObeyaMetric         *obeya_metrics_find_metric       (ObeyaMetrics *self,
                                                      const char   *id);
/* Case-insensitive; the first of several with that name. */
ObeyaMetric         *obeya_metrics_find_metric_by_name (ObeyaMetrics *self,
                                                        const char   *name);
ObeyaMetricCategory *obeya_metrics_find_category     (ObeyaMetrics *self,
                                                      const char   *id);
ObeyaMissReason     *obeya_metrics_find_miss_reason  (ObeyaMetrics *self,
                                                      const char   *id);
ObeyaMissReason     *obeya_metrics_find_miss_reason_by_name (ObeyaMetrics *self,
                                                             const char   *name);
/* The metrics of a category, in display order (a new array of borrowed metrics). */
GPtrArray           *obeya_metrics_dup_category_metrics (ObeyaMetrics *self,
                                                         const char   *category_id);

/* ---- settings ------------------------------------------------------------ */

const char          *obeya_metrics_get_action_board_id (ObeyaMetrics *self);
/* NULL when none is chosen or it was deleted. */
ObeyaBoard          *obeya_metrics_get_action_board  (ObeyaMetrics *self);
const ObeyaAgendaItem *obeya_metrics_get_agenda      (ObeyaMetrics *self,
                                                      guint        *n_items);
guint                obeya_metrics_get_agenda_minutes (ObeyaMetrics *self);

/* ---- commands (undoable) ------------------------------------------------- */

ObeyaMetric         *obeya_metrics_add_metric        (ObeyaMetrics         *self,
                                                      const char           *name,
                                                      const char           *category_id,
                                                      ObeyaMetricDirection  direction);
/* Adds a metric built elsewhere; @position -1 appends. */
void                 obeya_metrics_insert_metric     (ObeyaMetrics *self,
                                                      ObeyaMetric  *metric,
                                                      int           position);
void                 obeya_metrics_move_metric       (ObeyaMetrics *self,
                                                      ObeyaMetric  *metric,
                                                      guint         position);
void                 obeya_metrics_delete_metric     (ObeyaMetrics *self,
                                                      ObeyaMetric  *metric);
/* The fast-entry form: every edit for @day as ONE command. */
void                 obeya_metrics_set_day_entries   (ObeyaMetrics               *self,
                                                      ObeyaDay                    day,
                                                      const ObeyaMetricEntryEdit *edits,
                                                      guint                       n_edits);

ObeyaMissReason     *obeya_metrics_add_miss_reason   (ObeyaMetrics    *self,
                                                      const char      *name);
void                 obeya_metrics_rename_miss_reason (ObeyaMetrics    *self,
                                                       ObeyaMissReason *reason,
                                                       const char      *name);
/* Also clears the reason from every entry that gave it. */
void                 obeya_metrics_remove_miss_reason (ObeyaMetrics    *self,
                                                       ObeyaMissReason *reason);

ObeyaMetricCategory *obeya_metrics_add_category      (ObeyaMetrics *self,
                                                      const char   *name,
                                                      const char   *letter);
/* FALSE (and nothing done) for a built-in category or one still in use. */
gboolean             obeya_metrics_remove_category   (ObeyaMetrics        *self,
                                                      ObeyaMetricCategory *category);

/* Adds a huddle to the log (at its place by start time). */
ObeyaHuddle         *obeya_metrics_record_huddle     (ObeyaMetrics        *self,
                                                      ObeyaTimestamp       start,
                                                      guint                duration_seconds,
                                                      const char * const  *attendee_ids,
                                                      const char * const  *action_card_ids);
void                 obeya_metrics_delete_huddle     (ObeyaMetrics *self,
                                                      ObeyaHuddle  *huddle);

void                 obeya_metrics_set_action_board  (ObeyaMetrics *self,
                                                      ObeyaBoard   *board);
void                 obeya_metrics_set_agenda        (ObeyaMetrics          *self,
                                                      const ObeyaAgendaItem *items,
                                                      guint                  n_items);

/* Raises an action in the huddle: a card titled @title on the action board
 * (its first backlog column, else its first column), assigned to
 * @owner_id (may be NULL), due @due (may be OBEYA_DAY_NONE) and, when
 * @metric is given, linked to the miss of @metric on @miss_day with a link
 * of kind OBEYA_LINK_KIND_METRIC, else linked to today's huddle with a link
 * of kind OBEYA_LINK_KIND_HUDDLE (so every action raised in the huddle can
 * be found). One command. Returns the card (owned by the board), or NULL
 * with OBEYA_METRICS_ERROR_NO_ACTION_BOARD. */
ObeyaCard           *obeya_metrics_raise_action      (ObeyaMetrics *self,
                                                      const char   *title,
                                                      const char   *owner_id,
                                                      ObeyaDay      due,
                                                      ObeyaMetric  *metric,
                                                      ObeyaDay      miss_day,
                                                      GError      **error);

/* ---- computed ------------------------------------------------------------ */

ObeyaMetricStatus    obeya_metrics_get_category_status   (ObeyaMetrics      *self,
                                                          const char        *category_id,
                                                          ObeyaDay           day,
                                                          ObeyaDay           today);
void                 obeya_metrics_get_category_statuses (ObeyaMetrics      *self,
                                                          const char        *category_id,
                                                          ObeyaDay           first,
                                                          guint              n_days,
                                                          ObeyaDay           today,
                                                          ObeyaMetricStatus *out);
/* Misses by reason from @first to MIN (@last, @today), over @metric (or
 * every metric of @category_id, or every metric when both are NULL), most
 * frequent first (ties in the order of the reason list, "no reason" last):
 * a GArray of ObeyaReasonCount, the data of the Pareto chart. */
GArray              *obeya_metrics_count_misses_by_reason (ObeyaMetrics *self,
                                                           ObeyaMetric  *metric,
                                                           const char   *category_id,
                                                           ObeyaDay      first,
                                                           ObeyaDay      last,
                                                           ObeyaDay      today);
void                 obeya_metrics_get_huddle_stats  (ObeyaMetrics     *self,
                                                      ObeyaDay          first,
                                                      ObeyaDay          last,
                                                      ObeyaDay          today,
                                                      ObeyaHuddleStats *stats);

G_END_DECLS
