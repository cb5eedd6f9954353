/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaLink: a link from a card: a web address, or another Obeya object (audit item, metric miss, card).
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-enums.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_LINK (obeya_link_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaLink, obeya_link, OBEYA, LINK, ObeyaEntity)

const char * obeya_link_get_kind (ObeyaLink *self);
const char * obeya_link_get_target (ObeyaLink *self);
const char * obeya_link_get_label (ObeyaLink *self);

G_END_DECLS
