/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaRecurrence: recurring standard work (month-end close, weekly
 * reconciliation): a card template with a checklist that re-creates itself
 * on a schedule: every working day, weekly on chosen days, monthly on a
 * date (clamped to the month's end) or on the n-th working day.
 *
 * obeya_board_run_recurrences() creates the card of the latest due
 * occurrence that has none yet (one card, not a backlog of missed ones).
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-enums.h"
#include "obeya-time.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_RECURRENCE (obeya_recurrence_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaRecurrence, obeya_recurrence, OBEYA, RECURRENCE, ObeyaEntity)

const char * obeya_recurrence_get_title (ObeyaRecurrence *self);
const char * obeya_recurrence_get_description (ObeyaRecurrence *self);
const char * const * obeya_recurrence_get_checklist (ObeyaRecurrence *self);
const char * const * obeya_recurrence_get_tags (ObeyaRecurrence *self);
const char * const * obeya_recurrence_get_assignees (ObeyaRecurrence *self);
ObeyaRecurrenceKind obeya_recurrence_get_kind (ObeyaRecurrence *self);
guint obeya_recurrence_get_weekdays (ObeyaRecurrence *self);
guint obeya_recurrence_get_day (ObeyaRecurrence *self);
guint obeya_recurrence_get_nth (ObeyaRecurrence *self);
gboolean obeya_recurrence_get_paused (ObeyaRecurrence *self);

ObeyaRecurrence *obeya_recurrence_new                 (const char          *title,
                                                       ObeyaRecurrenceKind  kind);
/* Column id for new cards (NULL: the board's first column). */
const char      *obeya_recurrence_get_column          (ObeyaRecurrence *self);
ObeyaDay         obeya_recurrence_get_start           (ObeyaRecurrence *self);
void             obeya_recurrence_set_start           (ObeyaRecurrence *self,
                                                       ObeyaDay         start);
ObeyaDay         obeya_recurrence_get_last_created    (ObeyaRecurrence *self);
gboolean         obeya_recurrence_occurs_on           (ObeyaRecurrence *self,
                                                       ObeyaDay         day);
/* The latest occurrence on or before @today that has no card yet, or
 * OBEYA_DAY_NONE. */
ObeyaDay         obeya_recurrence_get_due_occurrence  (ObeyaRecurrence *self,
                                                       ObeyaDay         today);
ObeyaDay         obeya_recurrence_get_next_occurrence (ObeyaRecurrence *self,
                                                       ObeyaDay         after);
/* "Every Monday, Thursday", "Monthly on working day 3". */
char            *obeya_recurrence_describe            (ObeyaRecurrence *self);

G_END_DECLS
