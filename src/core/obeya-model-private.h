/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal API between the model types: raw mutators (no undo; the public
 * commands record them in the history) and the JSON readers and writers.
 */
#pragma once

#include "obeya-json.h"
#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

/* Entity: sets the id of a new entity being loaded (cheaper than the
 * construct property). */
void       _obeya_entity_set_id          (ObeyaEntity    *entity,
                                          const char     *id);

/* Loading state shared by every reader of one file. */
typedef struct
{
  ObeyaJsonReader *reader;
  ObeyaWorkspace  *workspace;
  GHashTable      *ids;     /* every id seen (strings of the tree being read) */
  guint            version; /* file version */
  /* While a board's cards are read: its columns (active and retired) and
   * lanes by id. */
  GHashTable      *columns;
  GHashTable      *retired_columns;
  GHashTable      *lanes;
} ObeyaLoadContext;

/* The table for ObeyaLoadContext.ids: its keys are borrowed from the tree
 * being read, so it must not outlive it and frees nothing. */
GHashTable *_obeya_load_context_new_ids (void);

/* Records @id (duplicate → error at the current path). */
gboolean   _obeya_load_context_claim_id (ObeyaLoadContext *ctx,
                                         const char       *id);
/* Reads "id" of @object (required, non-empty) and claims it. */
const char *_obeya_load_context_read_id (ObeyaLoadContext *ctx,
                                         JsonObject       *object);

/* Writes "created"-style timestamp members; nothing for an unset one. */
void       _obeya_write_timestamp_member (ObeyaJsonWriter *writer,
                                          const char      *name,
                                          ObeyaTimestamp   ts);
/* Reads a timestamp member (error if present and malformed). */
ObeyaTimestamp _obeya_read_timestamp_member (ObeyaLoadContext *ctx,
                                             JsonObject       *object,
                                             const char       *name,
                                             gboolean          required);
ObeyaDay   _obeya_read_day_member       (ObeyaLoadContext *ctx,
                                         JsonObject       *object,
                                         const char       *name,
                                         gboolean          required);
/* Reads an array of id strings; each must be a key of @known (when not NULL);
 * @what is the untranslated (N_) name of what they refer to, for the error. */
GStrv      _obeya_read_id_list          (ObeyaLoadContext *ctx,
                                         JsonObject       *object,
                                         const char       *name,
                                         GHashTable       *known,
                                         const char       *what);
void       _obeya_write_string_list     (ObeyaJsonWriter    *writer,
                                         const char         *name,
                                         const char * const *values);

/* Card */
void       _obeya_card_checklist_item_changed (ObeyaCard *card);
void       _obeya_card_set_place        (ObeyaCard      *card,
                                         ObeyaColumn    *column,
                                         ObeyaLane      *lane);
gint64     _obeya_card_get_rank         (ObeyaCard      *card);
void       _obeya_card_set_rank         (ObeyaCard      *card,
                                         gint64          rank);
void       _obeya_card_set_created      (ObeyaCard      *card,
                                         ObeyaTimestamp  created);
void       _obeya_card_append_move      (ObeyaCard      *card,
                                         ObeyaTimestamp  time,
                                         const char     *column_id,
                                         const char     *lane_id);
void       _obeya_card_remove_last_move (ObeyaCard      *card);
void       _obeya_card_set_archived_at  (ObeyaCard      *card,
                                         ObeyaTimestamp  archived_at);
void       _obeya_card_write            (ObeyaCard       *card,
                                         ObeyaJsonWriter *writer);
ObeyaCard *_obeya_card_read             (ObeyaLoadContext *ctx,
                                         JsonObject       *object,
                                         ObeyaBoard       *board);

/* Board */
ObeyaColumn *_obeya_board_find_column   (ObeyaBoard     *board,
                                         const char     *id);
ObeyaLane   *_obeya_board_find_lane     (ObeyaBoard     *board,
                                         const char     *id);
/* Column by id, including deleted (retired) columns, for the move history. */
ObeyaColumn *_obeya_board_lookup_column (ObeyaBoard     *board,
                                         const char     *id);
void         _obeya_board_card_changed  (ObeyaBoard     *board,
                                         ObeyaCard      *card);
void         _obeya_board_write         (ObeyaBoard      *board,
                                         ObeyaJsonWriter *writer);
ObeyaBoard  *_obeya_board_read          (ObeyaLoadContext *ctx,
                                         JsonObject       *object);

/* Recurrence */
void             _obeya_recurrence_write (ObeyaRecurrence *recurrence,
                                          ObeyaJsonWriter *writer);
ObeyaRecurrence *_obeya_recurrence_read  (ObeyaLoadContext *ctx,
                                          JsonObject       *object,
                                          ObeyaBoard       *board);

ObeyaCard       *_obeya_recurrence_build_card     (ObeyaRecurrence *recurrence,
                                                   ObeyaDay         occurrence);
void             _obeya_recurrence_record_created (ObeyaRecurrence *recurrence,
                                                   ObeyaHistory    *history,
                                                   ObeyaDay         occurrence);

typedef void (*ObeyaReadObjectFunc) (ObeyaLoadContext *ctx,
                                     JsonObject       *element,
                                     gpointer          user_data);
/* Reads the optional array member @name of @object, calling @read_one for
 * each element (which must be an object) with the path set to `name[i]`;
 * stops at the first error. */
void       _obeya_read_object_array     (ObeyaLoadContext    *ctx,
                                         JsonObject          *object,
                                         const char          *name,
                                         ObeyaReadObjectFunc  read_one,
                                         gpointer             user_data);

/* Lists of entities (GListModel of ObeyaEntity or any GObject). */
/* Position of @item in @model; FALSE when it is not there. */
gboolean   _obeya_list_find_position    (GListModel     *model,
                                         gpointer        item,
                                         guint          *position);
/* The first item whose "name" property matches @name case-insensitively
 * (borrowed: the model keeps it), or NULL. */
gpointer   _obeya_list_find_by_name     (GListModel     *model,
                                         const char     *name);
/* Refills @index (id → entity, unowned) from @model. */
void       _obeya_list_index_ids        (GListModel     *model,
                                         GHashTable     *index);
/* The "sample" property of @item. */
gboolean   _obeya_item_is_sample        (gpointer        item);

/* Workspace */
GHashTable *_obeya_workspace_get_people_index (ObeyaWorkspace *workspace);
GHashTable *_obeya_workspace_get_tag_index    (ObeyaWorkspace *workspace);

G_END_DECLS
