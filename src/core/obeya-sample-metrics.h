/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first-start sample's huddle board: a back-office team's six metrics
 * (invoices processed against plan, first-pass yield, items older than 5
 * days, overtime hours, training hours, data-security incidents) with
 * about three months of plausible entries up to yesterday, a few miss
 * reasons and a short huddle log, all marked "sample": true so that
 * obeya_workspace_clear_sample() removes them.
 *
 * The entries tell a story: a steady start, a bad week about six weeks ago
 * (a system outage: invoices below plan, first-pass yield down, old items
 * piling up, overtime, one data-security incident) with reasons given, an
 * action raised on the sample board, and better numbers since (the plan
 * was raised to 420 invoices a day when the team caught up). The same
 * @today always gives the same data (a fixed seed).
 */
#pragma once

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

/* One undoable command. When the workspace has a sample team board, it
 * becomes the action board (unless one is chosen) and receives the action;
 * the sample people, if any, attend the huddles. */
void obeya_sample_add_huddle_metrics (ObeyaWorkspace *workspace,
                                      ObeyaDay        today);

G_END_DECLS
