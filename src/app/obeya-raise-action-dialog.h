/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaRaiseActionDialog: turns a 5S finding into a corrective action in
 * one step: a card on a chosen board, titled from the item, the note as
 * its description, a due date (a week from today by default), an owner
 * (the area's owner by default) and the "5S" tag, linked both ways
 * (obeya_audit_raise_action()). The board offered first is the one this
 * audit's actions went to, else the board the main window shows, else the
 * first team board. Ctrl+Enter raises it.
 */
#pragma once

#include <adwaita.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_RAISE_ACTION_DIALOG (obeya_raise_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaRaiseActionDialog, obeya_raise_action_dialog, OBEYA,
                      RAISE_ACTION_DIALOG, AdwWindow)

ObeyaRaiseActionDialog *obeya_raise_action_dialog_new       (GtkWindow              *parent,
                                                             ObeyaAudit             *audit,
                                                             ObeyaAuditItem         *item);
/* What the form holds (tests and callers may preset it). */
void                    obeya_raise_action_dialog_set_board (ObeyaRaiseActionDialog *self,
                                                             ObeyaBoard             *board);
ObeyaBoard             *obeya_raise_action_dialog_get_board (ObeyaRaiseActionDialog *self);
void                    obeya_raise_action_dialog_set_due   (ObeyaRaiseActionDialog *self,
                                                             ObeyaDay                due);
ObeyaDay                obeya_raise_action_dialog_get_due   (ObeyaRaiseActionDialog *self);
/* A person id, or NULL for nobody. */
void                    obeya_raise_action_dialog_set_owner (ObeyaRaiseActionDialog *self,
                                                             const char             *person_id);
/* Raises the action as the form says (the "Raise Action" button) and
 * closes; returns the card, or NULL when the form is not complete. */
ObeyaCard              *obeya_raise_action_dialog_raise     (ObeyaRaiseActionDialog *self);

G_END_DECLS
