/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaEntryForm: "Enter Today's Numbers", and the numbers of any day (a
 * day cell of a letter calendar opens it): one dialog, driven from the
 * keyboard, with a row for every metric due that day (and any that has a
 * number that day), grouped by category. Each row shows the target and the
 * previous number as a hint; the status shows while typing. A miss at once
 * asks for a reason (the workspace's reasons, or a new one) and offers to
 * raise an action (what, owner, due) on the action board; amber asks too.
 * Tab goes from number to number (through the reason of a miss), Enter
 * saves everything as ONE undoable command; an emptied number is removed.
 */
#pragma once

#include <adwaita.h>

#include "obeya-metric.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_ENTRY_FORM (obeya_entry_form_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaEntryForm, obeya_entry_form, OBEYA, ENTRY_FORM, AdwWindow)

GtkWidget   *obeya_entry_form_new          (GtkWindow      *parent,
                                            ObeyaWorkspace *workspace,
                                            ObeyaDay        day);
ObeyaDay     obeya_entry_form_get_day      (ObeyaEntryForm *self);
/* Shows another day; FALSE (and nothing changes) while numbers are typed. */
gboolean     obeya_entry_form_set_day      (ObeyaEntryForm *self,
                                            ObeyaDay        day);

/* The number field of @metric's row, or NULL when it has no row. */
GtkEditable *obeya_entry_form_get_value_editable (ObeyaEntryForm *self,
                                                  ObeyaMetric    *metric);
/* TRUE when @metric's row asks for a reason (its number misses). */
gboolean     obeya_entry_form_asks_reason  (ObeyaEntryForm *self,
                                            ObeyaMetric    *metric);
/* The reason drop-down of @metric's row (items: "No reason given", the
 * workspace's reasons in order, "New Reason…"). */
GtkDropDown *obeya_entry_form_get_reason_dropdown (ObeyaEntryForm *self,
                                                   ObeyaMetric    *metric);
/* Saves (the Save button and Enter do this); FALSE when a number is not
 * readable, then nothing is saved and the row shows why. */
gboolean     obeya_entry_form_save         (ObeyaEntryForm *self);

G_END_DECLS
