/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaWorkspace: one document, one JSON file (DESIGN.md sections 2 and 3):
 * people, tags, boards (and, with later modules, metrics and 5S audits).
 *
 * Loading is safe on any thread (it touches no main context); everything
 * else belongs to the main thread. Every user edit goes through a command
 * recorded in the workspace's ObeyaHistory and, when committed, undone or
 * redone, emits ::changed, which is what the document's autosave listens to.
 */
#pragma once

#include <gio/gio.h>

#include "obeya-enums.h"
#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_WORKSPACE_FORMAT  "obeya-workspace"
/* The file version this build writes. Older files migrate forward on load. */
#define OBEYA_WORKSPACE_VERSION 1

#define OBEYA_WORKSPACE_ERROR (obeya_workspace_error_quark ())

typedef enum
{
  OBEYA_WORKSPACE_ERROR_NOT_A_WORKSPACE, /* valid JSON, but not an Obeya workspace */
  OBEYA_WORKSPACE_ERROR_INVALID,         /* dangling reference, duplicate id, bad value */
} ObeyaWorkspaceError;

#define OBEYA_TYPE_WORKSPACE (obeya_workspace_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaWorkspace, obeya_workspace, OBEYA, WORKSPACE, GObject)

GQuark          obeya_workspace_error_quark   (void);

ObeyaWorkspace *obeya_workspace_new           (void);

/* Parses and validates @bytes (see obeya-json.h for the syntax checks).
 * Errors are OBEYA_JSON_ERROR (syntax, with line and column; bad member,
 * with its path) or OBEYA_WORKSPACE_ERROR. A file of a newer version loads
 * when it can, read-only (obeya_workspace_get_read_only()). */
ObeyaWorkspace *obeya_workspace_load          (GBytes          *bytes,
                                               GError         **error);

/* Serialises the whole workspace: stable, pretty, byte-identical for
 * unchanged data. Main thread. */
GBytes         *obeya_workspace_save          (ObeyaWorkspace  *self,
                                               GError         **error);

/* The version found in the loaded file (OBEYA_WORKSPACE_VERSION for a new one). */
guint           obeya_workspace_get_file_version (ObeyaWorkspace *self);
/* TRUE when the file came from a newer Obeya: never written back. */
gboolean        obeya_workspace_get_read_only (ObeyaWorkspace  *self);

const char     *obeya_workspace_get_name      (ObeyaWorkspace  *self);
void            obeya_workspace_set_name      (ObeyaWorkspace  *self,
                                               const char      *name);
ObeyaHistory   *obeya_workspace_get_history   (ObeyaWorkspace  *self);

/* One line for `obeya validate`: "3 boards, 412 cards, 5 people, 8 tags". */
char           *obeya_workspace_dup_summary   (ObeyaWorkspace  *self);

/* Emitted after every committed change (edit, undo, redo). */
void            obeya_workspace_emit_changed  (ObeyaWorkspace  *self);

/* ---- contents ---------------------------------------------------------- */

GListModel     *obeya_workspace_get_people    (ObeyaWorkspace  *self);
GListModel     *obeya_workspace_get_tags      (ObeyaWorkspace  *self);
GListModel     *obeya_workspace_get_boards    (ObeyaWorkspace  *self);
/* Huddle metrics, categories, miss reasons and the huddle log (obeya-metrics.h). */
ObeyaMetrics   *obeya_workspace_get_metrics   (ObeyaWorkspace  *self);
/* 5S audit templates, areas and audits (obeya-audits.h). */
ObeyaAudits    *obeya_workspace_get_audits    (ObeyaWorkspace  *self);
ObeyaPerson    *obeya_workspace_find_person   (ObeyaWorkspace  *self,
                                               const char      *id);
ObeyaPerson    *obeya_workspace_find_person_by_name (ObeyaWorkspace *self,
                                                     const char     *name);
ObeyaTag       *obeya_workspace_find_tag      (ObeyaWorkspace  *self,
                                               const char      *id);
ObeyaTag       *obeya_workspace_find_tag_by_name (ObeyaWorkspace *self,
                                                  const char     *name);
ObeyaBoard     *obeya_workspace_find_board    (ObeyaWorkspace  *self,
                                               const char      *id);
/* A card on any board. */
ObeyaCard      *obeya_workspace_find_card     (ObeyaWorkspace  *self,
                                               const char      *id);
guint           obeya_workspace_count_cards   (ObeyaWorkspace  *self);

/* Working days (for recurring work and metric cadences): weekdays in the
 * mask (bit 0 = Monday … bit 6 = Sunday; Monday to Friday by default) that
 * are not listed holidays. */
gboolean        obeya_workspace_is_working_day (ObeyaWorkspace *self,
                                                ObeyaDay        day);
guint           obeya_workspace_get_working_weekdays (ObeyaWorkspace *self);
const ObeyaDay *obeya_workspace_get_holidays  (ObeyaWorkspace  *self,
                                               guint           *n_holidays);

/* ---- commands (undoable) ----------------------------------------------- */

ObeyaBoard     *obeya_workspace_add_board     (ObeyaWorkspace     *self,
                                               const char         *name,
                                               ObeyaBoardKind      kind,
                                               ObeyaBoardTemplate  template_);
/* Adds a board built elsewhere (an import). */
void            obeya_workspace_insert_board  (ObeyaWorkspace  *self,
                                               ObeyaBoard      *board,
                                               int              position);
void            obeya_workspace_move_board    (ObeyaWorkspace  *self,
                                               ObeyaBoard      *board,
                                               guint            position);
void            obeya_workspace_delete_board  (ObeyaWorkspace  *self,
                                               ObeyaBoard      *board);

ObeyaPerson    *obeya_workspace_add_person    (ObeyaWorkspace  *self,
                                               const char      *name);
/* Also unassigns the person from every card and recurring card. */
void            obeya_workspace_remove_person (ObeyaWorkspace  *self,
                                               ObeyaPerson     *person);
ObeyaTag       *obeya_workspace_add_tag       (ObeyaWorkspace  *self,
                                               const char      *name,
                                               const char      *color);
/* Also removes the tag from every card and recurring card. */
void            obeya_workspace_remove_tag    (ObeyaWorkspace  *self,
                                               ObeyaTag        *tag);

void            obeya_workspace_set_holidays  (ObeyaWorkspace  *self,
                                               const ObeyaDay  *holidays,
                                               guint            n_holidays);
void            obeya_workspace_set_working_weekdays (ObeyaWorkspace *self,
                                                      guint           mask);

/* Sample content (first start): is there any, and remove all of it. */
gboolean        obeya_workspace_has_sample    (ObeyaWorkspace  *self);
void            obeya_workspace_clear_sample  (ObeyaWorkspace  *self);

/* Creates the due cards of every board's recurring work; how many. */
guint           obeya_workspace_run_recurrences (ObeyaWorkspace *self,
                                                 ObeyaDay        today);

/* The tag colours a user can choose, NULL-terminated ("blue", "green", …). */
const char * const *obeya_tag_colors          (void);

G_END_DECLS
