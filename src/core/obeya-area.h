/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaArea: a place that is audited ("AP team desks", "Finance shared
 * drive"): its template, an owner, an audit cadence, and for the digital
 * 5S folder scan a folder, the file-name pattern the team agreed on (a
 * regular expression, see obeya-folder-scan.h for readable presets) and
 * after how many days unmodified a file counts as stale.
 *
 * Plain fields are properties edited with obeya_entity_edit(); the "owner"
 * is a person id ("template" is the ObeyaAuditTemplate object).
 */
#pragma once

#include "obeya-audit-enums.h"
#include "obeya-entity.h"
#include "obeya-time.h"

G_BEGIN_DECLS

#define OBEYA_AREA_DEFAULT_STALE_DAYS 365

#define OBEYA_TYPE_AREA (obeya_area_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaArea, obeya_area, OBEYA, AREA, ObeyaEntity)

ObeyaArea          *obeya_area_new              (const char         *name,
                                                 ObeyaAuditTemplate *template_,
                                                 ObeyaAuditCadence   cadence);
const char         *obeya_area_get_name         (ObeyaArea *self);
ObeyaAuditTemplate *obeya_area_get_template     (ObeyaArea *self);
/* A person id, or NULL. */
const char         *obeya_area_get_owner        (ObeyaArea *self);
ObeyaAuditCadence   obeya_area_get_cadence      (ObeyaArea *self);
/* Folder for the digital scan (a local or mounted path), or NULL. */
const char         *obeya_area_get_folder       (ObeyaArea *self);
/* Regular expression every file name should match, or NULL. */
const char         *obeya_area_get_name_pattern (ObeyaArea *self);
guint               obeya_area_get_stale_days   (ObeyaArea *self);
gboolean            obeya_area_get_sample       (ObeyaArea *self);

/* The day the next audit is due after one on @last (OBEYA_DAY_NONE: never
 * audited, due @today). Months are calendar months, clamped to the month's
 * end (audited 31 January, monthly → due 28 or 29 February). */
ObeyaDay            obeya_area_next_due         (ObeyaArea *self,
                                                 ObeyaDay   last,
                                                 ObeyaDay   today);

G_END_DECLS
