/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 5S part of the sample workspace: the two built-in templates, three
 * areas ("AP team desks" and "Meeting room 2" on the Office template,
 * "Finance shared drive" on the Digital workplace one) with six months of
 * monthly audits that improve believably (with notes, summaries and, for the
 * shared drive, folder-scan evidence), a draft in progress, one overdue
 * area, and a few open 5S actions on @action_board. Deterministic: the same
 * @today gives the same content. Everything it adds is marked "sample", so
 * obeya_workspace_clear_sample() removes it. One undoable command.
 */
#pragma once

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

void obeya_sample_add_5s (ObeyaWorkspace *workspace,
                          ObeyaBoard     *action_board,
                          ObeyaDay        today);

G_END_DECLS
