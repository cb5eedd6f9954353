/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaAuditResults: what an audit found, for the supervisor and whoever
 * they hand it to: the overall percentage and its change since the previous
 * audit of the area, a radar of the five S (this audit filled, the previous
 * one dashed), a bar per S, the comparison item by item (the items that
 * dropped first), the items scored 0 or 1 with their notes and photos, the
 * corrective actions with their card's column and whether they are done (a
 * click opens the card), the folder-scan evidence, the summary and the log
 * of finishes and reopens.
 *
 * A finished audit is read-only; "Reopen…" asks why and records it, then
 * opens the walk. "Save as PDF…" and "Print…" hand out the report.
 */
#pragma once

#include <adwaita.h>

#include "obeya-types.h"

G_BEGIN_DECLS

#define OBEYA_TYPE_AUDIT_RESULTS (obeya_audit_results_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaAuditResults, obeya_audit_results, OBEYA, AUDIT_RESULTS, AdwWindow)

ObeyaAuditResults *obeya_audit_results_new       (GtkWindow         *parent,
                                                  ObeyaAudit        *audit);
ObeyaAudit        *obeya_audit_results_get_audit (ObeyaAuditResults *self);
/* Reopens the audit (recorded with @reason and the user) and opens it in
 * the walk, as the Reopen dialog does. */
void               obeya_audit_results_reopen    (ObeyaAuditResults *self,
                                                  const char        *reason);

G_END_DECLS
