/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaLane: a swimlane of a board (for example Expedite, or one per person), with its own WIP limit.
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-enums.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_LANE (obeya_lane_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaLane, obeya_lane, OBEYA, LANE, ObeyaEntity)

const char * obeya_lane_get_name (ObeyaLane *self);
guint obeya_lane_get_wip_limit (ObeyaLane *self);
gboolean obeya_lane_get_collapsed (ObeyaLane *self);

G_END_DECLS
