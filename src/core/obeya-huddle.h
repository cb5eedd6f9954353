/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaHuddle: one entry of the huddle log (DESIGN.md section 2, "Stand-up
 * mode"): when the daily huddle started, how long it took, who attended and
 * which actions (card ids) it raised, so the team can see whether the habit
 * holds (obeya_metrics_get_huddle_stats()).
 *
 * Attendees and actions are kept as ids even when the person or the card is
 * later removed: the log is a record of what happened.
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-time.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_HUDDLE (obeya_huddle_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaHuddle, obeya_huddle, OBEYA, HUDDLE, ObeyaEntity)

ObeyaHuddle         *obeya_huddle_new           (ObeyaTimestamp       start,
                                                 guint                duration_seconds,
                                                 const char * const  *attendee_ids,
                                                 const char * const  *action_card_ids);

ObeyaTimestamp       obeya_huddle_get_start     (ObeyaHuddle *self);
/* The local calendar day of the start. */
ObeyaDay             obeya_huddle_get_day       (ObeyaHuddle *self);
guint                obeya_huddle_get_duration  (ObeyaHuddle *self);
const char * const  *obeya_huddle_get_attendees (ObeyaHuddle *self);
guint                obeya_huddle_get_n_attendees (ObeyaHuddle *self);
const char * const  *obeya_huddle_get_actions   (ObeyaHuddle *self);
guint                obeya_huddle_get_n_actions (ObeyaHuddle *self);
gboolean             obeya_huddle_get_sample    (ObeyaHuddle *self);

G_END_DECLS
