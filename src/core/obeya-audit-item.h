/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAuditItem: one item of a 5S audit template: the S it belongs to, the
 * question the auditor answers, the written anchor of every score 0 to 4
 * (what a 0, a 1, … a 4 looks like, shown beside the score so scores do not
 * drift), optional guidance, whether N/A is allowed, which folder-scan
 * number is evidence for it, and whether it is retired.
 *
 * Items are edited through their template's commands
 * (obeya_audit_template_edit_item() and friends), which also bump the
 * template's version. An item that past audits scored is retired, never
 * deleted, so those audits still read its text.
 */
#pragma once

#include "obeya-audit-enums.h"
#include "obeya-entity.h"

G_BEGIN_DECLS

#define OBEYA_AUDIT_N_ANCHORS 5

#define OBEYA_TYPE_AUDIT_ITEM (obeya_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaAuditItem, obeya_audit_item, OBEYA, AUDIT_ITEM, ObeyaEntity)

/* @anchors holds OBEYA_AUDIT_N_ANCHORS strings (score 0 first), or NULL. */
ObeyaAuditItem      *obeya_audit_item_new          (ObeyaFiveS          s,
                                                    const char         *question,
                                                    const char * const *anchors);
ObeyaAuditTemplate  *obeya_audit_item_get_template (ObeyaAuditItem *self);
ObeyaFiveS           obeya_audit_item_get_s        (ObeyaAuditItem *self);
const char          *obeya_audit_item_get_question (ObeyaAuditItem *self);
/* Always OBEYA_AUDIT_N_ANCHORS strings (empty ones where none was written). */
const char * const  *obeya_audit_item_get_anchors  (ObeyaAuditItem *self);
/* The anchor of @score (0–4). */
const char          *obeya_audit_item_get_anchor   (ObeyaAuditItem *self,
                                                    int             score);
const char          *obeya_audit_item_get_guidance (ObeyaAuditItem *self);
gboolean             obeya_audit_item_get_allows_na (ObeyaAuditItem *self);
ObeyaScanEvidence    obeya_audit_item_get_evidence (ObeyaAuditItem *self);
gboolean             obeya_audit_item_get_retired  (ObeyaAuditItem *self);

G_END_DECLS
