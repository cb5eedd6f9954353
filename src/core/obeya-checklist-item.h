/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaChecklistItem: one line of a card's checklist.
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-enums.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_CHECKLIST_ITEM (obeya_checklist_item_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaChecklistItem, obeya_checklist_item, OBEYA, CHECKLIST_ITEM, ObeyaEntity)

const char * obeya_checklist_item_get_text (ObeyaChecklistItem *self);
gboolean obeya_checklist_item_get_done (ObeyaChecklistItem *self);

G_END_DECLS
