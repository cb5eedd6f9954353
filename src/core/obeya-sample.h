/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first-start sample: a small, plausible back-office team board marked
 * "sample" (so obeya_workspace_clear_sample() removes it in one undoable
 * step), beside an empty personal board that stays.
 */
#pragma once

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

/* A new personal workspace for first start, dated around @today. */
ObeyaWorkspace *obeya_sample_create_workspace (ObeyaDay        today);

/* Adds the sample team board (and its people and tags) to @workspace,
 * without recording undo history. Returns the board (owned by the workspace). */
ObeyaBoard     *obeya_sample_add_board        (ObeyaWorkspace *workspace,
                                               ObeyaDay        today);

G_END_DECLS
