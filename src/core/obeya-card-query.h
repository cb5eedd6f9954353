/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaCardQuery: the filter bar's logic, without a display.
 *
 * A query holds the criteria the user picked; a card matches when it meets
 * every criterion that is set (an unset criterion matches everything):
 *
 *  - text: every word must occur in the card's title or description,
 *    ignoring case and accents ("lopez" finds "López", "ETAPE" finds
 *    "étape");
 *  - assignees: the card has at least one of these person ids;
 *  - tags: the card has at least one of these tag ids;
 *  - blocked-only: the card is blocked;
 *  - overdue-only: the card is overdue on the "today" given to
 *    obeya_card_query_matches();
 *  - person: the card is assigned to this person ("My cards"). Unlike
 *    assignees it is not a choice in the filter bar but a fixed scope, so a
 *    "My cards" view can still be narrowed by assignees or tags.
 *
 * The query text is folded once when it is set; each card's folded title
 * and description are cached on the card and refolded only when the text
 * changed, so matching stays cheap when a GtkCustomFilter re-runs it over a
 * 2,000-card board on every keystroke.
 *
 * ::changed is emitted once after every change of the criteria (whatever
 * the number of properties set at once), which is when a filter wrapping
 * the query calls gtk_filter_changed().
 */
#pragma once

#include <glib-object.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_CARD_QUERY (obeya_card_query_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaCardQuery, obeya_card_query, OBEYA, CARD_QUERY, GObject)

ObeyaCardQuery     *obeya_card_query_new              (void);

const char         *obeya_card_query_get_text         (ObeyaCardQuery     *self);
void                obeya_card_query_set_text         (ObeyaCardQuery     *self,
                                                       const char         *text);
/* Person ids; NULL or empty for any. */
const char * const *obeya_card_query_get_assignees    (ObeyaCardQuery     *self);
void                obeya_card_query_set_assignees    (ObeyaCardQuery     *self,
                                                       const char * const *person_ids);
/* Tag ids; NULL or empty for any. */
const char * const *obeya_card_query_get_tags         (ObeyaCardQuery     *self);
void                obeya_card_query_set_tags         (ObeyaCardQuery     *self,
                                                       const char * const *tag_ids);
gboolean            obeya_card_query_get_blocked_only (ObeyaCardQuery     *self);
void                obeya_card_query_set_blocked_only (ObeyaCardQuery     *self,
                                                       gboolean            blocked_only);
gboolean            obeya_card_query_get_overdue_only (ObeyaCardQuery     *self);
void                obeya_card_query_set_overdue_only (ObeyaCardQuery     *self,
                                                       gboolean            overdue_only);
/* "My cards": only cards assigned to this person id (NULL: anyone's). */
const char         *obeya_card_query_get_person       (ObeyaCardQuery     *self);
void                obeya_card_query_set_person       (ObeyaCardQuery     *self,
                                                       const char         *person_id);

/* Unsets every criterion (one ::changed). */
void                obeya_card_query_clear            (ObeyaCardQuery     *self);
/* TRUE when no criterion is set (text of blanks only counts as none). */
gboolean            obeya_card_query_is_empty         (ObeyaCardQuery     *self);

gboolean            obeya_card_query_matches          (ObeyaCardQuery     *self,
                                                       ObeyaCard          *card,
                                                       ObeyaDay            today);

/* The matching active (not archived) cards of every board of @workspace
 * that is not archived: boards in workspace order, then columns from left
 * to right, swimlanes from top to bottom, cards in display order. A new
 * array holding a reference to each card. */
GPtrArray          *obeya_card_query_collect          (ObeyaCardQuery     *self,
                                                       ObeyaWorkspace     *workspace,
                                                       ObeyaDay            today);

/* @text in the form the query compares: case folded, compatibility
 * decomposed, combining marks dropped, and a few letters that do not
 * decompose (ø, ł, đ, æ, œ…) spelled in ASCII. */
char               *obeya_card_query_fold_text        (const char         *text);

G_END_DECLS
