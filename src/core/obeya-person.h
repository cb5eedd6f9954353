/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaPerson: someone in the workspace (assignee, area owner, auditor,
 * huddle attendee).
 */
#pragma once

#include "obeya-entity.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_PERSON (obeya_person_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaPerson, obeya_person, OBEYA, PERSON, ObeyaEntity)

ObeyaPerson *obeya_person_new          (const char  *name);
const char  *obeya_person_get_name     (ObeyaPerson *self);
/* Up to two letters: "Ana López" → "AL", "Kim" → "KI". */
const char  *obeya_person_get_initials (ObeyaPerson *self);
gboolean     obeya_person_get_sample   (ObeyaPerson *self);

G_END_DECLS
