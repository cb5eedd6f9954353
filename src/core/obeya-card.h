/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaCard: a unit of work on a board.
 *
 * Plain fields (title, description, assignees, tags, due, class of service)
 * are GObject properties, edited with undo through obeya_entity_edit().
 * Where the card is (column, lane, order) changes only through the board's
 * operations (obeya_board_move_card() and friends), which also append to the
 * card's move history; blocking, the checklist and links through the
 * commands below. Everything is recorded in the workspace history.
 *
 * The move history starts with the card's creation (its first column and
 * lane) and gets one entry per change of column or lane. The blocked
 * episodes are kept whole, so blocked time accumulates across episodes.
 */
#pragma once

#include "obeya-entity.h"
#include "obeya-enums.h"
#include "obeya-time.h"

G_BEGIN_DECLS

typedef struct
{
  ObeyaTimestamp time;
  /* Ids, compared with strcmp: shared with the board's column and lane
   * objects (which live as long as the board) or interned. */
  const char    *column_id;
  const char    *lane_id;   /* NULL on a board without lanes */
} ObeyaMove;

typedef struct
{
  ObeyaTimestamp start;
  ObeyaTimestamp end;       /* OBEYA_TIMESTAMP_NONE while still blocked */
  char          *reason;
} ObeyaBlock;

#define OBEYA_TYPE_CARD (obeya_card_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaCard, obeya_card, OBEYA, CARD, ObeyaEntity)

ObeyaCard           *obeya_card_new                 (const char *title);

ObeyaBoard          *obeya_card_get_board           (ObeyaCard  *self);
const char          *obeya_card_get_title           (ObeyaCard  *self);
const char          *obeya_card_get_description     (ObeyaCard  *self);
const char * const  *obeya_card_get_assignees       (ObeyaCard  *self);
const char * const  *obeya_card_get_tags            (ObeyaCard  *self);
gboolean             obeya_card_has_assignee        (ObeyaCard  *self,
                                                     const char *person_id);
gboolean             obeya_card_has_tag             (ObeyaCard  *self,
                                                     const char *tag_id);
ObeyaClassOfService  obeya_card_get_class_of_service (ObeyaCard *self);
/* OBEYA_DAY_NONE when there is no due date. The "due" property is the
 * "YYYY-MM-DD" string (NULL for none). */
ObeyaDay             obeya_card_get_due             (ObeyaCard  *self);
ObeyaColumn         *obeya_card_get_column          (ObeyaCard  *self);
ObeyaLane           *obeya_card_get_lane            (ObeyaCard  *self);
ObeyaTimestamp       obeya_card_get_created         (ObeyaCard  *self);
gboolean             obeya_card_get_archived        (ObeyaCard  *self);
ObeyaTimestamp       obeya_card_get_archived_at     (ObeyaCard  *self);

gboolean             obeya_card_get_blocked         (ObeyaCard  *self);
const char          *obeya_card_get_blocked_reason  (ObeyaCard  *self);
ObeyaTimestamp       obeya_card_get_blocked_since   (ObeyaCard  *self);
const ObeyaBlock    *obeya_card_get_blocks          (ObeyaCard  *self,
                                                     guint      *n_blocks);
/* Seconds blocked over every episode, the open one counted up to @now. */
gint64               obeya_card_get_blocked_seconds (ObeyaCard     *self,
                                                     ObeyaTimestamp now);

const ObeyaMove     *obeya_card_get_moves           (ObeyaCard  *self,
                                                     guint      *n_moves);

GListModel          *obeya_card_get_checklist       (ObeyaCard  *self);
guint                obeya_card_get_checklist_done  (ObeyaCard  *self);
guint                obeya_card_get_checklist_total (ObeyaCard  *self);
GListModel          *obeya_card_get_links           (ObeyaCard  *self);

/* Flow facts from the move history (the board's column roles). */
/* First entry into an active (or done) column; unset if never committed. */
ObeyaTimestamp       obeya_card_get_commitment_time (ObeyaCard  *self);
/* Entry into the column it is in now (its creation if it never moved). */
ObeyaTimestamp       obeya_card_get_column_entry_time (ObeyaCard *self);
/* Days since commitment, counted inclusively (committed today = 1); 0 when
 * not committed. */
guint                obeya_card_get_age_days        (ObeyaCard  *self,
                                                     ObeyaDay    today);
guint                obeya_card_get_days_in_column  (ObeyaCard  *self,
                                                     ObeyaDay    today);
gboolean             obeya_card_is_overdue          (ObeyaCard  *self,
                                                     ObeyaDay    today);
/* Due today or within the next two days, and not overdue. */
gboolean             obeya_card_is_due_soon         (ObeyaCard  *self,
                                                     ObeyaDay    today);
/* In a done column. */
gboolean             obeya_card_is_done             (ObeyaCard  *self);

/* Commands (undoable). */
void                 obeya_card_block               (ObeyaCard  *self,
                                                     const char *reason);
void                 obeya_card_unblock             (ObeyaCard  *self);
ObeyaChecklistItem  *obeya_card_add_checklist_item  (ObeyaCard  *self,
                                                     const char *text,
                                                     int         position);
void                 obeya_card_remove_checklist_item (ObeyaCard *self,
                                                       guint      position);
void                 obeya_card_move_checklist_item (ObeyaCard  *self,
                                                     guint       from,
                                                     guint       to);
ObeyaLink           *obeya_card_add_link            (ObeyaCard  *self,
                                                     const char *kind,
                                                     const char *target,
                                                     const char *label);
void                 obeya_card_remove_link         (ObeyaCard  *self,
                                                     guint       position);

G_END_DECLS
