/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAuditItemPane: one item of an audit as the audit walk shows it: its
 * S, the question, the guidance, the folder-scan evidence, the five score
 * buttons each with its written anchor beside it (and N/A where the item
 * allows it), the note, the photos and the corrective actions raised from
 * it.
 *
 * Expanded (the current item) it shows everything; compact (an item of the
 * scrolling list that is not the current one) only the question, a row of
 * small score buttons with the chosen anchor, and the note.
 *
 * The pane only shows: its buttons activate the walk's actions with the
 * item's id as the target, so buttons, keys and tests take the same path:
 *   walk.score-item (si)   walk.select-item s   walk.raise-action s
 *   walk.add-photo s       walk.open-photo (ss) walk.remove-photo (ss)
 *   walk.open-card s       walk.next
 * The note is the exception: typing happens here, and
 * obeya_audit_item_pane_commit_note() writes it (one undo step) when the
 * field loses the focus, on Escape and Ctrl+Enter, and when the walk moves
 * on.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_AUDIT_ITEM_PANE (obeya_audit_item_pane_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaAuditItemPane, obeya_audit_item_pane, OBEYA, AUDIT_ITEM_PANE, GtkWidget)

GtkWidget      *obeya_audit_item_pane_new          (void);

/* Shows @item of @audit, the @index-th (from 0) of @n_items. Commits a
 * note being typed for the item shown before. */
void            obeya_audit_item_pane_set_item     (ObeyaAuditItemPane *self,
                                                    ObeyaAudit         *audit,
                                                    ObeyaAuditItem     *item,
                                                    guint               index,
                                                    guint               n_items);
ObeyaAuditItem *obeya_audit_item_pane_get_item     (ObeyaAuditItemPane *self);

/* Photos are stored relative to the workspace file's folder. */
void            obeya_audit_item_pane_set_workspace_file (ObeyaAuditItemPane *self,
                                                          GFile              *file);

gboolean        obeya_audit_item_pane_get_expanded (ObeyaAuditItemPane *self);
void            obeya_audit_item_pane_set_expanded (ObeyaAuditItemPane *self,
                                                    gboolean            expanded);
/* FALSE for a finished audit (or a read-only workspace). */
void            obeya_audit_item_pane_set_editable (ObeyaAuditItemPane *self,
                                                    gboolean            editable);

/* Reads the item's entry again (score, note, photos, actions, evidence);
 * a note being typed is kept. */
void            obeya_audit_item_pane_refresh      (ObeyaAuditItemPane *self);

/* Puts the focus in the note field (the walk's Ctrl+M). */
void            obeya_audit_item_pane_focus_note   (ObeyaAuditItemPane *self);
/* Writes the note typed to the audit if it changed. */
void            obeya_audit_item_pane_commit_note  (ObeyaAuditItemPane *self);

/* The button of @score (0–4, OBEYA_SCORE_NA), for tests; NULL when not shown. */
GtkWidget      *obeya_audit_item_pane_get_score_button (ObeyaAuditItemPane *self,
                                                        int                 score);
GtkTextView    *obeya_audit_item_pane_get_note_view (ObeyaAuditItemPane *self);

G_END_DECLS
