/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaStandupAgenda: the first page of the stand-up mode: the huddle's
 * agenda with the minutes of each item (the item the elapsed time falls in
 * is highlighted, the ones before it are done), the attendance row (one
 * large toggle per person of the workspace: one click marks someone
 * present) and the habit: huddles this month against working days, their
 * average length and attendance (obeya_metrics_get_huddle_stats()) and
 * the last huddles of the log.
 *
 * The attendance is the page's own state until the huddle is recorded
 * (ObeyaStandup does that on leaving); it survives refreshes and is
 * reported by ::attendance-changed. Without attendance (the wall display)
 * the row is not shown.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-types.h"

G_BEGIN_DECLS

/* How many huddles of the log the habit panel lists. */
#define OBEYA_STANDUP_AGENDA_LAST_HUDDLES 5

#define OBEYA_TYPE_STANDUP_AGENDA (obeya_standup_agenda_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaStandupAgenda, obeya_standup_agenda, OBEYA, STANDUP_AGENDA, GtkWidget)

GtkWidget        *obeya_standup_agenda_new            (ObeyaWorkspace     *workspace,
                                                       gboolean            attendance);
/* Rebuilds from the workspace (people, agenda, huddle log). */
void              obeya_standup_agenda_refresh        (ObeyaStandupAgenda *self);
/* Highlights the agenda item @seconds into the huddle falls in. */
void              obeya_standup_agenda_set_elapsed    (ObeyaStandupAgenda *self,
                                                       gint64              seconds);
/* The index of the highlighted agenda item, -1 for none (no agenda, or
 * past its end). */
int               obeya_standup_agenda_get_current_item (ObeyaStandupAgenda *self);

gboolean          obeya_standup_agenda_get_attending  (ObeyaStandupAgenda *self,
                                                       const char         *person_id);
void              obeya_standup_agenda_set_attending  (ObeyaStandupAgenda *self,
                                                       const char         *person_id,
                                                       gboolean            attending);
/* The ids of the people marked present, in the workspace's order (a
 * NULL-terminated array to free with g_strfreev()). */
char            **obeya_standup_agenda_dup_attendees  (ObeyaStandupAgenda *self);
guint             obeya_standup_agenda_get_n_attending (ObeyaStandupAgenda *self);
/* The toggle of @person_id, or NULL (for tests and keyboard focus). */
GtkToggleButton  *obeya_standup_agenda_get_toggle     (ObeyaStandupAgenda *self,
                                                       const char         *person_id);

G_END_DECLS
