/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAuditTemplate: a named list of 5S audit items grouped by the five S.
 *
 * The version starts at 1 and goes up by one with every command that changes
 * the items (add, edit, move, remove or retire, restore); an audit records
 * the version it was scored against. Renaming does not change the version.
 *
 * Items keep their order in one list (retired ones included, flagged); a
 * view groups them by S. Removing an item that some audit has scored, noted
 * or photographed retires it instead, so that audit still reads its text and
 * its scores do not change; an unused item is really deleted.
 *
 * Templates travel as standalone JSON files ("format": "obeya-5s-template",
 * documented in data/5s-templates/README.md). The two built-in templates,
 * "office" and "digital-workplace", are such files compiled into the
 * program; obeya_audit_template_new_builtin() returns one translated into
 * the user's language.
 */
#pragma once

#include "obeya-audit-item.h"
#include "obeya-entity.h"

G_BEGIN_DECLS

#define OBEYA_AUDIT_TEMPLATE_FORMAT       "obeya-5s-template"
#define OBEYA_AUDIT_TEMPLATE_FILE_VERSION 1

#define OBEYA_TYPE_AUDIT_TEMPLATE (obeya_audit_template_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaAuditTemplate, obeya_audit_template, OBEYA, AUDIT_TEMPLATE, ObeyaEntity)

ObeyaAuditTemplate *obeya_audit_template_new          (const char *name);

const char         *obeya_audit_template_get_name     (ObeyaAuditTemplate *self);
guint               obeya_audit_template_get_version  (ObeyaAuditTemplate *self);
/* The built-in template it was made from ("office"), or NULL. */
const char         *obeya_audit_template_get_origin   (ObeyaAuditTemplate *self);
gboolean            obeya_audit_template_get_sample   (ObeyaAuditTemplate *self);

/* Every item, retired ones included, in order. */
GListModel         *obeya_audit_template_get_items    (ObeyaAuditTemplate *self);
/* The items that are not retired, in order (a new array of references). */
GPtrArray          *obeya_audit_template_dup_active_items (ObeyaAuditTemplate *self);
/* Active items of @s. */
guint               obeya_audit_template_count_active (ObeyaAuditTemplate *self,
                                                       ObeyaFiveS          s);
/* Any item, retired ones included. */
ObeyaAuditItem     *obeya_audit_template_find_item    (ObeyaAuditTemplate *self,
                                                       const char         *id);

/* ---- commands (undoable; each bumps the version) ----------------------- */

/* @position is an index in obeya_audit_template_get_items(); -1 puts the
 * item after the last item of the same S (or where that S belongs). */
ObeyaAuditItem     *obeya_audit_template_add_item     (ObeyaAuditTemplate *self,
                                                       ObeyaFiveS          s,
                                                       const char         *question,
                                                       const char * const *anchors,
                                                       int                 position);
/* Sets properties of @item ("question", "anchors", "guidance", "allows-na",
 * "evidence", "s") as one command:
 *   obeya_audit_template_edit_item (t, item, "question", text, NULL);
 * Edits are for wording: moving an item that audits have used to another S
 * would change their scores, so that is refused (FALSE, nothing changed);
 * retire it and add a new one instead. */
gboolean            obeya_audit_template_edit_item    (ObeyaAuditTemplate *self,
                                                       ObeyaAuditItem     *item,
                                                       const char         *first_property,
                                                       ...) G_GNUC_NULL_TERMINATED;
void                obeya_audit_template_move_item    (ObeyaAuditTemplate *self,
                                                       ObeyaAuditItem     *item,
                                                       guint               position);
/* Retires @item when an audit uses it (returns TRUE), deletes it otherwise
 * (returns FALSE). */
gboolean            obeya_audit_template_remove_item  (ObeyaAuditTemplate *self,
                                                       ObeyaAuditItem     *item);
void                obeya_audit_template_restore_item (ObeyaAuditTemplate *self,
                                                       ObeyaAuditItem     *item);

/* ---- files -------------------------------------------------------------- */

/* The standalone file of this template. */
GBytes             *obeya_audit_template_export       (ObeyaAuditTemplate *self,
                                                       GError            **error);
/* Reads a standalone template file into a new detached template (the ids
 * of the file kept). Errors are OBEYA_JSON_ERROR with the member path, or
 * OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE when the file is something else. */
ObeyaAuditTemplate *obeya_audit_template_new_from_bytes (GBytes   *bytes,
                                                         GError  **error);
/* A detached copy: new ids, version 1, no retired items, not sample. */
ObeyaAuditTemplate *obeya_audit_template_copy         (ObeyaAuditTemplate *self,
                                                       const char         *name);

/* The ids of the built-in templates, NULL-terminated: "office",
 * "digital-workplace". */
const char * const *obeya_audit_template_get_builtin_ids (void);
/* A built-in template, detached, in the user's language. */
ObeyaAuditTemplate *obeya_audit_template_new_builtin  (const char  *builtin_id,
                                                       GError     **error);

G_END_DECLS
