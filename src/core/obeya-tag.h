/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaTag: a coloured label for cards, shared by the workspace.
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-enums.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_TAG (obeya_tag_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaTag, obeya_tag, OBEYA, TAG, ObeyaEntity)

const char * obeya_tag_get_name (ObeyaTag *self);
const char * obeya_tag_get_color (ObeyaTag *self);
gboolean obeya_tag_get_sample (ObeyaTag *self);

G_END_DECLS
