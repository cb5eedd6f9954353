/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAuditWalk: the window in which a supervisor walks an area and scores
 * a draft audit, by keyboard alone if they like:
 *
 *   0 1 2 3 4   score the current item and go to the next
 *   N           N/A (where the item allows it), and the next
 *   Enter       next item (Page Down too: a presentation clicker works)
 *   Shift+Enter previous item (Page Up too)
 *   Ctrl+M      write a note for the item (Escape returns, Ctrl+Enter
 *               writes it and goes to the next item)
 *   P           add a photo        A   raise a corrective action
 *   Ctrl+Z      undo (one score, one note: one step)
 *   Escape      close: the draft stays in the workspace, saved like every
 *               change, and resumes where it was left
 *
 * Two ways to walk, the supervisor's choice, remembered in the GSettings
 * key "audit-walk-mode": one item at a time (each score's anchor beside
 * its button), or every item in one scrolling list (the current item shows
 * its anchors, the others are compact). Progress shows as "n of m scored"
 * and per S. After the last item, the summary: what is not scored yet, the
 * scores so far, the folder-scan evidence, auditor, date, the summary text,
 * and Finish, which opens the results.
 *
 * Photos are stored relative to the workspace file. A photo already in the
 * workspace's folder (or below it) is referenced where it is; any other is
 * copied into the folder "<workspace name> photos" beside the workspace
 * file, so that a team workspace on a shared drive carries its photos with
 * it. Nothing is ever deleted: removing a photo from an item keeps the file.
 *
 * Every change goes through the core commands (obeya-audit.h), so each is
 * one undo step and autosaved.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_AUDIT_WALK (obeya_audit_walk_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaAuditWalk, obeya_audit_walk, OBEYA, AUDIT_WALK, AdwWindow)

/* Modal over @parent; present it with gtk_window_present(). It starts at
 * the first item not scored yet. */
ObeyaAuditWalk *obeya_audit_walk_new              (GtkWindow      *parent,
                                                   ObeyaAudit     *audit);
ObeyaAudit     *obeya_audit_walk_get_audit        (ObeyaAuditWalk *self);
/* The current item, or NULL while the summary shows. */
ObeyaAuditItem *obeya_audit_walk_get_current_item (ObeyaAuditWalk *self);
/* "one-at-a-time" or "list". */
const char     *obeya_audit_walk_get_mode         (ObeyaAuditWalk *self);
/* Adds @files (GFiles) as photos of @item_id, as "Add Photo…" does: a
 * file in the workspace's folder is referenced, any other is copied into
 * "<workspace name> photos" first. The copies run in the background; the
 * photos are set (one undo step) when they are done. */
void            obeya_audit_walk_add_photos       (ObeyaAuditWalk *self,
                                                   const char     *item_id,
                                                   GListModel     *files);
/* The pane of the current item (tests). */
GtkWidget      *obeya_audit_walk_get_current_pane (ObeyaAuditWalk *self);

G_END_DECLS
