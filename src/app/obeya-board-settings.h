/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaBoardSettings: a board's name, kind and WIP rule, its columns and
 * swimlanes, its recurring standard work, and archiving or deleting it.
 * Instant-apply; every change is one undoable core command; destructive
 * changes ask first and say what happens to the cards.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_BOARD_SETTINGS (obeya_board_settings_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaBoardSettings, obeya_board_settings, OBEYA, BOARD_SETTINGS, AdwPreferencesWindow)

/* @board must be in a workspace. */
ObeyaBoardSettings *obeya_board_settings_new (GtkWindow  *parent,
                                              ObeyaBoard *board);

G_END_DECLS
