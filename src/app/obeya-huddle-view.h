/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaHuddleView: the daily huddle board of a workspace, a page of the
 * main window. One column per SQDCP category (custom ones after), as on a
 * physical huddle board: the category's letter calendar for the month
 * (a day cell opens that day's numbers) and its metrics' KPI tiles (a tile
 * opens its metric); the month navigation; the open actions raised in the
 * huddle, which are cards on the action board (a row opens the card). A
 * workspace without metrics shows what to do next.
 *
 * Actions (the window's header buttons and menus activate them):
 *   huddle.enter-numbers          the entry form for today (Ctrl+E)
 *   huddle.open-day ("s" day)     the numbers of a day, "YYYY-MM-DD"
 *   huddle.open-metric ("s" id)   a metric's run chart, entries and misses
 *   huddle.new-metric, huddle.edit-metric ("s" id)
 *   huddle.import, huddle.export  CSV of entries
 *   huddle.settings               action board, miss reasons, categories
 *   huddle.raise-action
 *   huddle.previous-month, huddle.next-month, huddle.this-month
 *
 * Signals: ::card-activated (ObeyaCard *card): an action's row was
 * activated; the window shows the card on its board.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_HUDDLE_VIEW (obeya_huddle_view_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaHuddleView, obeya_huddle_view, OBEYA, HUDDLE_VIEW, GtkWidget)

GtkWidget      *obeya_huddle_view_new           (void);
ObeyaWorkspace *obeya_huddle_view_get_workspace (ObeyaHuddleView *self);
void            obeya_huddle_view_set_workspace (ObeyaHuddleView *self,
                                                 ObeyaWorkspace  *workspace);

/* The month of the letter calendars (today's by default). */
void            obeya_huddle_view_get_month     (ObeyaHuddleView *self,
                                                 int             *year,
                                                 int             *month);
void            obeya_huddle_view_set_month     (ObeyaHuddleView *self,
                                                 int              year,
                                                 int              month);

/* TRUE when numbers can be entered: a writable workspace with metrics. */
gboolean        obeya_huddle_view_can_enter_numbers (ObeyaHuddleView *self);

/* The tile of @metric, or NULL (for tests and keyboard focus). */
GtkWidget      *obeya_huddle_view_get_tile      (ObeyaHuddleView *self,
                                                 ObeyaMetric     *metric);
/* The letter calendar of a category, or NULL. */
GtkWidget      *obeya_huddle_view_get_calendar  (ObeyaHuddleView *self,
                                                 const char      *category_id);
/* The day under (@x, @y) of a calendar widget, or OBEYA_DAY_NONE. */
ObeyaDay        obeya_huddle_view_calendar_day_at (ObeyaHuddleView *self,
                                                   GtkWidget       *calendar,
                                                   double           x,
                                                   double           y);
/* The day the keyboard is on in a calendar widget, or OBEYA_DAY_NONE
 * before it had the focus. */
ObeyaDay        obeya_huddle_view_calendar_focus_day (ObeyaHuddleView *self,
                                                      GtkWidget       *calendar);

G_END_DECLS
