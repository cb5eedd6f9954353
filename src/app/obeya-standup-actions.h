/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaStandupActions: the open actions page of the stand-up mode: the
 * actions raised in the huddle that are still open (on the action board,
 * not done, not archived) and, across every other board that is not
 * archived, the cards that are blocked or overdue, so nothing stuck is
 * missed. Each row says, in words and colour, what state the card is in
 * (overdue, blocked, due soon, open), its title, owner, due day and where
 * it is (board and column). When interactive, a row opens the card editor
 * and the page offers "Raise Action" ("standup.raise-action" with "").
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_STANDUP_ACTIONS (obeya_standup_actions_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaStandupActions, obeya_standup_actions, OBEYA, STANDUP_ACTIONS, GtkWidget)

GtkWidget   *obeya_standup_actions_new          (ObeyaWorkspace      *workspace,
                                                 gboolean             interactive);
void         obeya_standup_actions_refresh      (ObeyaStandupActions *self);
/* "3 open actions · 1 overdue": what the page title says under it. */
const char  *obeya_standup_actions_get_summary  (ObeyaStandupActions *self);
/* The huddle's open actions, then the other blocked or overdue cards
 * (list models of ObeyaCard, as shown). */
GListModel  *obeya_standup_actions_get_actions  (ObeyaStandupActions *self);
GListModel  *obeya_standup_actions_get_stuck    (ObeyaStandupActions *self);

/* A row for @card as the stand-up lists show it (also the 5S page's open
 * actions): state, title, owner, due, where. @groups, when not NULL, are
 * three size groups that line up the state, owner and due columns. */
GtkWidget   *obeya_standup_card_row_new         (ObeyaCard           *card,
                                                 ObeyaDay             today,
                                                 GtkSizeGroup       **groups);

G_END_DECLS
