/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaCardFilter: a GtkFilter over ObeyaCards driven by an ObeyaCardQuery.
 * With an empty query it says "match all", so filter models skip it
 * entirely: on a 2,000-card board nothing is re-evaluated when cards move.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-card-query.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_CARD_FILTER (obeya_card_filter_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaCardFilter, obeya_card_filter, OBEYA, CARD_FILTER, GtkFilter)

ObeyaCardFilter *obeya_card_filter_new       (ObeyaCardQuery  *query);
ObeyaCardQuery  *obeya_card_filter_get_query (ObeyaCardFilter *self);

G_END_DECLS
