/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAudit: one 5S audit of an area: the template (and its version) it
 * was scored against, the auditor, the date, and per item a score 0–4 or
 * N/A, a note and photo files; a free-text summary; the folder-scan
 * evidence; the corrective actions raised from it (cards); and a log of
 * every finish and reopen (when and who).
 *
 * An audit starts as a draft (ordinary workspace data: it is saved and
 * survives a reload) and is finished when every item is scored or N/A. A
 * finished audit is read-only: every command below except
 * obeya_audit_reopen() and obeya_audit_raise_action() returns FALSE and
 * changes nothing. Reopening is recorded in the log.
 *
 * Per-item results are plain structs in one array (no GObject per score):
 * only items with a score, N/A, a note or a photo have an entry, in the
 * order they were first touched. In the file: `"scores": [["itemid", 3],
 * ["itemid", "na", "note"], ["itemid", null, "note", ["photos/a.jpg"]]]`.
 *
 * Every command is one undo step (scoring an item, writing its note…).
 */
#pragma once

#include <gio/gio.h>

#include "obeya-audit-enums.h"
#include "obeya-entity.h"
#include "obeya-time.h"

G_BEGIN_DECLS

/* Score values besides 0–4. */
#define OBEYA_SCORE_UNSCORED (-1)
#define OBEYA_SCORE_NA       (-2)
#define OBEYA_SCORE_MAX      4

typedef struct
{
  const char *item_id; /* interned */
  int         score;   /* 0–4, OBEYA_SCORE_NA or OBEYA_SCORE_UNSCORED */
  char       *note;    /* NULL for none */
  GStrv       photos;  /* paths relative to the workspace file's folder; NULL for none */
} ObeyaAuditEntry;

typedef struct
{
  ObeyaTimestamp      time;
  ObeyaAuditEventKind kind;
  char               *person_id; /* who finished or reopened; may be NULL */
  char               *reason;    /* why it was reopened; may be NULL */
} ObeyaAuditEvent;

/* A corrective action as obeya_audit_list_actions() reports it. */
typedef struct
{
  const char *card_id;
  const char *item_id;
  ObeyaCard  *card;        /* NULL when the card no longer exists */
  const char *column_name; /* the card's column, NULL when the card is gone */
  gboolean    done;        /* in a done column */
  gboolean    archived;
} ObeyaAuditAction;

#define OBEYA_AUDIT_ERROR (obeya_audit_error_quark ())

typedef enum
{
  OBEYA_AUDIT_ERROR_INCOMPLETE, /* items are not scored yet */
  OBEYA_AUDIT_ERROR_FINISHED,   /* the audit is finished: reopen it first */
} ObeyaAuditError;

#define OBEYA_TYPE_AUDIT (obeya_audit_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaAudit, obeya_audit, OBEYA, AUDIT, ObeyaEntity)

GQuark                 obeya_audit_error_quark        (void);

/* A detached draft; obeya_audits_start_audit() creates one in a workspace. */
ObeyaAudit            *obeya_audit_new                (ObeyaArea  *area,
                                                       ObeyaDay    date,
                                                       const char *auditor_id);

ObeyaArea             *obeya_audit_get_area           (ObeyaAudit *self);
ObeyaAuditTemplate    *obeya_audit_get_template       (ObeyaAudit *self);
guint                  obeya_audit_get_template_version (ObeyaAudit *self);
const char            *obeya_audit_get_auditor        (ObeyaAudit *self);
ObeyaDay               obeya_audit_get_date           (ObeyaAudit *self);
ObeyaAuditState        obeya_audit_get_state          (ObeyaAudit *self);
gboolean               obeya_audit_is_finished        (ObeyaAudit *self);
const char            *obeya_audit_get_summary        (ObeyaAudit *self);
gboolean               obeya_audit_get_sample         (ObeyaAudit *self);
ObeyaScanResult       *obeya_audit_get_scan           (ObeyaAudit *self);

const ObeyaAuditEntry *obeya_audit_get_entries        (ObeyaAudit *self,
                                                       guint      *n_entries);
const ObeyaAuditEntry *obeya_audit_get_entry          (ObeyaAudit *self,
                                                       const char *item_id);
/* 0–4, OBEYA_SCORE_NA or OBEYA_SCORE_UNSCORED. */
int                    obeya_audit_get_score          (ObeyaAudit *self,
                                                       const char *item_id);
/* The items this audit covers, in template order: a finished audit, the
 * items it has entries for (retired ones included); a draft, also every
 * active item of the template. */
GPtrArray             *obeya_audit_dup_items          (ObeyaAudit *self);
/* Active template items with neither a score nor N/A. */
guint                  obeya_audit_count_unscored     (ObeyaAudit *self);
const ObeyaAuditEvent *obeya_audit_get_log            (ObeyaAudit *self,
                                                       guint      *n_events);

/* ---- commands (undoable) ------------------------------------------------- */

/* @score: 0–4, OBEYA_SCORE_NA (only where the item allows it) or
 * OBEYA_SCORE_UNSCORED (clears it). FALSE for a finished audit, an unknown
 * item or a score out of range. */
gboolean               obeya_audit_set_score          (ObeyaAudit *self,
                                                       const char *item_id,
                                                       int         score);
gboolean               obeya_audit_set_note           (ObeyaAudit *self,
                                                       const char *item_id,
                                                       const char *note);
/* Paths relative to the workspace file's folder (see
 * obeya_audit_make_photo_path()); absolute paths are refused. */
gboolean               obeya_audit_set_photos         (ObeyaAudit         *self,
                                                       const char         *item_id,
                                                       const char * const *photos);
gboolean               obeya_audit_set_summary        (ObeyaAudit *self,
                                                       const char *summary);
gboolean               obeya_audit_set_auditor        (ObeyaAudit *self,
                                                       const char *person_id);
gboolean               obeya_audit_set_date           (ObeyaAudit *self,
                                                       ObeyaDay    date);
/* Attaches a folder scan as evidence (NULL removes it). */
gboolean               obeya_audit_set_scan           (ObeyaAudit      *self,
                                                       ObeyaScanResult *scan);
/* Finishes the audit (logged with the time and the auditor). Fails with
 * OBEYA_AUDIT_ERROR_INCOMPLETE while active items are unscored. The
 * recorded template version becomes the template's current one. */
gboolean               obeya_audit_finish             (ObeyaAudit  *self,
                                                       GError     **error);
/* Makes a finished audit a draft again, logged with the time, @person_id
 * (who) and @reason (may be NULL). */
gboolean               obeya_audit_reopen             (ObeyaAudit *self,
                                                       const char *person_id,
                                                       const char *reason);

/* ---- corrective actions ------------------------------------------------- */

/* One command: a card on @board (first backlog column, else the first
 * column) titled @title (NULL: the item's question), with @description,
 * due @due (OBEYA_DAY_NONE for none), assigned to @owner_id (may be NULL),
 * tagged "5S" (the tag is created when missing) and linked back with a card
 * link of kind "audit" (target: this audit's id, label: the item id); the
 * audit keeps the card. Allowed on finished audits too. */
ObeyaCard             *obeya_audit_raise_action       (ObeyaAudit *self,
                                                       const char *item_id,
                                                       ObeyaBoard *board,
                                                       const char *title,
                                                       const char *description,
                                                       ObeyaDay    due,
                                                       const char *owner_id);
/* The actions raised from this audit, oldest first: a new array of
 * ObeyaAuditAction (valid while the model is unchanged). */
GArray                *obeya_audit_list_actions       (ObeyaAudit *self);

/* A translated line of folder-scan evidence for @item (NULL when the item
 * has no evidence kind or the audit no scan). */
char                  *obeya_audit_describe_evidence  (ObeyaAudit     *self,
                                                       ObeyaAuditItem *item);

/* ---- photo files --------------------------------------------------------- */

/* The file of a stored photo path, relative to @workspace_file's folder. */
GFile                 *obeya_audit_resolve_photo      (GFile      *workspace_file,
                                                       const char *path);
/* The path to store for @photo: relative to @workspace_file's folder, with
 * "../" where needed; NULL when they share no folder. */
char                  *obeya_audit_make_photo_path    (GFile      *workspace_file,
                                                       GFile      *photo);

G_END_DECLS
