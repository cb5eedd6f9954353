/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaHuddleSettings: the huddle's settings of a workspace, applied as
 * they change (each change undoable): the board that receives the actions
 * raised in the huddle, the miss reasons (add, rename, remove) and the
 * custom categories (add with a letter, remove when unused).
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_HUDDLE_SETTINGS (obeya_huddle_settings_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaHuddleSettings, obeya_huddle_settings, OBEYA, HUDDLE_SETTINGS,
                      AdwPreferencesWindow)

GtkWidget *obeya_huddle_settings_new (GtkWindow      *parent,
                                      ObeyaWorkspace *workspace);

G_END_DECLS
