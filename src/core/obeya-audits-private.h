/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal API of the 5S audit model: the JSON readers and writers of its
 * entities, and what the workspace calls.
 */
#pragma once

#include "obeya-model-private.h"

G_BEGIN_DECLS

/* The workspace's history for @entity, or a throwaway one for a detached
 * entity (the change still happens, it is just not undoable). A new ref. */
ObeyaHistory       *_obeya_audits_ref_history       (gpointer          entity);
/* The 5S section of the workspace @entity belongs to, or NULL. */
ObeyaAudits        *_obeya_audits_for_entity        (gpointer          entity);

/* Workspace */
ObeyaAudits        *_obeya_audits_new               (ObeyaWorkspace   *workspace);
/* Reads "audit_templates", "areas" and "audits" of the workspace @root. */
void                _obeya_audits_read              (ObeyaAudits      *self,
                                                     ObeyaLoadContext *ctx,
                                                     JsonObject       *root);
/* Writes those three members (each only when not empty). */
void                _obeya_audits_write             (ObeyaAudits      *self,
                                                     ObeyaJsonWriter  *writer);
gboolean            _obeya_audits_has_sample        (ObeyaAudits      *self);
/* Records the removals into the open command of @history. */
void                _obeya_audits_clear_sample      (ObeyaAudits      *self,
                                                     ObeyaHistory     *history);
/* ", 3 areas, 18 audits", or "" when there are none. */
char               *_obeya_audits_dup_summary       (ObeyaAudits      *self);
/* Does any audit have an entry (score, N/A, note or photo) for @item_id? */
gboolean            _obeya_audits_item_is_used      (ObeyaAudits      *self,
                                                     const char       *item_id);

/* Template */
void                _obeya_audit_template_write     (ObeyaAuditTemplate *self,
                                                     ObeyaJsonWriter    *writer);
ObeyaAuditTemplate *_obeya_audit_template_read      (ObeyaLoadContext   *ctx,
                                                     JsonObject         *object);
/* A copy (version, origin and sample kept); @fresh_ids gives it and its
 * items new ids; @active_only drops retired items. */
ObeyaAuditTemplate *_obeya_audit_template_dup       (ObeyaAuditTemplate *self,
                                                     gboolean            fresh_ids,
                                                     gboolean            active_only);
void                _obeya_audit_template_set_sample (ObeyaAuditTemplate *self,
                                                      gboolean            sample);

/* Area */
void                _obeya_area_write               (ObeyaArea        *self,
                                                     ObeyaJsonWriter  *writer);
ObeyaArea          *_obeya_area_read                (ObeyaLoadContext *ctx,
                                                     JsonObject       *object,
                                                     ObeyaAudits      *audits);

/* Audit */
void                _obeya_audit_write              (ObeyaAudit       *self,
                                                     ObeyaJsonWriter  *writer);
ObeyaAudit         *_obeya_audit_read               (ObeyaLoadContext *ctx,
                                                     JsonObject       *object,
                                                     ObeyaAudits      *audits);
gboolean            _obeya_audit_has_entry          (ObeyaAudit       *self,
                                                     const char       *item_id);
/* obeya_audit_finish() logged at @time (the sample's past audits). */
gboolean            _obeya_audit_finish_at          (ObeyaAudit       *self,
                                                     ObeyaTimestamp    time,
                                                     GError          **error);

/* Folder scan result (the evidence stored on an audit) */
void                _obeya_scan_result_write        (ObeyaScanResult  *self,
                                                     ObeyaJsonWriter  *writer);
ObeyaScanResult    *_obeya_scan_result_read         (ObeyaLoadContext *ctx,
                                                     JsonObject       *object);

G_END_DECLS
