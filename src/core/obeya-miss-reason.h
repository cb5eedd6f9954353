/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaMissReason: why a metric missed its target ("System outage",
 * "Missing purchase order"). Reasons are a per-workspace list, so that the
 * misses can be counted by reason (the Pareto of the huddle board).
 */
#pragma once

#include "obeya-entity.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_MISS_REASON (obeya_miss_reason_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaMissReason, obeya_miss_reason, OBEYA, MISS_REASON, ObeyaEntity)

const char *obeya_miss_reason_get_name   (ObeyaMissReason *self);
gboolean    obeya_miss_reason_get_sample (ObeyaMissReason *self);

G_END_DECLS
