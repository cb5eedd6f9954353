/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaActionDialog: raises an action in the huddle: what, owner, due day
 * and, optionally, the metric miss it answers. The action is a card on the
 * action board (obeya_metrics_raise_action()), one undoable command.
 */
#pragma once

#include <adwaita.h>

#include "obeya-metric.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_ACTION_DIALOG (obeya_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaActionDialog, obeya_action_dialog, OBEYA, ACTION_DIALOG, AdwWindow)

/* @metric and @day may be NULL / OBEYA_DAY_NONE. */
GtkWidget *obeya_action_dialog_new   (GtkWindow         *parent,
                                      ObeyaWorkspace    *workspace,
                                      ObeyaMetric       *metric,
                                      ObeyaDay           day);
/* Raises the action (the Raise button); the card, or NULL when the form is
 * not complete or there is no action board. */
ObeyaCard *obeya_action_dialog_raise (ObeyaActionDialog *self);

G_END_DECLS
