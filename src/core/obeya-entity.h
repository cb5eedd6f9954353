/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaEntity: the base of everything stored in a workspace that has an id.
 *
 * - a stable random id (DESIGN.md section 3), set at construction;
 * - a non-owning parent pointer (card → board → workspace), so any entity
 *   can find the workspace and its undo history;
 * - the members of its JSON object that this version does not know, kept
 *   and written back unchanged.
 *
 * obeya_entity_edit() is the one generic edit command: it sets GObject
 * properties through the workspace history, so every scalar field of every
 * entity is editable with undo without a hand-written command per field.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_ENTITY (obeya_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (ObeyaEntity, obeya_entity, OBEYA, ENTITY, GObject)

struct _ObeyaEntityClass
{
  GObjectClass parent_class;
};

const char     *obeya_entity_get_id        (ObeyaEntity *self);
GObject        *obeya_entity_get_parent    (ObeyaEntity *self);
void            obeya_entity_set_parent    (ObeyaEntity *self,
                                            GObject     *parent);
/* Walks up the parents; NULL for a detached entity. */
ObeyaWorkspace *obeya_entity_get_workspace (ObeyaEntity *self);
/* The workspace's history, or NULL for a detached entity. */
ObeyaHistory   *obeya_entity_get_history   (ObeyaEntity *self);

JsonObject     *obeya_entity_get_extra     (ObeyaEntity *self);
void            obeya_entity_take_extra    (ObeyaEntity *self,
                                            JsonObject  *extra);

/* Sets one or more properties as one undoable command named @label:
 *   obeya_entity_edit (OBEYA_ENTITY (card), label, "title", title, NULL);
 * Properties whose value does not change are skipped; a command with no change
 * is not recorded. A detached entity is simply set. */
void            obeya_entity_edit          (ObeyaEntity *self,
                                            const char  *label,
                                            const char  *first_property,
                                            ...) G_GNUC_NULL_TERMINATED;
void            obeya_entity_edit_value    (ObeyaEntity  *self,
                                            const char   *label,
                                            const char   *property,
                                            const GValue *value);

G_END_DECLS
