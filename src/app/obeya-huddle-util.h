/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the daily huddle widgets (KPI tile, huddle view, metric
 * window, entry form, import, editors): the model turned into chart data,
 * status names for CSS, reading and writing the numbers people type, and
 * the huddle's actions.
 *
 * Actions: an action raised in the huddle is a card on the action board
 * (obeya_metrics_raise_action()): one raised about a metric miss carries a
 * link of kind OBEYA_LINK_KIND_METRIC, one raised without a metric a link
 * of kind OBEYA_LINK_KIND_HUDDLE; the action log finds both.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-charts.h"
#include "obeya-metric.h"
#include "obeya-metrics.h"
#include "obeya-types.h"

G_BEGIN_DECLS

/* ---- statuses ----------------------------------------------------------------- */

/* A CSS class for @status: "met", "amber", "missed", "no-data" (also for
 * no target), "future", "non-working". */
const char       *obeya_huddle_util_status_class   (ObeyaMetricStatus  status);
/* Replaces @widget's status class (see above) by the one of @status. */
void              obeya_huddle_util_set_status_class (GtkWidget         *widget,
                                                      ObeyaMetricStatus  status);

/* ---- numbers -------------------------------------------------------------------- */

/* Reads a number as people type it: "412", "96.5", "96,5", " -3 ", "1 250".
 * FALSE for anything else, for NaN and infinity and beyond
 * ±OBEYA_METRIC_VALUE_MAX. */
gboolean          obeya_huddle_util_parse_value    (const char   *text,
                                                    double       *value);
/* @value with the metric's decimals and no unit, as an entry shows it. */
char             *obeya_huddle_util_format_number  (ObeyaMetric  *metric,
                                                    double        value);
/* The target in force on @day in words: "≥ 420 invoices", "≤ 5 items",
 * "90–110 %"; NULL when there is none. */
char             *obeya_huddle_util_dup_target_text (ObeyaMetric *metric,
                                                     ObeyaDay     day);

/* ---- days ----------------------------------------------------------------------- */

/* "Wed 5 Nov", with the year when it is not @today's. */
char             *obeya_huddle_util_format_day     (ObeyaDay      day,
                                                    ObeyaDay      today);
/* "Wednesday, 5 November 2026" */
char             *obeya_huddle_util_format_day_long (ObeyaDay     day);
/* The latest due day whose number the huddle looks at: @today when its
 * number is in, else the due day before (as obeya_metric_get_streak()
 * counts); for a weekly metric this week's Monday once its number is in,
 * else last week's. OBEYA_DAY_NONE when no due day is found in the last
 * year. */
ObeyaDay          obeya_huddle_util_get_review_day (ObeyaMetric  *metric,
                                                    ObeyaDay      today);
/* ---- chart data ------------------------------------------------------------------- */

/* Run charts, Pareto charts, letter calendars and KPI tiles' sparklines are
 * filled by src/views/obeya-metric-charts.h, as in `obeya chart`. */

/* ---- layout ------------------------------------------------------------------------- */

/* The categories that have metrics, with their names, letters and metrics
 * in order, as one string: views that lay out a tile or a calendar per
 * metric or category rebuild only when it changes. */
char             *obeya_huddle_util_dup_structure  (ObeyaMetrics        *metrics);

/* ---- actions ------------------------------------------------------------------------ */

/* TRUE for a card raised in the huddle (a "metric" or "huddle" link). */
gboolean          obeya_huddle_util_is_action      (ObeyaCard           *card);
/* The open actions on the action board: not archived, not done, oldest
 * first (a new array of borrowed cards; empty without an action board). */
GPtrArray        *obeya_huddle_util_dup_open_actions (ObeyaMetrics      *metrics);
/* The metric a card's "metric" link points at, and the day missed. */
ObeyaMetric      *obeya_huddle_util_get_action_metric (ObeyaCard        *card,
                                                       ObeyaMetrics     *metrics,
                                                       ObeyaDay         *day);

/* ---- windows ------------------------------------------------------------------------- */

/* Makes @dialog modal and transient for @parent, destroyed with it, with a
 * default size of @width × @height shrunk to fit inside @parent, so that
 * it works on a 1024×600 screen. */
void              obeya_huddle_util_init_dialog    (GtkWindow           *dialog,
                                                    GtkWindow           *parent,
                                                    int                  width,
                                                    int                  height);
/* A toast in the main window that @widget is in (or a dialog of), with an
 * Undo button when @with_undo; without Undo, in the toast overlay of
 * @widget's own window when it has one (the metric window). */
void              obeya_huddle_util_toast          (GtkWidget           *widget,
                                                    const char          *message,
                                                    gboolean             with_undo);

/* Asks where to save the entries of @metric (every metric when NULL) from
 * @first to @last (OBEYA_DAY_NONE: no bound) as CSV, writes them and says
 * so in a toast. The file chooser lives as long as @widget. */
void              obeya_huddle_util_export_csv     (GtkWidget           *widget,
                                                    ObeyaMetrics        *metrics,
                                                    ObeyaMetric         *metric,
                                                    ObeyaDay             first,
                                                    ObeyaDay             last);
/* Asks, over @parent, whether to delete @metric; deletes it (undoable, a
 * toast in the main window offers Undo). Windows showing the metric close
 * themselves when it goes. */
void              obeya_huddle_util_confirm_delete_metric (GtkWindow   *parent,
                                                           ObeyaMetric *metric);

/* ---- lists ---------------------------------------------------------------------------- */

/* A GtkStringList of the "name" of each item of @model, with @first (if
 * not NULL) as item 0: for drop-downs of people, boards, reasons. */
GtkStringList    *obeya_huddle_util_name_list      (GListModel          *model,
                                                    const char          *first);

G_END_DECLS
