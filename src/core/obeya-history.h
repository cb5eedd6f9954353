/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaHistory: undo and redo for every edit.
 *
 * A command is a labelled list of primitive changes. Core operations open a
 * command with obeya_history_begin(), apply their changes through the
 * primitives below (each applies itself at once and remembers how to revert),
 * and close it with obeya_history_end(). Commands nest: only the outermost
 * end() commits, so an operation built from other operations is one undo
 * step. Undo reverts the changes of the last command in reverse order; redo
 * applies them again in order; both restore exactly (positions, property
 * values, move history), because they replay the same primitives.
 *
 * After every commit, undo and redo, ::changed is emitted: the workspace
 * forwards it as its own ::changed, which drives autosave.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OBEYA_TYPE_HISTORY (obeya_history_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaHistory, obeya_history, OBEYA, HISTORY, GObject)

typedef void (*ObeyaChangeFunc) (gpointer data);

ObeyaHistory *obeya_history_new           (void);

void          obeya_history_begin         (ObeyaHistory  *self,
                                           const char    *label);
void          obeya_history_end           (ObeyaHistory  *self);
gboolean      obeya_history_is_recording  (ObeyaHistory  *self);

/* Primitives. Each applies the change immediately. Outside begin()/end()
 * each one is a command of its own. */
void          obeya_history_set_property  (ObeyaHistory  *self,
                                           GObject       *object,
                                           const char    *property,
                                           const GValue  *value);
void          obeya_history_insert        (ObeyaHistory  *self,
                                           GListStore    *store,
                                           guint          position,
                                           gpointer       item);
void          obeya_history_remove        (ObeyaHistory  *self,
                                           GListStore    *store,
                                           guint          position);
/* Moves the item at @from to @to (positions in the list before the move). */
void          obeya_history_move          (ObeyaHistory  *self,
                                           GListStore    *store,
                                           guint          from,
                                           guint          to);
/* Calls @apply now; @revert on undo, @apply again on redo. @destroy frees
 * @data when the command leaves the history. */
void          obeya_history_custom        (ObeyaHistory   *self,
                                           ObeyaChangeFunc apply,
                                           ObeyaChangeFunc revert,
                                           gpointer        data,
                                           GDestroyNotify  destroy);

gboolean      obeya_history_can_undo      (ObeyaHistory  *self);
gboolean      obeya_history_can_redo      (ObeyaHistory  *self);
const char   *obeya_history_get_undo_label (ObeyaHistory *self);
const char   *obeya_history_get_redo_label (ObeyaHistory *self);
gboolean      obeya_history_undo          (ObeyaHistory  *self);
gboolean      obeya_history_redo          (ObeyaHistory  *self);
void          obeya_history_clear         (ObeyaHistory  *self);

/* Number of commands kept; older ones are dropped. */
#define OBEYA_HISTORY_DEPTH 500

G_END_DECLS
