/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaRecurrenceEditor: edits one recurring standard work item (title,
 * description, checklist lines, tags, assignees, target column, schedule,
 * paused) as a subpage of the board settings. Instant-apply.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_RECURRENCE_EDITOR (obeya_recurrence_editor_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaRecurrenceEditor, obeya_recurrence_editor, OBEYA, RECURRENCE_EDITOR, GtkBox)

/* @recurrence must be one of @board's (and @board in a workspace). */
GtkWidget       *obeya_recurrence_editor_new            (ObeyaRecurrence       *recurrence,
                                                         ObeyaBoard            *board);
ObeyaRecurrence *obeya_recurrence_editor_get_recurrence (ObeyaRecurrenceEditor *self);
/* Commits text typed but not yet committed (the settings window calls it
 * when the subpage or the window closes). */
void             obeya_recurrence_editor_commit         (ObeyaRecurrenceEditor *self);

G_END_DECLS
